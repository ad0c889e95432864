using Summarizer.Analysis;

namespace Summarizer.Summarization;

/// <summary>Options for <see cref="LexRankSummarizer"/>.</summary>
public sealed record LexRankOptions
{
    /// <summary>Continuous LexRank with the usual PageRank settings.</summary>
    public static LexRankOptions Default { get; } = new();

    /// <summary>
    /// Edge threshold on the idf-modified cosine. 0 (the default) is continuous LexRank, where every similarity is an
    /// edge weight; a value in (0, 1) gives the paper's discrete LexRank with unweighted edges above it (e.g. 0.1).
    /// </summary>
    public double Threshold { get; init; }

    /// <summary>Probability of following an edge rather than jumping to a random sentence. Default 0.85.</summary>
    public double Damping { get; init; } = 0.85;

    /// <summary>Iteration stops when no score changes by more than this. Default 1e-4.</summary>
    public double Epsilon { get; init; } = 1e-4;

    /// <summary>Upper bound on power iterations. Default 100.</summary>
    public int MaxIterations { get; init; } = 100;
}

/// <summary>
/// LexRank (Erkan &amp; Radev, "LexRank: Graph-based Lexical Centrality as Salience in Text Summarization", JAIR 2004):
/// the stationary distribution of a random walk over sentences linked by idf-modified cosine similarity. The idf comes
/// from sentence frequency within the document, <c>idf(w) = ln(N / sf(w)) + 1</c>, so a single article needs no corpus
/// (the <c>+ 1</c> keeps terms present in every sentence from vanishing). Self-similarity is left out, so an isolated
/// sentence does not gain rank from a self-loop.
/// </summary>
public sealed class LexRankSummarizer : RankingSummarizer
{
    private readonly LexRankOptions _options;

    /// <summary>Creates the summariser.</summary>
    public LexRankSummarizer(LexRankOptions? options = null)
    {
        _options = options ?? LexRankOptions.Default;
        Table.ThrowIfInvalid(_options, nameof(options));
    }

    /// <summary>The options: names, descriptions, defaults and accepted values.</summary>
    public static OptionTable<LexRankOptions> Table { get; } = new OptionTable<LexRankOptions>(LexRankOptions.Default)
        .Number("threshold", "Cosine edge threshold; 0 = continuous LexRank, e.g. 0.1 = discrete.", o => o.Threshold, (o, v) => o with { Threshold = v }, min: 0, max: 1, maxExclusive: true)
        .Number("damping", "Probability of following an edge.", o => o.Damping, (o, v) => o with { Damping = v }, min: 0, max: 1, minExclusive: true, maxExclusive: true)
        .Number("epsilon", "Convergence threshold of the power method.", o => o.Epsilon, (o, v) => o with { Epsilon = v }, min: 0, minExclusive: true)
        .Whole("max-iterations", "Upper bound on power iterations.", o => o.MaxIterations, (o, v) => o with { MaxIterations = v }, min: 1);

    /// <summary>The catalog entry.</summary>
    public static SummarizerMethod Method { get; } = SummarizerMethod.Extractive(
        "lexrank", "LexRank",
        "Random-walk centrality over idf-modified cosine similarity, continuous LexRank (Erkan & Radev 2004).",
        ["lex-rank"], Table, o => new LexRankSummarizer(o));

    /// <inheritdoc />
    public override string Name => Method.Name;

    /// <summary>The options in use.</summary>
    public LexRankOptions Options => _options;

    /// <summary>LexRank scores (they average 1).</summary>
    public override double[] RateSentences(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var sentences = document.Sentences;
        var n = sentences.Count;
        if (n == 0)
        {
            return [];
        }

        var sf = document.SentenceFrequency;
        var idfSquared = new double[sf.Count];
        for (var t = 0; t < idfSquared.Length; t++)
        {
            var idf = Math.Log((double)n / Math.Max(1, sf[t])) + 1;
            idfSquared[t] = idf * idf;
        }

        var norms = new double[n];
        for (var i = 0; i < n; i++)
        {
            var terms = sentences[i].Terms;
            norms[i] = Math.Sqrt(terms.Dot(terms, idfSquared));
        }

        var weights = SentenceGraph.SharedTerms(document, idfSquared);
        var threshold = _options.Threshold;
        for (var i = 0; i < n; i++)
        {
            var row = i * n;
            for (var j = i + 1; j < n; j++)
            {
                var dot = weights[row + j];
                if (dot > 0)
                {
                    var cosine = dot / (norms[i] * norms[j]);
                    weights[row + j] = threshold > 0 ? (cosine > threshold ? 1.0 : 0.0) : cosine;
                }
            }
        }

        SentenceGraph.Symmetrize(weights, n);
        return SentenceGraph.Rank(weights, n, _options.Damping, _options.Epsilon, _options.MaxIterations);
    }
}
