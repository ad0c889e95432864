using Summarizer;
using Summarizer.Summarization;

namespace Summarizer.Core.Tests.Summarization;

public class TextRankSummarizerTests
{
    [Fact]
    public void RateSentences_CentralSentence_RanksAboveOutlier()
    {
        var document = TestDocuments.CentralAndOutlier(out var central, out var outlier);

        var scores = new TextRankSummarizer().RateSentences(document);

        Assert.True(scores[central] > scores[outlier], $"central {scores[central]} <= outlier {scores[outlier]}");
        Assert.Equal(outlier, Array.IndexOf(scores, scores.Min()));
    }

    [Fact]
    public void RateSentences_AnyDocument_ScoresAverageOne()
    {
        var document = TestDocuments.Seed();

        var scores = new TextRankSummarizer().RateSentences(document);

        Assert.Equal(document.Sentences.Count, scores.Length);
        Assert.Equal(1.0, scores.Average(), 3);
    }

    [Fact]
    public void RateSentences_NoSharedWords_ScoresAllEqual()
    {
        var document = TestDocuments.FromSentences("Rain fell.", "Markets rallied.", "Cats purr.");

        var scores = new TextRankSummarizer().RateSentences(document);

        Assert.All(scores, s => Assert.Equal(scores[0], s, 9));
    }

    [Fact]
    public void Summarize_Seed_PicksTheMostConnectedSentence()
    {
        var document = TestDocuments.Seed();
        var summarizer = new TextRankSummarizer();
        var scores = summarizer.RateSentences(document);
        var top = Array.IndexOf(scores, scores.Max());

        var summary = summarizer.Summarize(document, SummaryLength.Sentences(1));

        Assert.Equal([top], summary.Indices);
    }

    [Fact]
    public void Create_CatalogOverrides_ReachTheOptions()
    {
        var summarizer = (TextRankSummarizer)SummarizerCatalog.Create("text-rank",
            new Dictionary<string, string> { ["damping"] = "0.5", ["epsilon"] = "0.001", ["max-iterations"] = "7" });

        Assert.Equal(0.5, summarizer.Options.Damping);
        Assert.Equal(0.001, summarizer.Options.Epsilon);
        Assert.Equal(7, summarizer.Options.MaxIterations);
    }

    [Theory]
    [InlineData("damping", "1.5")]
    [InlineData("epsilon", "0")]
    [InlineData("max-iterations", "0")]
    public void Create_OutOfRangeOption_FailsNamingTheOption(string option, string value)
    {
        var error = Assert.Throws<UserInputException>(() =>
            SummarizerCatalog.Create("textrank", new Dictionary<string, string> { [option] = value }));

        Assert.Contains(option, error.Message);
    }
}
