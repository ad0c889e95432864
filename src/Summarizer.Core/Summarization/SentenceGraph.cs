namespace Summarizer.Summarization;

/// <summary>Weighted PageRank over a dense sentence graph, shared by TextRank and LexRank.</summary>
internal static class SentenceGraph
{
    /// <summary>
    /// Ranks the nodes of a graph given as an n×n row-major matrix of non-negative edge weights (the diagonal is
    /// ignored). Scores are on TextRank's scale (they average 1): <c>WS(i) = (1 − d) + d · Σ_j w_ji / out_j · WS(j)</c>,
    /// with the mass of nodes without edges spread evenly, which keeps the order of the original formulation. Iterates
    /// until no score moves by <paramref name="epsilon"/> or <paramref name="maxIterations"/> is reached.
    /// </summary>
    public static double[] Rank(double[] weights, int n, double damping, double epsilon, int maxIterations)
    {
        var outWeight = new double[n];
        for (var i = 0; i < n; i++)
        {
            var row = i * n;
            var sum = 0.0;
            for (var j = 0; j < n; j++)
            {
                if (j != i)
                {
                    sum += weights[row + j];
                }
            }

            outWeight[i] = sum;
        }

        var scores = new double[n];
        var next = new double[n];
        Array.Fill(scores, 1.0);
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            var dangling = 0.0;
            for (var i = 0; i < n; i++)
            {
                if (outWeight[i] <= 0)
                {
                    dangling += scores[i];
                }
            }

            Array.Fill(next, (1 - damping) + (damping * dangling / n));
            for (var i = 0; i < n; i++)
            {
                if (outWeight[i] <= 0)
                {
                    continue;
                }

                var share = damping * scores[i] / outWeight[i];
                var row = i * n;
                for (var j = 0; j < n; j++)
                {
                    if (j != i)
                    {
                        next[j] += share * weights[row + j];
                    }
                }
            }

            var delta = 0.0;
            for (var i = 0; i < n; i++)
            {
                delta = Math.Max(delta, Math.Abs(next[i] - scores[i]));
            }

            (scores, next) = (next, scores);
            if (delta < epsilon)
            {
                break;
            }
        }

        return scores;
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
