using System.Text;
using Summarizer.Core.Tests.TestSupport;
using Summarizer.Ingestion;

namespace Summarizer.Core.Tests.Ingestion;

public sealed class ArticleLoaderUrlTests : IDisposable
{
    private readonly LoopbackHttpServer _server = new();

    private static readonly LoadOptions Options = new() { DetectLanguage = false, HttpTimeout = TimeSpan.FromSeconds(10) };

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task LoadAsync_HtmlPage_ExtractsTheStory()
    {
        _server.Serve("news/bridge", "text/html; charset=utf-8", File.ReadAllBytes(Seeds.Path("harbour-bridge.html")));
        var url = _server.Url("news/bridge");

        var result = await ArticleLoader.LoadAsync([url], Options);

        Assert.Empty(result.Failures);
        var article = Assert.Single(result.Articles);
        Assert.Equal(url, article.Source);
        Assert.Equal("Harbour bridge reopens to traffic after two-year rebuild", article.Title);
        Assert.Equal("CORK", article.Place);
        Assert.DoesNotContain("bridgefan88", article.Body);
    }

    [Fact]
    public async Task LoadAsync_PlainText_ParsesDateline()
    {
        _server.Serve("geneva.txt", "text/plain; charset=utf-8", File.ReadAllBytes(Seeds.Path("geneva-talks.txt")));

        var result = await ArticleLoader.LoadAsync([_server.Url("geneva.txt")], Options);

        var article = Assert.Single(result.Articles);
        Assert.Equal("GENEVA", article.Place);
        Assert.StartsWith("Washington and Moscow’s", article.Body);
    }

    [Fact]
    public async Task LoadAsync_PlainTextWithoutCharset_DetectsWindows1252()
    {
        _server.Serve("cafe.txt", "text/plain", File.ReadAllBytes(Seeds.Path("montreal-cafe-1252.txt")));

        var result = await ArticleLoader.LoadAsync([_server.Url("cafe.txt")], Options);

        var article = Assert.Single(result.Articles);
        Assert.Equal("Montréal café owners fight rent rise on Saint-Denis", article.Title);
    }

    [Fact]
    public async Task LoadAsync_FeedOverHttp_YieldsEachItemWithItsLink()
    {
        _server.Serve("feed", "application/rss+xml", File.ReadAllBytes(Seeds.Path("feed.xml")));

        var result = await ArticleLoader.LoadAsync([_server.Url("feed")], Options);

        Assert.Empty(result.Failures);
        Assert.Equal(
            ["https://news.example.org/rail/hydrogen-trains", "https://news.example.org/chess/youngest-grandmaster"],
            result.Articles.Select(a => a.Source));
    }

    [Fact]
    public async Task LoadAsync_NotFound_ReportsStatusAndUrl()
    {
        var url = _server.Url("missing-page");

        var result = await ArticleLoader.LoadAsync([url], Options);

        Assert.Empty(result.Articles);
        var failure = Assert.Single(result.Failures);
        Assert.Equal(url, failure.Source);
        Assert.Contains(url, failure.Message);
        Assert.Contains("404", failure.Message);
    }

    [Fact]
    public async Task LoadAsync_SlowServer_ReportsTimeout()
    {
        _server.Serve("slow", "text/plain", "Too late.", delay: TimeSpan.FromSeconds(20));
        var url = _server.Url("slow");

        var result = await ArticleLoader.LoadAsync([url], Options with { HttpTimeout = TimeSpan.FromMilliseconds(300) });

        var failure = Assert.Single(result.Failures);
        Assert.Contains(url, failure.Message);
        Assert.Contains("HttpTimeout", failure.Message);
    }

    [Fact]
    public async Task LoadAsync_WrongContentType_ReportsTheType()
    {
        _server.Serve("photo", "image/png", [0x89, 0x50, 0x4E, 0x47]);
        var url = _server.Url("photo");

        var result = await ArticleLoader.LoadAsync([url], Options);

        var failure = Assert.Single(result.Failures);
        Assert.Contains(url, failure.Message);
        Assert.Contains("image/png", failure.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task LoadAsync_ResponseOverSizeCap_ReportsTooLarge(bool chunked)
    {
        _server.Serve("big", "text/plain", new string('a', 5000) + ".", chunked: chunked);
        var url = _server.Url("big");

        var result = await ArticleLoader.LoadAsync([url], Options with { MaxBytes = 1000 });

        var failure = Assert.Single(result.Failures);
        Assert.Contains(url, failure.Message);
        Assert.Contains("over the 1000 bytes limit", failure.Message);
    }

    [Fact]
    public async Task LoadAsync_BadUrlAmongGoodOnes_KeepsTheGoodOnesInOrder()
    {
        _server.Serve("a.txt", "text/plain", "First story.\n\nIt has a body.");
        _server.Serve("c.txt", "text/plain", "Third story.\n\nIt has a body too.");

        var items = new List<LoadItem>();
        await foreach (var item in ArticleLoader.ReadAsync([_server.Url("a.txt"), _server.Url("b.txt"), _server.Url("c.txt")], Options))
        {
            items.Add(item);
        }

        Assert.Collection(
            items,
            i => Assert.IsType<LoadedArticle>(i),
            i => Assert.Contains("404", Assert.IsType<LoadFailure>(i).Message),
            i => Assert.IsType<LoadedArticle>(i));
    }

    [Fact]
    public async Task LoadAsync_ServerDeclaresCharset_UsesIt()
    {
        var latin1 = Encoding.Latin1.GetBytes("Prix du café\n\nLe café coûte plus cher à Paris.");
        _server.Serve("fr.txt", "text/plain; charset=iso-8859-1", latin1);

        var result = await ArticleLoader.LoadAsync([_server.Url("fr.txt")], Options);

        var article = Assert.Single(result.Articles);
        Assert.Equal("Prix du café", article.Title);
        Assert.Equal("Le café coûte plus cher à Paris.", article.Body);
    }
}
