namespace Summarizer.Entities.Training;

/// <summary>A labelled sentence: tokens and their BIO tags (IOB1 input is normalised to IOB2 on reading).</summary>
/// <param name="Tokens">Tokens in order.</param>
/// <param name="Tags">One tag per token: <c>O</c>, <c>B-X</c> or <c>I-X</c>.</param>
public sealed record ConllSentence(IReadOnlyList<string> Tokens, IReadOnlyList<string> Tags)
{
    /// <summary>
    /// The document the sentence belongs to, counted from 0 at each <c>-DOCSTART-</c> line; in files without
    /// document markers every sentence is its own document.
    /// </summary>
    public int DocumentIndex { get; init; }

    /// <summary>How much the sentence counts in training (its set's weight). Default 1.</summary>
    public double Weight { get; init; } = 1;
}

/// <summary>A labelled entity span over token positions <c>[Start, End)</c>.</summary>
/// <param name="Start">First token.</param>
/// <param name="End">One past the last token.</param>
/// <param name="Label">Short label (PER, ORG, LOC, MISC).</param>
public readonly record struct TokenSpan(int Start, int End, string Label);

/// <summary>
/// Reads CoNLL-style files: one token per line with the tag in the last column (tab- or space-separated), a blank
/// line between sentences, <c>-DOCSTART-</c> lines skipped. Accepts IOB1 and IOB2.
/// </summary>
public static class ConllCorpus
{
    /// <summary>Reads all sentences of a file.</summary>
    /// <exception cref="FormatException">A line has no tag column or an unknown tag; the message names file and line.</exception>
    public static IReadOnlyList<ConllSentence> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var sentences = new List<ConllSentence>();
        var tokens = new List<string>();
        var tags = new List<string>();
        var lineNumber = 0;
        var documents = -1;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                Flush();
                continue;
            }

            if (line.StartsWith("-DOCSTART-", StringComparison.Ordinal))
            {
                Flush();
                documents = Math.Max(documents, 0) + (sentences.Count > 0 ? 1 : 0);
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab >= 0 && line.AsSpan(0, tab).IsWhiteSpace())
            {
                // A whitespace token (tweets carry some): nothing to tag.
                continue;
            }

            var parts = line.Split(tab >= 0 ? '\t' : ' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2)
            {
                throw new FormatException($"{path}:{lineNumber}: expected a token and a tag, got '{line}'.");
            }

            var tag = parts[^1];
            if (tag != "O" && !(tag.Length > 2 && tag[1] == '-' && tag[0] is 'B' or 'I'))
            {
                throw new FormatException($"{path}:{lineNumber}: unknown tag '{tag}'.");
            }

            tokens.Add(parts[0]);
            tags.Add(tag);
        }

        Flush();
        return sentences;

        void Flush()
        {
            if (tokens.Count > 0)
            {
                sentences.Add(new ConllSentence(tokens.ToArray(), ToIob2(tags)) { DocumentIndex = documents < 0 ? sentences.Count : documents });
                tokens.Clear();
                tags.Clear();
            }
        }
    }

    /// <summary>Entity spans of a tag sequence (IOB1 or IOB2).</summary>
    public static IReadOnlyList<TokenSpan> Spans(IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var spans = new List<TokenSpan>();
        var start = -1;
        string? label = null;
        for (var i = 0; i <= tags.Count; i++)
        {
            var tag = i < tags.Count ? tags[i] : "O";
            var type = tag == "O" ? null : tag[2..];
            var begins = type is not null && (tag[0] == 'B' || type != label);
            if (label is not null && (type is null || begins))
            {
                spans.Add(new TokenSpan(start, i, label));
                label = null;
            }

            if (begins)
            {
                start = i;
                label = type;
            }
        }

        return spans;
    }

    /// <summary>IOB2 tags for a list of spans over <paramref name="length"/> tokens.</summary>
    public static string[] Tags(IEnumerable<TokenSpan> spans, int length)
    {
        ArgumentNullException.ThrowIfNull(spans);
        var tags = Enumerable.Repeat("O", length).ToArray();
        foreach (var s in spans)
        {
            for (var i = s.Start; i < s.End; i++)
            {
                tags[i] = (i == s.Start ? "B-" : "I-") + s.Label;
            }
        }

        return tags;
    }

    private static string[] ToIob2(List<string> tags) => Tags(Spans(tags), tags.Count);
}
