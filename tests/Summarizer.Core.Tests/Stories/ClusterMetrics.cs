namespace Summarizer.Core.Tests.Stories;

/// <summary>Agreement between a labelling and a clustering of the same items.</summary>
internal static class ClusterMetrics
{
    /// <summary>Adjusted Rand index (Hubert and Arabie 1985): 1 for identical partitions, about 0 for chance.</summary>
    public static double AdjustedRand(IReadOnlyList<string> truth, IReadOnlyList<string> predicted)
    {
        var n = truth.Count;
        static double Pairs(double x) => x * (x - 1) / 2;
        var joint = Enumerable.Range(0, n).GroupBy(i => (truth[i], predicted[i])).Sum(g => Pairs(g.Count()));
        var a = truth.GroupBy(t => t).Sum(g => Pairs(g.Count()));
        var b = predicted.GroupBy(p => p).Sum(g => Pairs(g.Count()));
        var expected = a * b / Pairs(n);
        var max = (a + b) / 2;
        return max == expected ? 1 : (joint - expected) / (max - expected);
    }

    /// <summary>Purity: the share of items whose cluster's majority label is their own.</summary>
    public static double Purity(IReadOnlyList<string> truth, IReadOnlyList<string> predicted) =>
        Enumerable.Range(0, truth.Count).GroupBy(i => predicted[i])
            .Sum(g => g.GroupBy(i => truth[i]).Max(x => x.Count())) / (double)truth.Count;
}
