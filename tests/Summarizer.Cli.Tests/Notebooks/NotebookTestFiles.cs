using System.Text;

namespace Summarizer.Cli.Tests.Notebooks;

/// <summary>A temporary folder for one test's notebooks and outputs, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "summarizer-nb-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes a .dib notebook from (kernel, source) cells and returns its path.</summary>
    public string WriteDib(string name, params (string Kernel, string Source)[] cells)
    {
        var text = new StringBuilder();
        foreach (var (kernel, source) in cells)
        {
            text.Append("#!").Append(kernel).Append("\n\n").Append(source.TrimEnd()).Append("\n\n");
        }

        var path = File(name);
        System.IO.File.WriteAllText(path, text.ToString());
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A kernel may still hold a file open on a slow machine; the OS cleans temp folders.
        }
    }
}

/// <summary>Locates the repository (the folder holding Summarizer.sln).</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Summarizer.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException($"No Summarizer.sln above {AppContext.BaseDirectory}.");
    }
}

/// <summary>Tests that run a kernel share process-wide state (formatters, current directory): run them one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NotebookKernelCollection
{
    public const string Name = "Notebook kernel";
}
