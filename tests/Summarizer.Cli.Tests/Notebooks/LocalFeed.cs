using Summarizer.Cli.Notebooks;

namespace Summarizer.Cli.Tests.Notebooks;

/// <summary>
/// <c>summarizer notebook setup</c> into a folder of its own: the packages the tool was built with, in a local feed,
/// and the load lines. Disposing removes the folder and the packages NuGet restored from it.
/// </summary>
internal sealed class LocalFeed : IDisposable
{
    public LocalFeed()
    {
        Root = Directory.CreateTempSubdirectory("summarizer-setup-").FullName;
        // The folder the notebooks read is LocalApplicationData/summarizer: $XDG_DATA_HOME/summarizer on Linux.
        DataHome = Directory.CreateDirectory(Path.Combine(Root, "data")).FullName;
        Setup = new NotebookSetup(PackagesDirectory, Path.Combine(DataHome, "summarizer"));
        Result = Setup.Install();
    }

    /// <summary>Where the tool built next to these tests keeps the extension's packages.</summary>
    public static string PackagesDirectory
    {
        get
        {
            // Built in the same configuration as the tests: bin/<configuration>/net10.0.
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            return Repo.PathOf("src", "Summarizer.Cli", "bin", configuration, "net10.0", "notebook-packages");
        }
    }

    public string Root { get; }

    /// <summary>The value of XDG_DATA_HOME under which the load file lies.</summary>
    public string DataHome { get; }

    public NotebookSetup Setup { get; }

    public SetupResult Result { get; }

    public void Dispose()
    {
        Directory.Delete(Root, recursive: true);
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ??
                       Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in new[] { "summarizer.interactive", "summarizer.core" })
        {
            var folder = Path.Combine(packages, id, Result.Version);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
