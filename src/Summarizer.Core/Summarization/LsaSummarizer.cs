using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using Summarizer.Analysis;

namespace Summarizer.Summarization;

/// <summary>Options for <see cref="LsaSummarizer"/>.</summary>
public sealed record LsaOptions
{
    /// <summary>The defaults below.</summary>
    public static LsaOptions Default { get; } = new();

    /// <summary>Latent topics (leading singular values) that score sentences; fewer when the matrix has lower rank. Default 3.</summary>
    public int Dimensions { get; init; } = 3;

    /// <summary>Use 0/1 term presence instead of term counts in the term-sentence matrix. Default false.</summary>
    public bool Binary { get; init; }
}

/// <summary>
/// LSA summarisation after Steinberger &amp; Ježek ("Using Latent Semantic Analysis in Text Summarization and Summary
/// Evaluation", ISIM 2004): with the term-sentence matrix <c>A = U Σ Vᵀ</c>, a sentence's score is the length of its
/// vector in the reduced topic space, <c>sqrt(Σ_k σ_k² v_ik²)</c> over the leading <see cref="LsaOptions.Dimensions"/>
/// topics. <c>V</c> and <c>σ²</c> are taken from the SVD (MathNet.Numerics) of the sentence Gram matrix <c>AᵀA</c>,
/// which has the same right singular vectors but is sentences × sentences rather than terms × sentences. That exact SVD
/// serves documents of up to 300 sentences (every news article); longer documents get the same leading topics by
/// subspace iteration over the sparse term-sentence matrix, in time and memory linear in the document.
/// </summary>
public sealed class LsaSummarizer : RankingSummarizer
{
    private readonly LsaOptions _options;

    /// <summary>Creates the summariser.</summary>
    public LsaSummarizer(LsaOptions? options = null)
    {
        _options = options ?? LsaOptions.Default;
        Table.ThrowIfInvalid(_options, nameof(options));
    }

    /// <summary>The options: names, descriptions, defaults and accepted values.</summary>
    public static OptionTable<LsaOptions> Table { get; } = new OptionTable<LsaOptions>(LsaOptions.Default)
        .Whole("dimensions", "Latent topics used to score sentences.", o => o.Dimensions, (o, v) => o with { Dimensions = v }, min: 1)
        .Flag("binary", "Term presence (true) instead of term counts (false).", o => o.Binary, (o, v) => o with { Binary = v });

    /// <summary>The catalog entry.</summary>
    public static SummarizerMethod Method { get; } = SummarizerMethod.Extractive(
        "lsa", "LSA",
        "Latent semantic analysis: sentence weight in the leading SVD topics (Steinberger & Ježek 2004).",
        ["latent-semantic-analysis"], Table, o => new LsaSummarizer(o));

    /// <inheritdoc />
    public override string Name => Method.Name;

    /// <summary>The options in use.</summary>
    public LsaOptions Options => _options;

    /// <summary>
    /// Documents with at most this many sentences get the exact SVD of their Gram matrix (at most 300 × 300); longer ones
    /// the subspace iteration. Tests lower it to compare both paths.
    /// </summary>
    internal int ExactLimit { get; init; } = 300;

    /// <summary>Length of each sentence's vector in the reduced topic space; 0 for sentences without content terms.</summary>
    public override double[] RateSentences(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var n = document.Sentences.Count;
        if (n == 0)
        {
            return [];
        }

        var (squaredSingular, v) = n <= ExactLimit ? ExactTopics(document) : IteratedTopics(document);
        var scores = new double[n];
        if (squaredSingular.Length == 0)
        {
            return scores;
        }

        var k = Math.Min(_options.Dimensions, squaredSingular.Length);
        var largest = squaredSingular[0];
        for (var i = 0; i < n; i++)
        {
            var sum = 0.0;
            for (var d = 0; d < k; d++)
            {
                // Numerically zero topics carry no content.
                if (squaredSingular[d] <= largest * 1e-12)
                {
                    break;
                }

                var x = v[d][i];
                sum += squaredSingular[d] * x * x;
            }

            scores[i] = Math.Sqrt(sum);
        }

        return scores;
    }

    // σ² (descending) and right singular vectors of the term-sentence matrix from the SVD of AᵀA; none when A is zero.
    private (double[] SquaredSingular, double[][] V) ExactTopics(Document document)
    {
        var sentences = document.Sentences;
        var n = sentences.Count;
        var gram = Matrix<double>.Build.Dense(n, n);
        var any = false;
        for (var i = 0; i < n; i++)
        {
            var si = sentences[i].Terms;
            for (var j = i; j < n; j++)
            {
                double g = _options.Binary ? si.Overlap(sentences[j].Terms) : si.Dot(sentences[j].Terms);
                gram[i, j] = g;
                gram[j, i] = g;
                any |= g != 0;
            }
        }

        if (!any)
        {
            return ([], []);
        }

        var svd = gram.Svd(computeVectors: true);
        var k = Math.Min(_options.Dimensions, svd.S.Count);
        var v = new double[k][];
        for (var d = 0; d < k; d++)
        {
            v[d] = svd.U.Column(d).ToArray();
        }

        return (svd.S.Take(k).ToArray(), v);
    }

