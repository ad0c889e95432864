using Summarizer.Analysis;

namespace Summarizer.Summarization;

/// <summary>Options for <see cref="TextRankSummarizer"/>.</summary>
public sealed record TextRankOptions
{
    /// <summary>The paper's settings.</summary>
    public static TextRankOptions Default { get; } = new();

    /// <summary>Probability of following an edge rather than jumping to a random sentence. Default 0.85.</summary>
    public double Damping { get; init; } = 0.85;

    /// <summary>Iteration stops when no score changes by more than this. Default 1e-4.</summary>
    public double Epsilon { get; init; } = 1e-4;

    /// <summary>Upper bound on power iterations. Default 100.</summary>
    public int MaxIterations { get; init; } = 100;
}

/// <summary>
/// TextRank (Mihalcea &amp; Tarau, "TextRank: Bringing Order into Texts", EMNLP 2004): sentences are nodes of a weighted
/// graph whose edges are content overlap normalised by length, <c>|Si ∩ Sj| / (log |Si| + log |Sj|)</c>, and the
/// summary takes the sentences with the highest weighted PageRank. The graph is complete up to 1,000 sentences; longer
/// documents link each sentence to its 30 strongest neighbours within 200 sentences (see <c>GraphLimits</c>), so the cost
/// grows linearly.
/// </summary>
public sealed class TextRankSummarizer : RankingSummarizer
{
    private readonly TextRankOptions _options;

    /// <summary>Creates the summariser.</summary>
    public TextRankSummarizer(TextRankOptions? options = null)
    {
        _options = options ?? TextRankOptions.Default;
        Table.ThrowIfInvalid(_options, nameof(options));
    }

    /// <summary>The options: names, descriptions, defaults and accepted values.</summary>
    public static OptionTable<TextRankOptions> Table { get; } = new OptionTable<TextRankOptions>(TextRankOptions.Default)
        .Number("damping", "Probability of following an edge.", o => o.Damping, (o, v) => o with { Damping = v }, min: 0, max: 1, minExclusive: true, maxExclusive: true)
        .Number("epsilon", "Convergence threshold of the power iteration.", o => o.Epsilon, (o, v) => o with { Epsilon = v }, min: 0, minExclusive: true)
        .Whole("max-iterations", "Upper bound on power iterations.", o => o.MaxIterations, (o, v) => o with { MaxIterations = v }, min: 1);

    /// <summary>The catalog entry.</summary>
    public static SummarizerMethod Method { get; } = SummarizerMethod.Extractive(
        "textrank", "TextRank",
        "Graph centrality over sentence overlap, weighted PageRank (Mihalcea & Tarau 2004).",
        ["text-rank"], Table, o => new TextRankSummarizer(o));

    /// <inheritdoc />
    public override string Name => Method.Name;

    /// <summary>The options in use.</summary>
    public TextRankOptions Options => _options;

    /// <summary>How much of the graph long documents get (tests lower the limits to reach the sparse path cheaply).</summary>
    internal GraphLimits Limits { get; init; } = GraphLimits.Default;

    /// <summary>TextRank scores (they average 1); sentences sharing no content with others score lowest.</summary>
    public override double[] RateSentences(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var sentences = document.Sentences;
        var n = sentences.Count;
        if (n == 0)
        {
            return [];
        }

        var logLength = new double[n];
        for (var i = 0; i < n; i++)
        {
            logLength[i] = Math.Log(Math.Max(1, sentences[i].WordCount));
        }

        // Two one-word sentences have log-length 0; their overlap is then the similarity.
        var graph = SentenceGraph.Build(document, null, (i, j, overlap) =>
        {
            var norm = logLength[i] + logLength[j];
            return overlap / (norm > 0 ? norm : 1);
        }, Limits);
        return SentenceGraph.Rank(graph, _options.Damping, _options.Epsilon, _options.MaxIterations);
    }
}
