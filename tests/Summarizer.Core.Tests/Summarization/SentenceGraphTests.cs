using Summarizer.Summarization;

namespace Summarizer.Core.Tests.Summarization;

public class SentenceGraphTests
{
    [Fact]
    public void SharedTerms_WithoutWeights_EqualsPairwiseOverlap()
    {
        var document = TestDocuments.Seed();
        var n = document.Sentences.Count;

        var matrix = SentenceGraph.SharedTerms(document, null);

        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                Assert.Equal(document.Sentences[i].Terms.Overlap(document.Sentences[j].Terms), matrix[(i * n) + j]);
            }
        }
    }

    [Fact]
    public void SharedTerms_WithWeights_EqualsWeightedDot()
    {
        var document = TestDocuments.Seed();
        var n = document.Sentences.Count;
        var weights = Enumerable.Range(0, document.Terms.Count).Select(t => 1.0 + (t % 7)).ToArray();

        var matrix = SentenceGraph.SharedTerms(document, weights);

        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                Assert.Equal(document.Sentences[i].Terms.Dot(document.Sentences[j].Terms, weights), matrix[(i * n) + j], 9);
            }
        }
    }

    [Fact]
    public void Rank_Star_CentreRanksHighestAndScoresAverageOne()
    {
        // Node 0 linked to 1, 2 and 3; node 4 isolated.
        const int n = 5;
        var weights = new double[n * n];
        foreach (var leaf in new[] { 1, 2, 3 })
        {
            weights[leaf] = 1;
            weights[leaf * n] = 1;
        }

        var scores = SentenceGraph.Rank(weights, n, 0.85, 1e-6, 1000);

        Assert.Equal(0, Array.IndexOf(scores, scores.Max()));
        Assert.Equal(n, scores.Sum(), 6);
        Assert.Equal(scores[1], scores[3], 9);
    }

    [Fact]
    public void Rank_OneIteration_StopsEarly()
    {
        const int n = 3;
        var weights = new double[n * n];
        weights[1] = weights[n] = 1;

        var once = SentenceGraph.Rank(weights, n, 0.85, 1e-9, 1);

        // After one step from all-ones: node 2 has no edges, so its unit is spread evenly.
        Assert.Equal(0.15 + (0.85 / 3) + 0.85, once[0], 9);
        Assert.Equal(0.15 + (0.85 / 3), once[2], 9);
    }
}
