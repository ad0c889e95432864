using Summarizer;
using Summarizer.Summarization;

namespace Summarizer.Core.Tests.Summarization;

public class EdmundsonSummarizerTests
{
    private static readonly EdmundsonOptions TitleOnly = new() { CueWeight = 0, KeyWeight = 0, LocationWeight = 0, TitleWeight = 1 };

    [Fact]
    public void RateSentences_TitleWeight_FavoursSentenceSharingTitleTerms()
    {
        var document = TestDocuments.FromText(
            "Officials met on Monday. Weather was mild. The budget deficit talks collapsed in the evening. Traffic was light.",
            title: "Budget deficit talks collapse");

        var scores = new EdmundsonSummarizer(TitleOnly).RateSentences(document);

        Assert.Equal(2, Array.IndexOf(scores, scores.Max()));
        Assert.Equal(1.0, scores[2], 9);
        Assert.Equal(0.0, scores[0], 9);
    }

    [Fact]
    public void RateSentences_NoTitle_TitleMethodScoresNothing()
    {
        var document = TestDocuments.FromText("Officials met on Monday. The budget deficit talks collapsed.");

        var scores = new EdmundsonSummarizer(TitleOnly).RateSentences(document);

        Assert.All(scores, s => Assert.Equal(0.0, s));
    }

    [Fact]
    public void RateSentences_CueWords_BonusBeatsStigma()
    {
        var document = TestDocuments.FromSentences(
            "Perhaps the rumour was allegedly true.",
            "The report concluded that the key finding was significant.",
            "The office opened.");

        var scores = new EdmundsonSummarizer(new EdmundsonOptions { KeyWeight = 0, LocationWeight = 0, TitleWeight = 0 })
            .RateSentences(document);

        Assert.True(scores[1] > scores[2] && scores[2] > scores[0], string.Join(", ", scores));
    }

    [Fact]
    public void RateSentences_LocationOnly_PrefersLeadAndParagraphOpenings()
    {
        var document = TestDocuments.FromText("First one here. Second one here.\nThird opens a paragraph. Fourth follows.");

        var scores = new EdmundsonSummarizer(new EdmundsonOptions { CueWeight = 0, KeyWeight = 0, TitleWeight = 0 })
            .RateSentences(document);

        Assert.Equal(0, Array.IndexOf(scores, scores.Max()));
        Assert.True(scores[2] > scores[1], "a paragraph opening should beat the sentence before it");
    }

    [Fact]
    public void Summarize_SeedWithTitle_IncludesSentenceMatchingTitle()
    {
        var text = Summarizer.Core.Tests.TestSupport.Seeds.Read("geneva-talks.txt");
        var document = TestDocuments.FromText(text, title: "Putin Biden summit premature");
        var summarizer = new EdmundsonSummarizer(new EdmundsonOptions { TitleWeight = 5 });

        var summary = summarizer.Summarize(document, SummaryLength.Sentences(2));

        Assert.Contains(summary.Sentences, s => document.Sentences[s.Index].Text.Contains("premature", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_NegativeWeight_FailsNamingTheOption()
    {
        var error = Assert.Throws<UserInputException>(() =>
            SummarizerCatalog.Create("edmundson", new Dictionary<string, string> { ["title-weight"] = "-1" }));

        Assert.Contains("title-weight", error.Message);
    }
}
