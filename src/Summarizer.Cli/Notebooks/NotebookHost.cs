using System.Reflection;
using Microsoft.Data.Analysis.Interactive;
using Microsoft.DotNet.Interactive;
using Summarizer.Interactive.Rendering;
using Summarizer.Interactive;

namespace Summarizer.Cli.Notebooks;

/// <summary>What the CLI's runner loads into every kernel and inlines into every exported page.</summary>
internal static class NotebookHost
{
    /// <summary>The package id notebooks reference to load the Summarizer kernel extension.</summary>
    public const string ExtensionPackageId = "Summarizer.Interactive";

    /// <summary>
    /// The variable the repository's notebooks read the lines that load Summarizer from, before the file
    /// <c>summarizer notebook setup</c> writes.
    /// </summary>
    public const string LoadVariable = "SUMMARIZER_NOTEBOOK_LOAD";

    /// <summary>
    /// A runner with the kernel extensions this tool is built with. Notebooks that load Summarizer the way
    /// <c>summarizer notebook setup</c> arranges are told to reference the built-in package instead, so they run here
    /// without any setup.
    /// </summary>
    public static NotebookRunner CreateRunner()
    {
        var hosted = HostedExtensionPackage();
        Environment.SetEnvironmentVariable(LoadVariable, $"#r \"nuget: {ExtensionPackageId}, {VersionOf(typeof(SummarizerKernelExtension).Assembly)}\"");
        return new(LoadExtensionsAsync, hosted);
    }

    /// <summary>An exporter that inlines the extension's page scripts (plotly.js) once for all outputs on the page.</summary>
    public static NotebookHtmlExporter CreateExporter() => new(PageAssets.Scripts);

    /// <summary>
    /// The extension package, at the version of the assembly this tool was built with; a reference to it shows the
    /// extension's welcome card, as loading the package in an editor does.
    /// </summary>
    public static HostedPackages HostedExtensionPackage() =>
        new(
            new Dictionary<string, string> { [ExtensionPackageId] = VersionOf(typeof(SummarizerKernelExtension).Assembly) },
            SummarizerKernelExtension.LoadAsync);

    /// <summary>Loads the DataFrame formatter (as the notebook tool does for Microsoft.Data.Analysis) and Summarizer's extension.</summary>
    public static async Task LoadExtensionsAsync(CompositeKernel kernel)
    {
        await new DataFrameKernelExtension().OnLoadAsync(kernel).ConfigureAwait(false);
        await SummarizerKernelExtension.LoadAsync(kernel).ConfigureAwait(false);
    }

    private static string VersionOf(Assembly assembly)
    {
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return informational?.Split('+')[0] ?? assembly.GetName().Version?.ToString(3) ?? "0.0.0";
    }
}
