using System.Reflection;
using Microsoft.DotNet.Interactive;

namespace Summarizer.Cli.Notebooks;

/// <summary>What the CLI's runner loads into every kernel and inlines into every exported page.</summary>
internal static class NotebookHost
{
    /// <summary>The package id notebooks reference to load the Summarizer kernel extension.</summary>
    public const string ExtensionPackageId = "Summarizer.Interactive";

    /// <summary>A runner with the kernel extensions this tool is built with.</summary>
    public static NotebookRunner CreateRunner() => new(LoadExtensionsAsync, HostedExtensionPackage());

    /// <summary>An exporter that inlines the scripts the hosted extensions' outputs share.</summary>
    public static NotebookHtmlExporter CreateExporter() => new([]);

    /// <summary>The extension package, at the version of the assembly this tool was built with.</summary>
    public static HostedPackages HostedExtensionPackage() =>
        new(new Dictionary<string, string> { [ExtensionPackageId] = VersionOf(typeof(NotebookHost).Assembly) });

    private static Task LoadExtensionsAsync(CompositeKernel kernel) => Task.CompletedTask;

    private static string VersionOf(Assembly assembly)
    {
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return informational?.Split('+')[0] ?? assembly.GetName().Version?.ToString(3) ?? "0.0.0";
    }
}
