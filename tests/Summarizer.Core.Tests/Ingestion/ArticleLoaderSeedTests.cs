using Summarizer.Core.Tests.TestSupport;
using Summarizer.Ingestion;

namespace Summarizer.Core.Tests.Ingestion;

public class ArticleLoaderSeedTests
{
    private static readonly LoadOptions NoDetection = new() { DetectLanguage = false };

    private static async Task<IReadOnlyList<Article>> LoadSeed(string name, LoadOptions? options = null)
    {
        var result = await ArticleLoader.LoadAsync([Seeds.Path(name)], options ?? NoDetection);
        Assert.Empty(result.Failures);
        return result.Articles;
    }

    [Fact]
    public async Task LoadAsync_GenevaText_TakesDatelineAsPlaceAndHasNoTitle()
    {
        var article = Assert.Single(await LoadSeed("geneva-talks.txt"));

        Assert.Null(article.Title);
        Assert.Equal("GENEVA", article.Place);
        Assert.StartsWith("Washington and Moscow’s top diplomats", article.Body);
        Assert.Equal(Seeds.Path("geneva-talks.txt"), article.Source);
        Assert.Equal(ArticleId.ForText(article.Body), article.Id);
    }

    [Fact]
    public async Task LoadAsync_PlainTextAndRecords_TextIsTheInputExactlyAsGiven()
    {
        var geneva = Assert.Single(await LoadSeed("geneva-talks.txt"));
        var records = await LoadSeed("articles.jsonl");
        var lines = File.ReadAllLines(Seeds.Path("articles.jsonl"));

        Assert.Equal(Seeds.Read("geneva-talks.txt"), geneva.Text);
        for (var i = 0; i < records.Count; i++)
        {
            using var json = System.Text.Json.JsonDocument.Parse(lines[i]);
            Assert.Equal(json.RootElement.GetProperty("text").GetString(), records[i].Text);
        }
    }

    [Fact]
    public async Task LoadAsync_EverySeed_SentenceOffsetsIndexTheTextAsGiven()
    {
        var result = await ArticleLoader.LoadAsync([Seeds.Root], NoDetection);

        Assert.Equal(14, result.Articles.Count);
        foreach (var article in result.Articles)
        {
            var document = Summarizer.Analysis.TextAnalyzer.Default.Analyze(article);
            Assert.NotEmpty(document.Sentences);
            Assert.All(document.Sentences, s => Assert.Equal(s.Text, article.Text[s.Start..s.End]));
            Assert.True(document.Sentences[0].Start >= article.BodyStart, article.Source);
        }
    }

    [Fact]
    public async Task LoadAsync_HtmlPage_KeepsStoryAndDropsNavigationAdsSidebarAndComments()
    {
        var article = Assert.Single(await LoadSeed("harbour-bridge.html"));

        Assert.Equal("Harbour bridge reopens to traffic after two-year rebuild", article.Title);
        Assert.Equal("Maren Solberg", article.Byline);
        Assert.Equal(new DateTimeOffset(2026, 3, 14, 9, 30, 0, TimeSpan.Zero), article.Date);
        Assert.Equal("CORK", article.Place);
        Assert.Equal("en", article.Language);
        Assert.StartsWith("The Lee Harbour Bridge reopened", article.Body);
        Assert.Contains("Declan Furlong", article.Body);
        Assert.DoesNotContain("Subscribe", article.Body);
        Assert.DoesNotContain("Kelleher Furniture", article.Body);
        Assert.DoesNotContain("Most read", article.Body);
        Assert.DoesNotContain("Kinsale", article.Body);
        Assert.DoesNotContain("bridgefan88", article.Body);
        Assert.DoesNotContain("Shameful", article.Body);
        Assert.DoesNotContain("All rights reserved", article.Body);
        Assert.DoesNotContain("analytics", article.Body);
    }

    [Fact]
    public async Task LoadAsync_Pdf_ReadsTitleAuthorDateAndUnwrapsLines()
    {
        var article = Assert.Single(await LoadSeed("svalbard-probe.pdf"));

        Assert.Equal("Ice probe finds living microbes under Svalbard glacier", article.Title);
        Assert.Equal("Ingrid Aasen", article.Byline);
        Assert.Equal(new DateTimeOffset(2026, 2, 3, 9, 0, 0, TimeSpan.Zero), article.Date);
        Assert.Equal("TROMSO", article.Place);
        Assert.StartsWith("Scientists drilling beneath a glacier", article.Body);
        Assert.Contains("probe through the Kongsvegen glacier", article.Body);
        Assert.EndsWith("in the journal Polar Biology.", article.Body);
    }

    [Fact]
    public async Task LoadAsync_Docx_ReadsTitleStyleBylineAndDate()
    {
        var article = Assert.Single(await LoadSeed("nordvik-merger.docx"));

        Assert.Equal("Nordvik Foods agrees 2.1 billion euro merger with Baltic Dairy", article.Title);
        Assert.Equal("Tomas Lindqvist", article.Byline);
        Assert.Equal(new DateTimeOffset(2026, 1, 20, 8, 0, 0, TimeSpan.Zero), article.Date);
        Assert.Equal("STOCKHOLM", article.Place);
        Assert.StartsWith("Nordvik Foods, the Swedish maker", article.Body);
        Assert.DoesNotContain("By Tomas", article.Body);
    }

