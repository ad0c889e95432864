namespace Summarizer;

/// <summary>The per-user cache folder: <c>$XDG_CACHE_HOME/summarizer</c>, else <c>~/.cache/summarizer</c> (local
/// application data on Windows).</summary>
internal static class CacheFolder
{
    public static string Path(params string[] parts)
    {
        var root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrEmpty(root))
        {
            root = OperatingSystem.IsWindows()
                ? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData)
                : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        }

        return System.IO.Path.Combine([root, "summarizer", .. parts]);
    }
}
