using Summarizer;
using Summarizer.Core.Tests.TestSupport;
using Summarizer.Analysis;
using Summarizer.Summarization;

namespace Summarizer.Core.Tests.Summarization;

public class KlSumSummarizerTests
{
    [Fact]
    public void Summarize_NearDuplicateSentences_PicksOnlyOne()
    {
        var document = TestDocuments.FromSentences(
            "The central bank raised interest rates sharply on Tuesday.",
            "On Tuesday the central bank sharply raised interest rates.",
            "Farmers protested low crop prices in the capital.",
            "The central bank said rates may rise again.");

        var summary = new KlSumSummarizer().Summarize(document, SummaryLength.Sentences(2));

        Assert.False(summary.Indices.Contains(0) && summary.Indices.Contains(1), $"chose {string.Join(", ", summary.Indices)}");
    }

    // KL(P_doc ‖ P_summary) straight from the definition, with the summariser's additive smoothing.
    private static double Divergence(Document document, params int[] summary)
    {
        var alpha = KlSumOptions.Default.Smoothing;
        var counts = document.TermCounts;
        double total = counts.Sum();
        var inSummary = new double[counts.Count];
        foreach (var index in summary)
        {
            var terms = document.Sentences[index].Terms;
            for (var k = 0; k < terms.Count; k++)
            {
                inSummary[terms.Ids[k]] += terms.Weights[k];
            }
        }

        var summaryTokens = inSummary.Sum();
        var kl = 0.0;
        for (var t = 0; t < counts.Count; t++)
        {
            var p = counts[t] / total;
            var q = (inSummary[t] + alpha) / (summaryTokens + (alpha * counts.Count));
            kl += p * Math.Log(p / q);
        }

        return kl;
    }

    [Fact]
    public void Summarize_OneSentence_ScoreIsNegativeSmoothedDivergence()
    {
        var document = TestDocuments.Seed();

        var chosen = Assert.Single(new KlSumSummarizer().Summarize(document, SummaryLength.Sentences(1)).Sentences);

        Assert.Equal(-Divergence(document, chosen.Index), chosen.Score, 9);
    }

    [Fact]
    public void Summarize_TwoSentences_AreTheGreedyMinimisers()
    {
        var document = TestDocuments.Seed();
        var n = document.Sentences.Count;
        var first = Enumerable.Range(0, n).MinBy(i => Divergence(document, i));
        var second = Enumerable.Range(0, n).Where(i => i != first).MinBy(i => Divergence(document, first, i));

        var summary = new KlSumSummarizer().Summarize(document, SummaryLength.Sentences(2));

        Assert.Equal(new[] { first, second }.Order(), summary.Indices);
    }

    [Fact]
    public void Summarize_FirstPick_CoversTheDocumentBest()
    {
        var document = TestDocuments.FromSentences(
            "Rain fell.",
            "Heavy rain flooded the town and rain closed the town roads.",
            "Cats purr.");

        var summary = new KlSumSummarizer().Summarize(document, SummaryLength.Sentences(1));

        Assert.Equal([1], summary.Indices);
    }

    [Fact]
    public void Create_NonPositiveSmoothing_FailsNamingTheOption()
    {
        var error = Assert.Throws<UserInputException>(() =>
            SummarizerCatalog.Create("kl", new Dictionary<string, string> { ["smoothing"] = "0" }));

        Assert.Contains("smoothing", error.Message);
    }

    [Theory]
    [InlineData(5, 0)]
    [InlineData(12, 0)]
    [InlineData(0, 150)]
    public void Summarize_LongSummaries_EachPickMinimisesTheDivergence(int sentences, int words)
    {
        var document = TestDocuments.FromText(Seeds.Read("geneva-talks.txt") + "\n" + Seeds.Read("lisbon-marathon.md"));
        var length = words > 0 ? SummaryLength.Words(words) : SummaryLength.Sentences(sentences);

        var summary = new KlSumSummarizer().Summarize(document, length);

        // The plain greedy loop: each step adds whichever fitting sentence leaves the smallest divergence.
        var picked = new List<int>();
        var usedWords = 0;
        while (Enumerable.Range(0, document.Sentences.Count)
                   .Where(i => !picked.Contains(i) && SentenceSelector.Fits(document, length, picked.Count, usedWords, i))
                   .Select(i => (int?)i)
                   .MinBy(i => Divergence(document, [.. picked, i!.Value])) is { } best)
        {
            picked.Add(best);
            usedWords += document.Sentences[best].WordCount;
        }

        Assert.Equal(picked.Order(), summary.Indices);
        Assert.True(picked.Count >= Math.Min(sentences, document.Sentences.Count), $"{picked.Count} picks");
    }
}
