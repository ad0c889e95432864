using System.Collections.Frozen;
using Summarizer.Analysis;

namespace Summarizer.Summarization;

/// <summary>Options for <see cref="EdmundsonSummarizer"/>: the weight of each of Edmundson's four methods.</summary>
public sealed record EdmundsonOptions
{
    /// <summary>All four methods weighted equally.</summary>
    public static EdmundsonOptions Default { get; } = new();

    /// <summary>Weight of the cue method (bonus words minus stigma words). Default 1.</summary>
    public double CueWeight { get; init; } = 1;

    /// <summary>Weight of the key method (frequent content terms). Default 1.</summary>
    public double KeyWeight { get; init; } = 1;

    /// <summary>Weight of the location method (lead position and paragraph openings). Default 1.</summary>
    public double LocationWeight { get; init; } = 1;

    /// <summary>Weight of the title method (overlap with the headline's terms). Default 1.</summary>
    public double TitleWeight { get; init; } = 1;

    /// <summary>A content term is a key word when it occurs at least this often in the document. Default 2.</summary>
    public int KeyMinCount { get; init; } = 2;
}

/// <summary>
/// Edmundson's method (H. P. Edmundson, "New Methods in Automatic Extracting", JACM 1969): a weighted sum of four
/// sentence features, each scaled to at most 1 over the document. <b>Cue</b>: built-in English bonus words (conclusion,
/// importance, findings) count +1, stigma words (hedges, hearsay, digressions) −1; no user word lists are needed, and
/// other languages get no cue score. <b>Key</b>: the summed document frequency of the sentence's key terms (content
/// terms occurring at least <see cref="EdmundsonOptions.KeyMinCount"/> times). <b>Location</b>: half from lead
/// position (<c>1 − i/n</c>), half from opening a paragraph. <b>Title</b>: the share of
/// <see cref="Document.TitleTerms"/> the sentence contains (0 without a title).
/// </summary>
public sealed class EdmundsonSummarizer : RankingSummarizer
{
    // Edmundson's bonus classes for news English: importance, conclusion, findings and announcements.
    private static readonly FrozenSet<string> BonusWords = new[]
    {
        "important", "importance", "significant", "significantly", "significance", "crucial", "critical", "essential",
        "key", "main", "major", "primary", "principal", "chief", "central", "vital", "fundamental", "decisive",
        "conclude", "concluded", "concludes", "conclusion", "conclusions", "finally", "ultimately", "overall", "result",
        "results", "resulted", "found", "finds", "finding", "findings", "show", "showed", "shows", "shown", "reveal",
        "revealed", "reveals", "confirm", "confirmed", "confirms", "announce", "announced", "announces", "decided",
        "decision", "agreed", "agreement", "first", "largest", "biggest", "highest", "best", "worst", "most", "record",
        "historic", "landmark", "unprecedented", "therefore", "thus", "consequently", "because", "evidence", "proved",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Stigma classes: hedging, hearsay, belittling and digression.
    private static readonly FrozenSet<string> StigmaWords = new[]
    {
        "hardly", "impossible", "perhaps", "maybe", "possibly", "probably", "allegedly", "reportedly", "supposedly",
        "apparently", "seemingly", "rumour", "rumours", "rumor", "rumors", "speculation", "speculated", "unconfirmed",
        "unclear", "unknown", "unlikely", "somewhat", "slightly", "minor", "trivial", "incidentally", "anyway",
        "meanwhile", "aside", "besides", "otherwise", "example", "instance", "etc", "might", "could", "may",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly EdmundsonOptions _options;

    /// <summary>Creates the summariser.</summary>
    public EdmundsonSummarizer(EdmundsonOptions? options = null)
    {
        _options = options ?? EdmundsonOptions.Default;
        Table.ThrowIfInvalid(_options, nameof(options));
    }

    /// <summary>The options: names, descriptions, defaults and accepted values.</summary>
    public static OptionTable<EdmundsonOptions> Table { get; } = new OptionTable<EdmundsonOptions>(EdmundsonOptions.Default)
        .Number("cue-weight", "Weight of bonus minus stigma cue words.", o => o.CueWeight, (o, v) => o with { CueWeight = v }, min: 0)
        .Number("key-weight", "Weight of frequent content terms.", o => o.KeyWeight, (o, v) => o with { KeyWeight = v }, min: 0)
        .Number("location-weight", "Weight of lead position and paragraph openings.", o => o.LocationWeight, (o, v) => o with { LocationWeight = v }, min: 0)
        .Number("title-weight", "Weight of overlap with the title.", o => o.TitleWeight, (o, v) => o with { TitleWeight = v }, min: 0)
        .Whole("key-min-count", "A key term occurs at least this often.", o => o.KeyMinCount, (o, v) => o with { KeyMinCount = v }, min: 1);

    /// <summary>The catalog entry.</summary>
    public static SummarizerMethod Method { get; } = SummarizerMethod.Extractive(
        "edmundson", "Edmundson",
        "Weighted cue words, key terms, location and title overlap (Edmundson 1969); built-in English cue words.",
        ["edmundson69"], Table, o => new EdmundsonSummarizer(o));

    /// <inheritdoc />
    public override string Name => Method.Name;

    /// <summary>The options in use.</summary>
    public EdmundsonOptions Options => _options;

    /// <summary>The weighted sum of the four features per sentence.</summary>
    public override double[] RateSentences(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var sentences = document.Sentences;
        var n = sentences.Count;
        var scores = new double[n];
        if (n == 0)
        {
            return scores;
        }

        var cue = new double[n];
        var key = new double[n];
        var counts = document.TermCounts;
        var english = document.Language.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        var title = document.TitleTerms;
        double maxCue = 0, maxKey = 0;
        for (var i = 0; i < n; i++)
        {
            var sentence = sentences[i];
            if (english && _options.CueWeight > 0)
            {
                var c = 0;
                foreach (ref readonly var token in sentence.Tokens)
                {
                    if (token.Kind != TokenKind.Word)
                    {
                        continue;
                    }

                    if (BonusWords.Contains(token.Normalized))
                    {
                        c++;
                    }
                    else if (StigmaWords.Contains(token.Normalized))
                    {
                        c--;
                    }
                }

                cue[i] = c;
                maxCue = Math.Max(maxCue, Math.Abs(c));
            }

            var ids = sentence.Terms.Ids;
            var k = 0.0;
            foreach (var id in ids)
            {
                if (counts[id] >= _options.KeyMinCount)
                {
                    k += counts[id];
                }
            }

            key[i] = k;
            maxKey = Math.Max(maxKey, k);
        }

        for (var i = 0; i < n; i++)
        {
            var sentence = sentences[i];
            var opensParagraph = i == 0 || sentences[i - 1].Paragraph != sentence.Paragraph;
            var location = (0.5 * (1 - ((double)i / n))) + (opensParagraph ? 0.5 : 0);
            var titleScore = title.Count == 0 ? 0 : (double)sentence.Terms.Overlap(title) / title.Count;
            scores[i] = (_options.CueWeight * (maxCue > 0 ? cue[i] / maxCue : 0))
                + (_options.KeyWeight * (maxKey > 0 ? key[i] / maxKey : 0))
                + (_options.LocationWeight * location)
                + (_options.TitleWeight * titleScore);
        }

        WorkCounters.AddTermVisits(sentences.Sum(s => (long)s.Tokens.Length + s.Terms.Count));
        return scores;
    }
}
