using Summarizer.Analysis;
using Summarizer.Summarization;

namespace Summarizer.Core.Tests.Summarization;

public class SentenceGraphTests
{
    [Fact]
    public void Build_WithoutWeights_EdgesAreThePairwiseOverlap()
    {
        var document = TestDocuments.Seed();
        var n = document.Sentences.Count;

        var graph = SentenceGraph.Build(document, null, (_, _, shared) => shared);

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var expected = i == j ? 0 : document.Sentences[i].Terms.Overlap(document.Sentences[j].Terms);
                Assert.Equal(expected, graph.Weight(i, j));
            }
        }
    }

    [Fact]
    public void Build_WithWeights_EdgesAreTheWeightedDotAndSymmetric()
    {
        var document = TestDocuments.Seed();
        var n = document.Sentences.Count;
        var weights = Enumerable.Range(0, document.Terms.Count).Select(t => 1.0 + (t % 7)).ToArray();

        var graph = SentenceGraph.Build(document, weights, (_, _, shared) => shared);

        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                Assert.Equal(document.Sentences[i].Terms.Dot(document.Sentences[j].Terms, weights), graph.Weight(i, j), 9);
                Assert.Equal(graph.Weight(i, j), graph.Weight(j, i));
            }
        }
    }

    [Fact]
    public void Build_PastTheExactLimit_KeepsOnlyNearStrongEdges()
    {
        // Every sentence shares "harbour" with every other, so the complete graph would have n(n-1) edges.
        var document = TestDocuments.FromText(string.Join(" ", Enumerable.Range(0, 60).Select(i => $"Harbour crane {i} moved cargo{i % 3}.")));
        var limits = new GraphLimits { ExactLimit = 10, Window = 5, Neighbours = 2 };

        var graph = SentenceGraph.Build(document, null, (_, _, shared) => shared, limits);

        for (var i = 0; i < document.Sentences.Count; i++)
        {
            var row = graph.Columns.AsSpan(graph.RowStart[i], graph.RowStart[i + 1] - graph.RowStart[i]);
            foreach (var j in row)
            {
                Assert.InRange(Math.Abs(i - j), 1, limits.Window);
                Assert.Equal(graph.Weight(i, j), graph.Weight(j, i));
            }
        }

        Assert.True(graph.Columns.Length <= 2 * document.Sentences.Count * limits.Neighbours);
    }

    [Fact]
    public void Rank_Star_CentreRanksHighestAndScoresAverageOne()
    {
        // Node 0 linked to 1, 2 and 3; node 4 isolated.
        var graph = Graph(5, (0, 1), (0, 2), (0, 3));

        var scores = SentenceGraph.Rank(graph, 0.85, 1e-6, 1000);

        Assert.Equal(0, Array.IndexOf(scores, scores.Max()));
        Assert.Equal(5, scores.Sum(), 6);
        Assert.Equal(scores[1], scores[3], 9);
    }

    [Fact]
    public void Rank_OneIteration_StopsEarly()
    {
        var graph = Graph(3, (0, 1));

        var once = SentenceGraph.Rank(graph, 0.85, 1e-9, 1);

        // After one step from all-ones: node 2 has no edges, so its unit is spread evenly.
        Assert.Equal(0.15 + (0.85 / 3) + 0.85, once[0], 9);
        Assert.Equal(0.15 + (0.85 / 3), once[2], 9);
    }

    [Fact]
    public void CosineGraph_EqualsTheCompleteCosineGraph()
    {
        var document = TestDocuments.Seed();
        var idfSquared = Enumerable.Range(0, document.Terms.Count).Select(t => 1.0 + (t % 5)).ToArray();
        var norms = document.Sentences.Select(s => Math.Sqrt(s.Terms.Dot(s.Terms, idfSquared))).ToArray();
        var complete = SentenceGraph.Build(document, idfSquared, (i, j, dot) => dot / (norms[i] * norms[j]));
        var factored = new CosineGraph(document, idfSquared);
        var x = Enumerable.Range(0, document.Sentences.Count).Select(i => 1.0 + (i % 3)).ToArray();
        var expected = new double[x.Length];
        var actual = new double[x.Length];

        complete.Multiply(x, expected);
        factored.Multiply(x, actual);

        for (var i = 0; i < x.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 9);
        }
    }

    private static SparseSentenceGraph Graph(int n, params (int A, int B)[] edges)
    {
        var rows = Enumerable.Range(0, n).Select(i => edges.Where(e => e.A == i).Select(e => e.B)
            .Concat(edges.Where(e => e.B == i).Select(e => e.A)).Order().ToArray()).ToArray();
        var rowStart = new int[n + 1];
        for (var i = 0; i < n; i++)
        {
            rowStart[i + 1] = rowStart[i] + rows[i].Length;
        }

        var columns = rows.SelectMany(r => r).ToArray();
        return new SparseSentenceGraph(n, rowStart, columns, columns.Select(_ => 1.0).ToArray());
    }
}
