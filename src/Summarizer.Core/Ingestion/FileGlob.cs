using System.Text;
using System.Text.RegularExpressions;

namespace Summarizer.Ingestion;

/// <summary>Folder listing and glob matching: <c>*</c> and <c>?</c> within a name, <c>**</c> across folders.</summary>
internal static class FileGlob
{
    public static bool IsPattern(string input) => input.AsSpan().IndexOfAny('*', '?', '[') >= 0;

    /// <summary>Every file under <paramref name="folder"/> that <paramref name="include"/> accepts, in ordinal order.</summary>
    public static IEnumerable<string> Folder(string folder, Func<string, bool> include) =>
        Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden })
            .Where(include)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Files matching <paramref name="pattern"/>, in ordinal order. The folder part before the first
    /// wildcard is where the search starts.</summary>
    public static IEnumerable<string> Match(string pattern)
    {
        var normalized = pattern.Replace('\\', '/');
        var firstWild = normalized.AsSpan().IndexOfAny('*', '?', '[');
        var slash = normalized.LastIndexOf('/', firstWild);
        var root = slash < 0 ? "." : (slash == 0 ? "/" : normalized[..slash]);
        var rest = slash < 0 ? normalized : normalized[(slash + 1)..];
        if (!Directory.Exists(root))
        {
            return [];
        }

        var regex = new Regex("^" + ToRegex(rest) + "$", RegexOptions.CultureInvariant);
        var recursive = rest.Contains('/', StringComparison.Ordinal) || rest.Contains("**", StringComparison.Ordinal);
        var options = new EnumerationOptions { RecurseSubdirectories = recursive, IgnoreInaccessible = true };
        return Directory.EnumerateFiles(root, "*", options)
            .Where(f => regex.IsMatch(Path.GetRelativePath(root, f).Replace('\\', '/')))
            .Select(f => slash < 0 ? Path.GetRelativePath(".", f) : f)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static string ToRegex(string glob)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                // "**/" matches zero or more folders; a bare "**" matches anything.
                if (i + 2 < glob.Length && glob[i + 2] == '/')
                {
                    sb.Append("(?:.*/)?");
                    i += 2;
                }
                else
                {
                    sb.Append(".*");
                    i++;
                }
            }
            else if (c == '*')
            {
                sb.Append("[^/]*");
            }
            else if (c == '?')
            {
                sb.Append("[^/]");
            }
            else if (c == '[')
            {
                var end = glob.IndexOf(']', i + 1);
                if (end < 0)
                {
                    sb.Append(@"\[");
                }
                else
                {
                    var set = glob[(i + 1)..end];
                    sb.Append('[').Append(set.StartsWith('!') ? "^" + Regex.Escape(set[1..]) : Regex.Escape(set)).Append(']');
                    i = end;
                }
            }
            else
            {
                sb.Append(Regex.Escape(c.ToString()));
            }
        }

        return sb.ToString();
    }
}
