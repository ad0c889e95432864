using Microsoft.Data.Analysis;
using Summarizer.Analysis;
using Summarizer.Core.Tests.TestSupport;
using Summarizer.Ingestion;
using Summarizer.Tables;

namespace Summarizer.Core.Tests.Tables;

public class ArticleTableTests
{
    private static readonly Article Full = new("a1", "First sentence here. Second one follows.")
    {
        Title = "Headline",
        Source = "news.txt",
        Date = new DateTimeOffset(2026, 3, 14, 9, 30, 0, TimeSpan.FromHours(2)),
        Place = "GENEVA",
        Byline = "Ana Lopes",
        Language = "en",
    };

    private static readonly Article Bare = Article.FromText("Only text. Nothing else is known.");

    [Fact]
    public void ToDataFrame_Articles_HasOneRowEachWithTheDocumentedColumns()
    {
        var df = ArticleTable.ToDataFrame([Full, Bare]);

        Assert.Equal(ArticleTable.Columns, df.Columns.Select(c => c.Name));
        Assert.Equal(2, df.Rows.Count);
        Assert.Equal("a1", df["id"][0]);
        Assert.Equal("Headline", df["title"][0]);
        Assert.Equal("news.txt", df["source"][0]);
        Assert.Equal(new DateTime(2026, 3, 14, 7, 30, 0, DateTimeKind.Utc), df["date"][0]);
        Assert.Equal("GENEVA", df["place"][0]);
        Assert.Equal("Ana Lopes", df["byline"][0]);
        Assert.Equal("en", df["language"][0]);
        Assert.Equal(Full.Text, df["text"][0]);
        Assert.Null(df["title"][1]);
        Assert.Null(df["date"][1]);
    }

    [Fact]
    public void ToDataFrame_SeedArticle_CountsWordsAndSentencesWithTheAnalyzer()
    {
        var article = ArticleLoader.FromString(Seeds.Read("geneva-talks.txt"));
        var document = TextAnalyzer.Default.Analyze(article);

        var df = ArticleTable.ToDataFrame([article]);

        Assert.Equal(document.WordCount, df["words"][0]);
        Assert.Equal(document.Sentences.Count, df["sentences"][0]);
        Assert.True((int)df["words"][0] > 300);
        Assert.Equal(15, df["sentences"][0]);
    }

    [Fact]
    public async Task ToDataFrame_SeedCorpus_CountsEveryArticleInItsLanguage()
    {
        var result = await ArticleLoader.LoadAsync([Seeds.Root]);

        var df = ArticleTable.ToDataFrame(result.Articles);

        Assert.Equal(result.Articles.Count, (int)df.Rows.Count);
        Assert.Contains("fr", df["language"].Cast<string>());
        for (long row = 0; row < df.Rows.Count; row++)
        {
            Assert.True((int)df["words"][row] > 40, $"row {row} has {df["words"][row]} words");
            Assert.True((int)df["sentences"][row] >= 3, $"row {row} has {df["sentences"][row]} sentences");
        }
    }

    [Fact]
    public void ToDataFrame_NoArticles_HasColumnsAndNoRows()
    {
        var df = ArticleTable.ToDataFrame([]);

        Assert.Equal(ArticleTable.Columns, df.Columns.Select(c => c.Name));
        Assert.Equal(0, df.Rows.Count);
    }

    [Fact]
    public void FromDataFrame_RoundTrip_KeepsEveryField()
    {
        var back = ArticleTable.FromDataFrame(ArticleTable.ToDataFrame([Full, Bare]));

        Assert.Equal(2, back.Count);
        Assert.Equal(Full with { Date = Full.Date!.Value.ToUniversalTime() }, back[0]);
        Assert.Equal(Full.Date, back[0].Date);
        Assert.Equal(Bare, back[1]);
    }

    [Fact]
    public void FromDataFrame_OtherTextColumnAndNoId_HashesTheText()
    {
        var df = new DataFrame(
            new StringDataFrameColumn("body", ["Body one.", "Body two."]),
            new StringDataFrameColumn("date", ["2026-01-02", null]));

        var articles = ArticleTable.FromDataFrame(df, textColumn: "body");

        Assert.Equal([ArticleId.ForText("Body one."), ArticleId.ForText("Body two.")], articles.Select(a => a.Id));
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero), articles[0].Date);
        Assert.Null(articles[1].Date);
        Assert.Null(articles[0].Title);
    }

    [Fact]
    public void FromDataFrame_MissingTextColumn_NamesIt()
    {
        var df = new DataFrame(new StringDataFrameColumn("body", ["x"]));

        var ex = Assert.Throws<ArgumentException>(() => ArticleTable.FromDataFrame(df));

        Assert.Contains("'text'", ex.Message);
        Assert.Contains("'body'", ex.Message);
    }

    [Fact]
    public void FromDataFrame_EmptyTextCell_NamesTheRow()
    {
        var df = new DataFrame(new StringDataFrameColumn("text", ["fine.", null]));

        var ex = Assert.Throws<ArgumentException>(() => ArticleTable.FromDataFrame(df));

        Assert.Contains("Row 1", ex.Message);
    }

    [Fact]
    public void FromDataFrame_BadDate_NamesTheRow()
    {
        var df = new DataFrame(
            new StringDataFrameColumn("text", ["fine."]),
            new StringDataFrameColumn("date", ["whenever"]));

        var ex = Assert.Throws<ArgumentException>(() => ArticleTable.FromDataFrame(df));

        Assert.Contains("Row 0", ex.Message);
        Assert.Contains("whenever", ex.Message);
    }
}
