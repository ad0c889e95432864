using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Formatting;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace Summarizer.Cli.Notebooks;

/// <summary>The kernel a headless run executes cells in: C# (with NuGet directives) and the value kernel.</summary>
internal static class NotebookKernel
{
    /// <summary>Name of the C# kernel; the default for cells that name none.</summary>
    public const string CSharp = "csharp";

    /// <summary>Name of the value kernel (raw values shared with <c>#!set</c>).</summary>
    public const string Value = "value";

    /// <summary>The pseudo-kernel of markdown cells; they are rendered, never executed.</summary>
    public const string Markdown = "markdown";

    /// <summary>Kernel names and aliases the document parser recognises in .ipynb metadata and .dib cell headers.</summary>
    public static KernelInfoCollection KernelInfos()
    {
        // Languages this runner does not host are still listed so a .dib splits into the right cells; running one
        // gives a clear error for that cell instead of a mis-parsed notebook.
        return new KernelInfoCollection
        {
            new(CSharp, "C#", ["c#", "C#", "cs"]),
            new(Value, "value", []),
            new(Markdown, "Markdown", ["md"]),
            new("fsharp", "F#", ["f#", "F#", "fs"]),
            new("pwsh", "PowerShell", ["powershell"]),
            new("html", "HTML", []),
            new("javascript", "JavaScript", ["js"]),
            new("mermaid", "Mermaid", []),
            new("sql", "SQL", []),
            new("kql", "KQL", []),
            new("http", "HTTP", []),
        };
    }

    /// <summary>Creates a composite kernel like the one a notebook front end talks to, minus the languages it lacks.</summary>
    /// <param name="hostedPackages">Packages built into the runner; references to them are answered as satisfied.</param>
    public static CompositeKernel Create(HostedPackages hostedPackages)
    {
        var csharp = new CSharpKernel()
            .UseNugetDirective((kernel, references) =>
            {
                kernel.AddAssemblyReferences(references.SelectMany(r => r.AssemblyPaths));
                return Task.CompletedTask;
            })
            .UseKernelHelpers()
            .UseWho()
            .UseValueSharing();
        hostedPackages.InstallOn(csharp);

        var composite = new CompositeKernel();
        composite.Add(csharp, ["c#", "C#"]);
        composite.Add(new KeyValueStoreKernel().UseWho());
        composite.DefaultKernelName = CSharp;

        // Same formatting choices as the notebook tool in a browser front end: objects as HTML, strings as text.
        Formatter.DefaultMimeType = HtmlFormatter.MimeType;
        Formatter.SetPreferredMimeTypesFor(typeof(string), PlainTextFormatter.MimeType);
        return composite;
    }

    /// <summary>True when the composite kernel can run a cell that targets <paramref name="kernelName"/>.</summary>
    public static bool Hosts(CompositeKernel kernel, string kernelName) =>
        kernel.ChildKernels.Any(k => string.Equals(k.Name, kernelName, StringComparison.Ordinal)
                                     || k.KernelInfo.Aliases.Contains(kernelName, StringComparer.Ordinal));
}
