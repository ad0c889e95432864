using Summarizer.Analysis;

namespace Summarizer.Summarization;

/// <summary>Sentence similarity graphs and weighted PageRank, shared by TextRank and LexRank.</summary>
internal static class SentenceGraph
{
    /// <summary>
    /// For every pair of sentences i &lt; j, sums over their shared terms either 1 (<paramref name="termWeights"/> null:
    /// the overlap count) or <c>w_i · w_j · termWeights[t]</c>, into an n×n row-major matrix (upper triangle only).
    /// Walks an inverted index, so the cost follows the pairs that do share terms, not all n² pairs.
    /// </summary>
    public static double[] SharedTerms(Document document, double[]? termWeights)
    {
        var sentences = document.Sentences;
        var n = sentences.Count;
        var vocabulary = document.Terms.Count;
        var matrix = new double[n * n];

        // Postings: for each term, the sentences containing it (ascending) with the term's count there.
        var start = new int[vocabulary + 1];
        for (var i = 0; i < n; i++)
        {
            foreach (var id in sentences[i].Terms.Ids)
            {
                start[id + 1]++;
            }
        }

        for (var t = 0; t < vocabulary; t++)
        {
            start[t + 1] += start[t];
        }

        var fill = new int[vocabulary];
        var postingSentence = new int[start[vocabulary]];
        var postingWeight = new float[start[vocabulary]];
        for (var i = 0; i < n; i++)
        {
            var terms = sentences[i].Terms;
            var ids = terms.Ids;
            var weights = terms.Weights;
            for (var k = 0; k < ids.Length; k++)
            {
                var slot = start[ids[k]] + fill[ids[k]]++;
                postingSentence[slot] = i;
                postingWeight[slot] = weights[k];
            }
        }

        for (var t = 0; t < vocabulary; t++)
        {
            var from = start[t];
            var to = start[t + 1];
            if (to - from < 2)
            {
                continue;
            }

            for (var a = from; a < to; a++)
            {
                var row = postingSentence[a] * n;
                var wa = termWeights is null ? 0 : postingWeight[a] * termWeights[t];
                for (var b = a + 1; b < to; b++)
                {
                    matrix[row + postingSentence[b]] += termWeights is null ? 1 : wa * postingWeight[b];
                }
            }
        }

        return matrix;
    }

    /// <summary>
    /// Ranks the nodes of an undirected graph given as a symmetric n×n row-major matrix of non-negative edge weights
    /// with a zero diagonal. Scores are on TextRank's scale (they average 1):
    /// <c>WS(i) = (1 − d) + d · Σ_j w_ji / out_j · WS(j)</c>, with the mass of nodes without edges spread evenly, which
    /// keeps the order of the original formulation. Iterates until no score moves by <paramref name="epsilon"/> or
    /// <paramref name="maxIterations"/> is reached.
    /// </summary>
    public static double[] Rank(double[] weights, int n, double damping, double epsilon, int maxIterations)
    {
        var outWeight = new double[n];
        for (var i = 0; i < n; i++)
        {
            outWeight[i] = Sum(weights.AsSpan(i * n, n));
        }

        var scores = new double[n];
        var next = new double[n];
        var flow = new double[n]; // score each node passes per unit of edge weight
        Array.Fill(scores, 1.0);
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            var dangling = 0.0;
            for (var i = 0; i < n; i++)
            {
                if (outWeight[i] > 0)
                {
                    flow[i] = damping * scores[i] / outWeight[i];
                }
                else
                {
                    flow[i] = 0;
                    dangling += scores[i];
                }
            }

            // Symmetric weights: what node j receives is row j of the matrix dotted with the flows.
            var teleport = (1 - damping) + (damping * dangling / n);
            var delta = 0.0;
            for (var j = 0; j < n; j++)
            {
                next[j] = teleport + Dot(weights.AsSpan(j * n, n), flow);
                delta = Math.Max(delta, Math.Abs(next[j] - scores[j]));
            }

            (scores, next) = (next, scores);
            if (delta < epsilon)
            {
                break;
            }
        }

        return scores;
    }

    /// <summary>Copies the upper triangle onto the lower one and clears the diagonal.</summary>
    public static void Symmetrize(double[] matrix, int n)
    {
        for (var i = 0; i < n; i++)
        {
            matrix[(i * n) + i] = 0;
            for (var j = i + 1; j < n; j++)
            {
                matrix[(j * n) + i] = matrix[(i * n) + j];
            }
        }
    }

    private static double Sum(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum;
    }

    // Four fixed accumulators: fast without SIMD and the same sums on every machine.
    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        b = b[..a.Length];
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        var i = 0;
        for (; i + 3 < a.Length; i += 4)
        {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }

        for (; i < a.Length; i++)
        {
            s0 += a[i] * b[i];
        }

        return (s0 + s1) + (s2 + s3);
    }

    /// <summary>Throws when a damping factor is outside (0, 1); <paramref name="option"/> names it in the message.</summary>
    public static void CheckDamping(double damping, string option, string paramName)
    {
        if (!(damping is > 0 and < 1))
        {
            throw new ArgumentException($"Option '{option}' must be between 0 and 1 (exclusive), not {damping}.", paramName);
        }
    }

    /// <summary>Throws when the convergence settings are unusable.</summary>
    public static void CheckConvergence(double epsilon, int maxIterations, string paramName)
    {
        if (!(epsilon > 0))
        {
            throw new ArgumentException($"Option 'epsilon' must be greater than 0, not {epsilon}.", paramName);
        }

        if (maxIterations < 1)
        {
            throw new ArgumentException($"Option 'max-iterations' must be at least 1, not {maxIterations}.", paramName);
        }
    }
}
