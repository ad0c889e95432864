using Summarizer;
using Summarizer.Summarization;

namespace Summarizer.Core.Tests.Summarization;

public class LexRankSummarizerTests
{
    [Fact]
    public void RateSentences_CentralSentence_RanksAboveOutlier()
    {
        var document = TestDocuments.CentralAndOutlier(out var central, out var outlier);

        var scores = new LexRankSummarizer().RateSentences(document);

        Assert.True(scores[central] > scores[outlier], $"central {scores[central]} <= outlier {scores[outlier]}");
        Assert.Equal(outlier, Array.IndexOf(scores, scores.Min()));
    }

    [Fact]
    public void RateSentences_Seed_ScoresAverageOne()
    {
        var document = TestDocuments.Seed();

        var scores = new LexRankSummarizer().RateSentences(document);

        Assert.Equal(1.0, scores.Average(), 3);
    }

    [Fact]
    public void RateSentences_ThresholdAboveEverySimilarity_LeavesNoEdges()
    {
        var document = TestDocuments.CentralAndOutlier(out _, out _);

        var scores = new LexRankSummarizer(new LexRankOptions { Threshold = 0.99 }).RateSentences(document);

        Assert.All(scores, s => Assert.Equal(1.0, s, 9));
    }

    [Fact]
    public void RateSentences_DiscreteThreshold_StillPrefersCentralSentence()
    {
        var document = TestDocuments.CentralAndOutlier(out var central, out var outlier);

        var scores = new LexRankSummarizer(new LexRankOptions { Threshold = 0.1 }).RateSentences(document);

        Assert.True(scores[central] > scores[outlier]);
    }

    [Fact]
    public void RateSentences_TermInEverySentence_StillLinksSentences()
    {
        // Every sentence mentions "vote"; the within-document idf must not zero it out.
        var document = TestDocuments.FromSentences("The vote passed.", "A second vote failed.", "The final vote was close.");

        var scores = new LexRankSummarizer().RateSentences(document);

        Assert.All(scores, s => Assert.True(s > 0));
        Assert.Equal(3.0, scores.Sum(), 3);
    }

    [Fact]
    public void Create_ThresholdOutOfRange_FailsNamingTheOption()
    {
        var error = Assert.Throws<UserInputException>(() =>
            SummarizerCatalog.Create("lex-rank", new Dictionary<string, string> { ["threshold"] = "1" }));

        Assert.Contains("threshold", error.Message);
    }
}