    [Fact]
    public async Task LoadAsync_Markdown_ReadsHeadingBylineDateAndStripsMarkup()
    {
        var article = Assert.Single(await LoadSeed("lisbon-marathon.md"));

        Assert.Equal("Kiptoo breaks course record as rain soaks Lisbon marathon", article.Title);
        Assert.Equal("Rui Carvalho", article.Byline);
        Assert.Equal(new DateTimeOffset(2026, 4, 12, 0, 0, 0, TimeSpan.Zero), article.Date);
        Assert.Equal("LISBON", article.Place);
        Assert.StartsWith("Kenyan runner Daniel Kiptoo broke", article.Body);
        Assert.DoesNotContain("*", article.Body);
        Assert.DoesNotContain("#", article.Body);
    }

    [Fact]
    public async Task LoadAsync_Windows1252Text_DecodesAccentsAndQuotes()
    {
        var article = Assert.Single(await LoadSeed("montreal-cafe-1252.txt"));

        Assert.Equal("Montréal café owners fight rent rise on Saint-Denis", article.Title);
        Assert.Equal("Élise Tremblay", article.Byline);
        Assert.Equal(new DateTimeOffset(2026, 5, 6, 0, 0, 0, TimeSpan.Zero), article.Date);
        Assert.Equal("MONTRÉAL", article.Place);
        Assert.StartsWith("Café owners on rue Saint-Denis say", article.Body);
        Assert.Contains("street’s independent", article.Body);
        Assert.Contains("Hélène Côté", article.Body);
        Assert.DoesNotContain('\uFFFD', article.Body);
        // The text stays as given, Windows line ends included; only metadata lines are kept out of the body.
        Assert.Contains("\r\n", article.Text);
    }

    [Fact]
    public async Task LoadAsync_Csv_ReadsEveryRowWithItsFields()
    {
        var articles = await LoadSeed("articles.csv");

        Assert.Equal(2, articles.Count);
        Assert.Equal("derby-2026-03-01", articles[0].Id);
        Assert.Equal("Late penalty gives Rovers derby win over City", articles[0].Title);
        Assert.Equal("Sam Okafor", articles[0].Byline);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), articles[0].Date);
        Assert.Equal("BRISTOL", articles[0].Place);
        Assert.StartsWith("A stoppage-time penalty", articles[0].Body);
        Assert.Contains("\n\nCity had led", articles[0].Body);
        Assert.Equal(Seeds.Path("articles.csv") + ":2", articles[0].Source);
        Assert.Equal("ecb-rates-2026-04-30", articles[1].Id);
        Assert.Equal("FRANKFURT", articles[1].Place);
    }

    [Fact]
    public async Task LoadAsync_JsonLines_ReadsEveryLineAndDetectsFrench()
    {
        var articles = await LoadSeed("articles.jsonl", LoadOptions.Default);

        Assert.Equal(2, articles.Count);
        Assert.Equal("reef-2026-02-18", articles[0].Id);
        Assert.Equal("PERTH", articles[0].Place);
        Assert.Equal("en", articles[0].Language);
        Assert.Equal(Seeds.Path("articles.jsonl") + ":1", articles[0].Source);
        Assert.Equal("portugal-vote-2026-03-09", articles[1].Id);
        Assert.Equal("Le Portugal vote pour un nouveau parlement", articles[1].Title);
        Assert.Equal("LISBONNE", articles[1].Place);
        Assert.Equal("fr", articles[1].Language);
        Assert.Equal(Seeds.Path("articles.jsonl") + ":2", articles[1].Source);
    }

    [Fact]
    public async Task LoadAsync_Parquet_ReadsEveryRow()
    {
        var articles = await LoadSeed("articles.parquet");

        Assert.Equal(2, articles.Count);
        Assert.Equal("wind-tender-2026-01-28", articles[0].Id);
        Assert.Equal("Wind farm tender draws record bids in North Sea", articles[0].Title);
        Assert.Equal("COPENHAGEN", articles[0].Place);
        Assert.Equal("Erik Jansen", articles[0].Byline);
        Assert.StartsWith("Denmark’s energy agency", articles[0].Body);
        Assert.Equal(Seeds.Path("articles.parquet") + ":2", articles[1].Source);
        Assert.Equal("ZERMATT", articles[1].Place);
    }

    [Fact]
    public async Task LoadAsync_RssFeed_MakesOneArticlePerItem()
    {
        var articles = await LoadSeed("feed.xml");

        Assert.Equal(2, articles.Count);
        Assert.Equal("Rail operator orders 40 hydrogen trains", articles[0].Title);
        Assert.Equal("https://news.example.org/rail/hydrogen-trains", articles[0].Source);
        Assert.Equal(new DateTimeOffset(2026, 5, 2, 8, 15, 0, TimeSpan.Zero), articles[0].Date);
        Assert.Equal("Nora Keller", articles[0].Byline);
        Assert.StartsWith("Nordwest Regionalbahn has ordered 40", articles[0].Body);
        Assert.Contains("\n\nThe trains will replace", articles[0].Body);
        Assert.DoesNotContain("<p>", articles[0].Body);
        Assert.Equal("Chess prodigy, 13, becomes youngest Dutch grandmaster", articles[1].Title);
    }

    [Fact]
    public async Task LoadAsync_SeedsFolder_LoadsEveryArticleAndSkipsReadme()
    {
        var result = await ArticleLoader.LoadAsync([Seeds.Root], NoDetection);

        Assert.Empty(result.Failures);
        Assert.Equal(14, result.Articles.Count);
        Assert.DoesNotContain(result.Articles, a => a.Source!.EndsWith("README.md", StringComparison.Ordinal));
        Assert.Equal(result.Articles.Count, result.Articles.Select(a => a.Id).Distinct().Count());
    }
}