    // The leading topics by block subspace iteration on AᵀA, applied as Aᵀ(A x) over the sparse term vectors: a block
    // of Dimensions + 8 vectors (seeded, so runs repeat), re-orthonormalised each step, until the leading Ritz values
    // move by less than 1e-12 of the largest or 200 steps have run. Each step costs one pass over the term vectors
    // per block vector and memory n × block, so the cost grows linearly with the document.
    private (double[] SquaredSingular, double[][] V) IteratedTopics(Document document)
    {
        const int Oversampling = 8;
        const int MaxSteps = 200;
        const double Tolerance = 1e-12;
        var matrix = new TermSentenceMatrix(document, _options.Binary);
        var n = matrix.Sentences;
        var k = Math.Min(_options.Dimensions, n);
        var random = new Random(20040101);
        var q = new double[Math.Min(n, k + Oversampling)][];
        for (var c = 0; c < q.Length; c++)
        {
            q[c] = new double[n];
            for (var i = 0; i < n; i++)
            {
                q[c][i] = random.NextDouble() - 0.5;
            }
        }

        q = Orthonormalize(q);
        double[] previous = [];
        for (var step = 1; ; step++)
        {
            var z = new double[q.Length][];
            for (var c = 0; c < q.Length; c++)
            {
                z[c] = matrix.GramTimes(q[c]);
            }

            // Rayleigh–Ritz: the eigenpairs of Qᵀ(AᵀA)Q give the best topics within the current block.
            var t = Matrix<double>.Build.Dense(q.Length, q.Length, (a, b) => 0.5 * (Dot(q[a], z[b]) + Dot(q[b], z[a])));
            var evd = t.Evd(Symmetricity.Symmetric);
            var order = Enumerable.Range(0, q.Length).OrderByDescending(c => evd.EigenValues[c].Real).ToArray();
            var values = order.Take(k).Select(c => Math.Max(0, evd.EigenValues[c].Real)).ToArray();
            var converged = values.Length == 0 || values[0] == 0
                || (previous.Length == values.Length && values.Zip(previous).All(p => Math.Abs(p.First - p.Second) <= Tolerance * values[0]));
            if (converged || step == MaxSteps)
            {
                if (WorkCounters.Current is { } work)
                {
                    work.Iterations += step;
                }

                if (values.Length == 0 || values[0] == 0)
                {
                    return ([], []);
                }

                var v = new double[values.Length][];
                for (var d = 0; d < v.Length; d++)
                {
                    v[d] = new double[n];
                    for (var c = 0; c < q.Length; c++)
                    {
                        var e = evd.EigenVectors[c, order[d]];
                        for (var i = 0; i < n; i++)
                        {
                            v[d][i] += e * q[c][i];
                        }
                    }
                }

                return (values, v);
            }

            previous = values;
            q = Orthonormalize(z);
        }
    }

    // Modified Gram–Schmidt, twice for stability; columns that vanish (the matrix has lower rank) are dropped.
    private static double[][] Orthonormalize(double[][] columns)
    {
        var kept = new List<double[]>(columns.Length);
        foreach (var column in columns)
        {
            var original = Math.Sqrt(Dot(column, column));
            for (var pass = 0; pass < 2; pass++)
            {
                foreach (var basis in kept)
                {
                    var projection = Dot(basis, column);
                    for (var i = 0; i < column.Length; i++)
                    {
                        column[i] -= projection * basis[i];
                    }
                }
            }

            var norm = Math.Sqrt(Dot(column, column));
            if (norm > 1e-10 * original && norm > 0)
            {
                for (var i = 0; i < column.Length; i++)
                {
                    column[i] /= norm;
                }

                kept.Add(column);
            }
        }

        return [.. kept];
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    // The sparse term-sentence matrix A (counts, or presence when binary), multiplied as AᵀA x without forming AᵀA.
    private sealed class TermSentenceMatrix
    {
        private readonly int[][] _ids;
        private readonly double[][] _values;
        private readonly double[] _termSums;
        private readonly long _entries;

        public TermSentenceMatrix(Document document, bool binary)
        {
            var sentences = document.Sentences;
            _ids = new int[sentences.Count][];
            _values = new double[sentences.Count][];
            _termSums = new double[document.Terms.Count];
            for (var i = 0; i < sentences.Count; i++)
            {
                var terms = sentences[i].Terms;
                _ids[i] = terms.Ids.ToArray();
                _values[i] = binary ? Enumerable.Repeat(1.0, terms.Count).ToArray() : terms.Weights.ToArray().Select(w => (double)w).ToArray();
                _entries += terms.Count;
            }
        }

        public int Sentences => _ids.Length;

        public double[] GramTimes(double[] x)
        {
            Array.Clear(_termSums);
            for (var i = 0; i < _ids.Length; i++)
            {
                var ids = _ids[i];
                var values = _values[i];
                for (var k = 0; k < ids.Length; k++)
                {
                    _termSums[ids[k]] += values[k] * x[i];
                }
            }

            var y = new double[_ids.Length];
            for (var i = 0; i < _ids.Length; i++)
            {
                var ids = _ids[i];
                var values = _values[i];
                var sum = 0.0;
                for (var k = 0; k < ids.Length; k++)
                {
                    sum += values[k] * _termSums[ids[k]];
                }

                y[i] = sum;
            }

            if (WorkCounters.Current is { } work)
            {
                work.MatVecs++;
                work.TermVisits += 2 * _entries;
            }

            return y;
        }
    }
}
