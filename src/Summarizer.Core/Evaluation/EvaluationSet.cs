using System.Text.Json;
using System.Text.RegularExpressions;
using Summarizer.Analysis;
using Summarizer.Ingestion;

namespace Summarizer.Evaluation;

/// <summary>One article with its reference summaries (one sentence a line).</summary>
public sealed record EvaluationItem(Article Article, IReadOnlyList<string> References);

/// <summary>
/// Reads evaluation sets: JSONL with <c>id</c>, the text in <c>article</c> or <c>text</c>, an optional <c>title</c>,
/// and the reference in <c>highlights</c> or <c>summary</c> (a string, or an array of strings for several references).
/// </summary>
public static partial class EvaluationSet
{
    /// <summary>Reads every record; a malformed line throws <see cref="FormatException"/> naming the file and line.</summary>
    public static IReadOnlyList<EvaluationItem> ReadJsonl(string path, int? limit = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var items = new List<EvaluationItem>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (limit is not null && items.Count >= limit)
            {
                break;
            }

            try
            {
                items.Add(Parse(line, $"{path}:{lineNumber}"));
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new FormatException($"{path}:{lineNumber}: {ex.Message}", ex);
            }
        }

        return items;
    }

    private static EvaluationItem Parse(string line, string source)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        var text = Field(root, "article") ?? Field(root, "text")
            ?? throw new KeyNotFoundException("no 'article' or 'text' field.");
        var title = Field(root, "title");
        var id = Field(root, "id") ?? ArticleId.ForText(text);

        // Some sets repeat the title as the first line of the text; it is metadata, not body.
        if (title is not null && text.StartsWith(title, StringComparison.Ordinal))
        {
            text = text[title.Length..].TrimStart('\r', '\n', ' ');
        }

        var references = new List<string>();
        foreach (var name in (ReadOnlySpan<string>)["highlights", "summary", "reference", "references"])
        {
            if (!root.TryGetProperty(name, out var value))
            {
                continue;
            }

            if (value.ValueKind == JsonValueKind.String)
            {
                references.Add(OneSentencePerLine(value.GetString()!));
            }
            else if (value.ValueKind == JsonValueKind.Array)
            {
                references.AddRange(value.EnumerateArray().Select(v => OneSentencePerLine(v.GetString() ?? string.Empty)));
            }

            break;
        }

        if (references.Count == 0)
        {
            throw new KeyNotFoundException("no 'highlights' or 'summary' field.");
        }

        return new EvaluationItem(new Article(id, text) { Title = title, Source = source }, references);
    }

    /// <summary>
    /// References with line breaks are already one sentence a line; otherwise they are split (also where a period is
    /// glued to the next sentence, as in BBC News Summary's "profit.TimeWarner said").
    /// </summary>
    internal static string OneSentencePerLine(string reference)
    {
        if (reference.Contains('\n', StringComparison.Ordinal))
        {
            return reference.Trim();
        }

        var spaced = GluedSentences().Replace(reference, "$1 ");
        return string.Join('\n', SentenceSplitter.SplitToStrings(spaced));
    }

    private static string? Field(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    [GeneratedRegex(@"([a-z0-9%)][.!?][""”’]?)(?=[A-Z""“])")]
    private static partial Regex GluedSentences();
}
