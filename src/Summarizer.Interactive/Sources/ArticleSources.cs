using Microsoft.Data.Analysis;
using Summarizer.Analysis;
using Summarizer.Ingestion;

namespace Summarizer.Interactive.Sources;

/// <summary>One input that could not be loaded, and why.</summary>
internal sealed record LoadFailure(string Source, string Reason);

/// <summary>
/// Loads plain-text articles from paths and globs into a DataFrame. A stand-in until Core's <c>ArticleLoader</c> and
/// <c>ArticleTable</c> are available; replace the body of <see cref="LoadAsync"/> and <see cref="ToDataFrame"/> with
/// calls to them.
/// </summary>
internal static class ArticleSources
{
    public static async Task<(IReadOnlyList<Article> Articles, IReadOnlyList<LoadFailure> Failures)> LoadAsync(
        IEnumerable<string> inputs, CancellationToken cancellationToken)
    {
        var articles = new List<Article>();
        var failures = new List<LoadFailure>();
        foreach (var input in inputs)
        {
            if (Uri.TryCreate(input, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                failures.Add(new LoadFailure(input, "loading from URLs is not available in this version."));
                continue;
            }

            var files = Expand(input);
            if (files.Count == 0)
            {
                failures.Add(new LoadFailure(input, HasWildcard(input) ? "no file matches this pattern." : "file not found."));
                continue;
            }

            foreach (var file in files)
            {
                try
                {
                    var text = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
                    if (string.IsNullOrWhiteSpace(text))
                    {
                        failures.Add(new LoadFailure(file, "the file is empty."));
                        continue;
                    }

                    articles.Add(Article.FromText(text.Trim(), source: file));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    failures.Add(new LoadFailure(file, e.Message));
                }
            }
        }

        return (articles, failures);
    }

    public static DataFrame ToDataFrame(IReadOnlyList<Article> articles) =>
        new(
            new StringDataFrameColumn("Id", articles.Select(a => a.Id)),
            new StringDataFrameColumn("Title", articles.Select(a => a.Title)),
            new StringDataFrameColumn("Source", articles.Select(a => a.Source)),
            new Int32DataFrameColumn("Words", articles.Select(a => Tokenizer.Words(a.Text).Count)),
            new StringDataFrameColumn("Text", articles.Select(a => a.Text)));

    private static bool HasWildcard(string path) => path.IndexOfAny(['*', '?']) >= 0;

    private static List<string> Expand(string input)
    {
        var path = Path.GetFullPath(input);
        if (!HasWildcard(input))
        {
            return Directory.Exists(path)
                ? Directory.EnumerateFiles(path).Order(StringComparer.Ordinal).ToList()
                : File.Exists(path) ? [path] : [];
        }

        // Wildcards before the file name ("a/**/b/*.txt") search every folder under the fixed prefix.
        var firstWild = path.IndexOfAny(['*', '?']);
        var root = path[..(path.LastIndexOf(Path.DirectorySeparatorChar, firstWild) + 1)];
        var recursive = path.IndexOf(Path.DirectorySeparatorChar, firstWild) >= 0;
        var pattern = Path.GetFileName(path);
        if (!Directory.Exists(root))
        {
            return [];
        }

        return Directory.EnumerateFiles(root, pattern, recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
            .Order(StringComparer.Ordinal).ToList();
    }
}
