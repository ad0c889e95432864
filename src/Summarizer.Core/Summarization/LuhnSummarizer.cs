using Summarizer.Analysis;

namespace Summarizer.Summarization;

/// <summary>Options for <see cref="LuhnSummarizer"/>.</summary>
public sealed record LuhnOptions
{
    /// <summary>The defaults below.</summary>
    public static LuhnOptions Default { get; } = new();

    /// <summary>Lower frequency cut-off: a significant term occurs at least this often in the document. Default 2.</summary>
    public int MinCount { get; init; } = 2;

    /// <summary>
    /// Upper frequency cut-off: terms found in more than this share of the sentences are too common to be significant.
    /// Default 0.5; 1 turns the cut-off off. Stop words are excluded before either cut-off applies.
    /// </summary>
    public double MaxSentenceShare { get; init; } = 0.5;

    /// <summary>Most insignificant words allowed between two significant words of one cluster. Default 4 (Luhn's value).</summary>
    public int MaxGap { get; init; } = 4;
}

/// <summary>
/// Luhn's auto-abstract (H. P. Luhn, "The Automatic Creation of Literature Abstracts", IBM Journal 1958). Content terms
/// between a lower and an upper frequency cut-off are significant; a sentence's score is that of its best cluster of
/// significant words (neighbours at most <see cref="LuhnOptions.MaxGap"/> words apart):
/// <c>significant² / cluster length</c>.
/// </summary>
public sealed class LuhnSummarizer : RankingSummarizer
{
    private readonly LuhnOptions _options;

    /// <summary>Creates the summariser.</summary>
    public LuhnSummarizer(LuhnOptions? options = null)
    {
        _options = options ?? LuhnOptions.Default;
        Table.ThrowIfInvalid(_options, nameof(options));
    }

    /// <summary>The options: names, descriptions, defaults and accepted values.</summary>
    public static OptionTable<LuhnOptions> Table { get; } = new OptionTable<LuhnOptions>(LuhnOptions.Default)
        .Whole("min-count", "A significant term occurs at least this often.", o => o.MinCount, (o, v) => o with { MinCount = v }, min: 1)
        .Number("max-sentence-share", "Terms in more than this share of sentences are too common (1 = no cut-off).", o => o.MaxSentenceShare, (o, v) => o with { MaxSentenceShare = v }, min: 0, max: 1, minExclusive: true)
        .Whole("max-gap", "Most insignificant words between significant words of a cluster.", o => o.MaxGap, (o, v) => o with { MaxGap = v }, min: 0);

    /// <summary>The catalog entry.</summary>
    public static SummarizerMethod Method { get; } = SummarizerMethod.Extractive(
        "luhn", "Luhn",
        "Clusters of significant (frequent, non-common) words, Luhn's auto-abstract (1958).",
        ["luhn58"], Table, o => new LuhnSummarizer(o));

    /// <inheritdoc />
    public override string Name => Method.Name;

    /// <summary>The options in use.</summary>
    public LuhnOptions Options => _options;

    /// <summary>The document's significant terms (stems), by the frequency cut-offs.</summary>
    public IReadOnlySet<string> SignificantTerms(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var counts = document.TermCounts;
        var sf = document.SentenceFrequency;
        var maxSentences = _options.MaxSentenceShare * document.Sentences.Count;
        var significant = new HashSet<string>(StringComparer.Ordinal);
        for (var t = 0; t < counts.Count; t++)
        {
            if (counts[t] >= _options.MinCount && sf[t] <= maxSentences)
            {
                significant.Add(document.Terms[t]);
            }
        }

        return significant;
    }

    /// <summary>Best cluster score per sentence; 0 for sentences without significant words.</summary>
    public override double[] RateSentences(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var significant = SignificantTerms(document);
        var scores = new double[document.Sentences.Count];
        if (significant.Count == 0)
        {
            return scores;
        }

        var maxGap = _options.MaxGap;
        for (var s = 0; s < scores.Length; s++)
        {
            var best = 0.0;
            int clusterStart = -1, last = -1, inCluster = 0, position = 0;
            foreach (ref readonly var token in document.Sentences[s].Tokens)
            {
                if (token.Kind == TokenKind.Punctuation)
                {
                    continue;
                }

                if (token.IsContent && significant.Contains(token.Stem))
                {
                    if (clusterStart >= 0 && position - last - 1 > maxGap)
                    {
                        best = Math.Max(best, (double)inCluster * inCluster / (last - clusterStart + 1));
                        clusterStart = -1;
                    }

                    if (clusterStart < 0)
                    {
                        clusterStart = position;
                        inCluster = 0;
                    }

                    inCluster++;
                    last = position;
                }

                position++;
            }

            if (clusterStart >= 0)
            {
                best = Math.Max(best, (double)inCluster * inCluster / (last - clusterStart + 1));
            }

            scores[s] = best;
        }

        WorkCounters.AddTermVisits(document.Sentences.Sum(s => (long)s.Tokens.Length));
        return scores;
    }
}
