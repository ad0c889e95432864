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
/// sentence does not gain rank from a self-loop. Up to 1,000 sentences the graph is built complete. Past that,
/// continuous LexRank never builds it: with the unit vectors <c>u_i = idf · x_i / ‖idf · x_i‖</c> the similarity matrix
/// is <c>U Uᵀ</c> without its diagonal, so each power step costs two passes over the term vectors, exactly and in linear
/// time; discrete LexRank keeps each sentence's 30 strongest edges within 200 sentences (see <c>GraphLimits</c>).
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

    /// <summary>How much of the graph long documents get (tests lower the limits to reach the long-document path cheaply).</summary>
    internal GraphLimits Limits { get; init; } = GraphLimits.Default;

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

        if (_options.Threshold == 0 && n > Limits.ExactLimit)
        {
            return SentenceGraph.Rank(new CosineGraph(document, idfSquared), _options.Damping, _options.Epsilon, _options.MaxIterations);
        }

        var norms = new double[n];
        for (var i = 0; i < n; i++)
        {
            var terms = sentences[i].Terms;
            norms[i] = Math.Sqrt(terms.Dot(terms, idfSquared));
        }

        var threshold = _options.Threshold;
        var graph = SentenceGraph.Build(document, idfSquared, (i, j, dot) =>
        {
            var (a, b) = i < j ? (i, j) : (j, i);
            var cosine = dot / (norms[a] * norms[b]);
            return threshold > 0 ? (cosine > threshold ? 1.0 : 0.0) : cosine;
        }, Limits);
        return SentenceGraph.Rank(graph, _options.Damping, _options.Epsilon, _options.MaxIterations);
    }
}

/// <summary>
/// The continuous LexRank graph <c>W = U Uᵀ − diag(U Uᵀ)</c> over idf-weighted unit sentence vectors, applied without
/// forming it: <c>(W x)_i = Σ_t u_it (P_t − u_it x_i)</c> with <c>P = Uᵀ x</c>. Subtracting per term keeps a term that
/// only one sentence has at exactly zero, so sentences sharing nothing stay exactly without edges.
/// </summary>
internal sealed class CosineGraph : ISentenceGraph
{
    private readonly int[][] _ids;
    private readonly double[][] _values;
    private readonly double[] _projection;
    private readonly long _entries;

    public CosineGraph(Document document, double[] idfSquared)
    {
        var sentences = document.Sentences;
        Count = sentences.Count;
        _ids = new int[Count][];
        _values = new double[Count][];
        _projection = new double[document.Terms.Count];
        for (var i = 0; i < Count; i++)
        {
            var terms = sentences[i].Terms;
            var norm = Math.Sqrt(terms.Dot(terms, idfSquared));
            var ids = terms.Ids.ToArray();
            var values = new double[ids.Length];
            var weights = terms.Weights;
            for (var k = 0; k < ids.Length; k++)
            {
                values[k] = norm > 0 ? weights[k] * Math.Sqrt(idfSquared[ids[k]]) / norm : 0;
            }

            _ids[i] = ids;
            _values[i] = values;
            _entries += ids.Length;
        }
    }

    public int Count { get; }

    public double[] RowSums()
    {
        var ones = new double[Count];
        Array.Fill(ones, 1.0);
        var sums = new double[Count];
        Multiply(ones, sums);
        return sums;
    }

    public void Multiply(double[] x, double[] y)
    {
        Array.Clear(_projection);
        for (var i = 0; i < Count; i++)
        {
            var ids = _ids[i];
            var values = _values[i];
            for (var k = 0; k < ids.Length; k++)
            {
                _projection[ids[k]] += values[k] * x[i];
            }
        }

        for (var i = 0; i < Count; i++)
        {
            var ids = _ids[i];
            var values = _values[i];
            var sum = 0.0;
            for (var k = 0; k < ids.Length; k++)
            {
                var own = values[k] * x[i];
                sum += values[k] * (_projection[ids[k]] - own);
            }

            y[i] = sum;
        }

        if (WorkCounters.Current is { } work)
        {
            work.TermVisits += 2 * _entries;
        }
    }
}
