namespace Summarizer.Core.Tests.TestSupport;

/// <summary>Locates the repository's <c>seeds/</c> folder and the optional shared measurement data.</summary>
internal static class Seeds
{
    public static string Root { get; } = FindUp("seeds");

    public static string Path(string name) => System.IO.Path.Combine(Root, name);

    public static string Read(string name) => File.ReadAllText(Path(name));

    /// <summary>The shared data folder (../shared/data next to the clone), or null when it is absent.</summary>
    public static string? SharedData
    {
        get
        {
            var repo = Directory.GetParent(Root)!.FullName;
            var candidate = System.IO.Path.GetFullPath(System.IO.Path.Combine(repo, "..", "shared", "data"));
            return Directory.Exists(candidate) ? candidate : null;
        }
    }

    private static string FindUp(string folder)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, folder);
            if (Directory.Exists(candidate) && File.Exists(System.IO.Path.Combine(dir.FullName, "Summarizer.sln")))
            {
                return candidate;
            }

            dir = dir.Parent;
        }

        throw new DirectoryNotFoundException($"No '{folder}' folder above {AppContext.BaseDirectory}.");
    }
}
