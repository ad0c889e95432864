using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Summarizer.Analysis;
using Summarizer.Ingestion;

namespace Summarizer.Evaluation;

/// <summary>One article with its reference summaries (one sentence a line).</summary>
public sealed record EvaluationItem(Article Article, IReadOnlyList<string> References);

/// <summary>An evaluation set as read: the records that could be used, and every line that could not.</summary>
/// <param name="Items">The usable records, in file order.</param>
/// <param name="Skipped">Each unusable line as <c>file:LINE</c> with what is wrong with it, in file order.</param>
public sealed record EvaluationSetFile(IReadOnlyList<EvaluationItem> Items, IReadOnlyList<LoadFailure> Skipped);

/// <summary>
/// Reads evaluation sets: JSONL with <c>id</c>, the text in <c>article</c> or <c>text</c>, an optional <c>title</c>,
/// and the reference in <c>highlights</c> or <c>summary</c> (a string, or an array of strings for several references).
/// </summary>
public static partial class EvaluationSet
{
    /// <summary>
    /// Reads every usable record; a malformed line, or one over <see cref="LoadOptions.MaxBytes"/> of the default
    /// options (skipped unread), is reported in <see cref="EvaluationSetFile.Skipped"/> and the lines after it are
    /// still read.
    /// </summary>
    /// <param name="path">The JSONL file.</param>
    /// <param name="limit">Stop after this many usable records.</param>
    public static EvaluationSetFile Read(string path, int? limit = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var items = new List<EvaluationItem>();
        var skipped = new List<LoadFailure>();
        var max = LoadOptions.Default.MaxBytes;
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var lines = new LineReader(reader, max);
        while ((limit is null || items.Count < limit) && lines.Read() is { } line)
        {
            var source = $"{path}:{line.Number}";
            if (line.Text is not { } text)
            {
                skipped.Add(new LoadFailure(source, $"{source}: the line is over the {Sizes.Format(max)} limit"));
                continue;
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            try
            {
                items.Add(Parse(text, source));
            }
            catch (JsonException ex)
            {
                skipped.Add(new LoadFailure(source, $"{source}: invalid JSON ({ex.Message})"));
            }
            catch (FormatException ex)
            {
                skipped.Add(new LoadFailure(source, $"{source}: {ex.Message}"));
            }
            catch (Exception ex)
            {
                // Whatever else one record breaks costs only that record.
                skipped.Add(new LoadFailure(source, $"{source}: cannot be read ({ex.GetType().Name}: {ex.Message})"));
            }
        }

        return new EvaluationSetFile(items, skipped);
    }

    /// <summary>Reads every record; a malformed line throws <see cref="FormatException"/> naming the file and line.</summary>
    public static IReadOnlyList<EvaluationItem> ReadJsonl(string path, int? limit = null)
    {
        var set = Read(path, limit);
        return set.Skipped.Count == 0 ? set.Items : throw new FormatException(set.Skipped[0].Message);
    }

    /// <summary>One record; throws <see cref="JsonException"/> or <see cref="FormatException"/> saying what is wrong.</summary>
    private static EvaluationItem Parse(string line, string source)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"expected a JSON object, found {root.ValueKind.ToString().ToLowerInvariant()}.");
        }

        var text = Field(root, "article") ?? Field(root, "text")
            ?? throw new FormatException("no 'article' or 'text' field holding a string.");
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FormatException("the article text is empty.");
        }

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
            else if (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String))
            {
                references.AddRange(value.EnumerateArray().Select(v => OneSentencePerLine(v.GetString()!)));
            }
            else
            {
                throw new FormatException($"field '{name}' is {value.ValueKind.ToString().ToLowerInvariant()}, expected a string or an array of strings.");
            }

            break;
        }

        if (references.Count == 0)
        {
            throw new FormatException("no reference: 'highlights' or 'summary' is missing or empty.");
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
