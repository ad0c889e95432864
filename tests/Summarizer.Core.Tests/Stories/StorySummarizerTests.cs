using Summarizer.Analysis;
using Summarizer.Ingestion;
using Summarizer.Requests;
using Summarizer.Stories;
using Summarizer.Summarization;

namespace Summarizer.Core.Tests.Stories;

public sealed class StorySummarizerTests
{
    private static readonly StoryReport Report = StoryFinder.Find(StoryCorpus.Articles);

    [Fact]
    public void Summarize_PortStory_DrawsOnSeveralArticlesEachSentenceAttributedWithOffsets()
    {
        var story = Report.Stories[0];

        var summary = StorySummarizer.Summarize(story, Report, SummarizerCatalog.Create(), SummaryLength.Sentences(3));

        Assert.Null(summary.Error);
        Assert.Equal(3, summary.Sentences.Count);
        Assert.True(summary.Sentences.Select(s => s.ArticleId).Distinct().Count() >= 2, "the sentences come from one article only");
        var articles = StoryCorpus.Articles.ToDictionary(a => a.Id);
        Assert.All(summary.Sentences, s =>
        {
            Assert.Contains(s.ArticleId!, story.Articles.Select(a => a.Article.Id));
            Assert.Equal(s.Text, articles[s.ArticleId!].Text[s.Start!.Value..s.End!.Value]);
        });
        Assert.Equal("s1", summary.Id);
        Assert.Equal(story.Headline, summary.Title);
        Assert.Equal(story.Articles.Sum(a => TextAnalyzer.Default.Analyze(a.Article).WordCount), summary.SourceWords);
    }

    [Fact]
    public void Summarize_SentencesListedOldestArticleFirst()
    {
        var story = Report.Stories[0];

        var summary = StorySummarizer.Summarize(story, Report, SummarizerCatalog.Create(), SummaryLength.Sentences(4));

        var order = story.Articles.Select(a => a.Article.Id).ToList();
        var positions = summary.Sentences.Select(s => (order.IndexOf(s.ArticleId!), s.Index!.Value)).ToArray();
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void Summarize_FactToldByTwoVersions_ChosenOnce()
    {
        // Two versions open with the same sentence and go on differently; the lead method ranks it first in both.
        const string lead = "The regional parliament of Tyrol voted on Tuesday to ban heavy lorries from the Brenner motorway at night.";
        var articles = new[]
        {
            new Article("a", lead + " Hauliers said the ban would add a day to deliveries between Munich and Verona. The Italian transport minister called it a breach of European law.") { Language = "en" },
            new Article("b", lead + " Residents of the Wipptal valley have complained for years about noise and fumes from the Brenner motorway. Hauliers plan a protest convoy to Innsbruck next week.") { Language = "en" },
        };
        var report = StoryFinder.Find(articles, new StoryOptions { Threshold = 0.1 });
        var story = Assert.Single(report.Stories);

        var summary = StorySummarizer.Summarize(story, report, SummarizerCatalog.Create("lead"), SummaryLength.Sentences(3));

        Assert.Single(summary.Sentences, s => s.Text == lead);
        Assert.Equal(3, summary.Sentences.Count);
    }

    [Fact]
    public void Summarize_OneArticleStory_IsThatArticlesOwnSummary()
    {
        var story = Report.Stories.Single(s => s.Articles.Count == 1 && s.Articles[0].Article.Id == "fire-1");
        var summarizer = SummarizerCatalog.Create();

        var summary = StorySummarizer.Summarize(story, Report, summarizer, SummaryLength.Sentences(2));

        var single = ExtractiveMethod.ToResult(summarizer.Summarize(TextAnalyzer.Default.Analyze(story.Articles[0].Article), SummaryLength.Sentences(2)));
        Assert.Equal(single.Text, summary.Text);
        Assert.All(summary.Sentences, s => Assert.Equal("fire-1", s.ArticleId));
    }

    [Fact]
    public void Summarize_WordBudget_StaysWithinIt()
    {
        var summary = StorySummarizer.Summarize(Report.Stories[1], Report, SummarizerCatalog.Create(), SummaryLength.Words(60));

        Assert.InRange(summary.Words, 1, 60);
        Assert.NotEmpty(summary.Sentences);
    }
}
