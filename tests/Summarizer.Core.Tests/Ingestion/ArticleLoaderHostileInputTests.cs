using System.Text;
using System.Text.Json;
using Summarizer.Ingestion;

namespace Summarizer.Core.Tests.Ingestion;

/// <summary>
/// Inputs built to exhaust time or memory. Each must fail on its own with a message naming it, while the good inputs
/// read with it still load.
/// </summary>
public sealed class ArticleLoaderHostileInputTests : IDisposable
{
    private static readonly LoadOptions Options = new() { DetectLanguage = false };
    private readonly TempFolder _temp = new();
    private readonly LoopbackHttpServer _server = new();

    public void Dispose()
    {
        _server.Dispose();
        _temp.Dispose();
    }

    /// <summary>Loads a folder holding the hostile file between two good articles; asserts the good ones loaded and
    /// returns the single failure, which must name the hostile file.</summary>
    private async Task<LoadFailure> FailsAmongGoodFiles(string name, byte[] hostile, LoadOptions? options = null)
    {
        var folder = Path.Combine(_temp.Root, Path.GetFileNameWithoutExtension(name));
        _temp.File(Path.Combine(folder, "a-good.txt"), HostileFiles.GoodArticle);
        var path = _temp.File(Path.Combine(folder, name), hostile);
        _temp.File(Path.Combine(folder, "z-good.txt"), HostileFiles.GoodArticle);

        var result = await ArticleLoader.LoadAsync([folder], options ?? Options);

        Assert.Equal([Path.Combine(folder, "a-good.txt"), Path.Combine(folder, "z-good.txt")], result.Articles.Select(a => a.Source));
        var failure = Assert.Single(result.Failures);
        Assert.Equal(path, failure.Source);
        Assert.StartsWith(path + ": ", failure.Message);
        return failure;
    }

    private Task<LoadFailure> FailsAmongGoodFiles(string name, string hostile, LoadOptions? options = null) =>
        FailsAmongGoodFiles(name, Encoding.UTF8.GetBytes(hostile), options);

    [Fact]
    public async Task LoadAsync_HtmlNested200000Deep_FailsAtTheDepthLimit()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 200_000)) + "<p>Deep text here.</p></body></html>";

        var failure = await FailsAmongGoodFiles("deep.html", html);

        Assert.Contains("nested over 256 deep", failure.Message);
        Assert.Contains("LoadOptions.MaxMarkupDepth", failure.Message);
    }

    [Fact]
    public async Task LoadAsync_HtmlElementWith100000Attributes_FailsAtTheAttributeLimit()
    {
        var html = "<html><body><div " + string.Join(' ', Enumerable.Range(0, 100_000).Select(i => $"a{i}=\"v\"")) + "><p>Text.</p></div></body></html>";

        var failure = await FailsAmongGoodFiles("attributes.html", html);

        Assert.Contains("over 256 attributes", failure.Message);
        Assert.Contains("LoadOptions.MaxMarkupAttributes", failure.Message);
    }

    [Fact]
    public async Task LoadAsync_HtmlWith25000Elements_FailsAtTheElementLimit()
    {
        var html = "<html><body><p>" + string.Concat(Enumerable.Repeat("<span>word</span> ", 25_000)) + "</p></body></html>";

        var failure = await FailsAmongGoodFiles("wide.html", html);

        Assert.Contains("over 20000 elements", failure.Message);
    }

    [Fact]
    public async Task LoadAsync_TagSoupWithUnclosedCellsAndParagraphs_IsNotMistakenForDepth()
    {
        // 600 table rows and 400 paragraphs whose end tags are left out, as browsers allow: shallow once built.
        var rows = string.Concat(Enumerable.Range(0, 600).Select(i => $"<tr><td>{i}<td>cell {i}"));
        var paragraphs = string.Concat(Enumerable.Range(0, 400).Select(i => $"<p>Paragraph {i} of the story says that the council met again on Monday."));
        var path = _temp.File("soup.html", $"<html><head><title>Soup</title></head><body><table>{rows}</table><article>{paragraphs}</article></body></html>");

        var result = await ArticleLoader.LoadAsync([path], Options);

        Assert.Empty(result.Failures);
        Assert.Contains("Paragraph 399", Assert.Single(result.Articles).Text);
    }

    [Fact]
    public async Task LoadAsync_BillionLaughsFeed_FailsWithoutExpandingAnEntity()
    {
        var failure = await FailsAmongGoodFiles("laughs.rss", HostileFiles.BillionLaughsFeed());

        Assert.Contains("not a readable RSS or Atom feed", failure.Message);
        Assert.Contains("entities declared in a DTD are not expanded", failure.Message);
    }

    [Fact]
    public async Task LoadAsync_FeedWithExternalEntity_NeverReadsTheNamedFile()
    {
        var secret = _temp.File("secret.txt", "TOP-SECRET-CONTENT");
        var feed = $"""
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY xxe SYSTEM "{new Uri(secret).AbsoluteUri}">]>
            <rss version="2.0"><channel><title>t</title><item><title>X</title><description>Leak: &xxe;</description></item></channel></rss>
            """;

        var failure = await FailsAmongGoodFiles("xxe.rss", feed);

        Assert.DoesNotContain("TOP-SECRET-CONTENT", failure.Message);
        Assert.Contains("xxe", failure.Message);
    }

    [Fact]
    public async Task LoadAsync_FeedNested10000Deep_FailsAtTheDepthLimit()
    {
        var deep = string.Concat(Enumerable.Repeat("<x>", 10_000)) + "text" + string.Concat(Enumerable.Repeat("</x>", 10_000));
        var feed = $"<rss version=\"2.0\"><channel><title>t</title><item><title>Deep</title><description>d</description>{deep}</item></channel></rss>";

        var failure = await FailsAmongGoodFiles("deep.rss", feed);

        Assert.Contains("nested over 256 deep", failure.Message);
    }

    [Fact]
    public async Task LoadAsync_WordFileUnpackingTo80MB_FailsAtTheUnpackedLimit()
    {
        var docx = HostileFiles.WordFile(80L * 1024 * 1024);
        Assert.True(docx.Length < 1024 * 1024, $"the test file should be small on disk, not {docx.Length} bytes");

        var failure = await FailsAmongGoodFiles("bomb.docx", docx);

        Assert.EndsWith(": the Word document unpacks to over 64 MB (LoadOptions.MaxUnpackedBytes)", failure.Message);
    }

    [Fact]
    public async Task LoadAsync_WordFileWithMoreTextThanMaxBytes_FailsAtTheTextLimit()
    {
        var docx = HostileFiles.WordFile(3L * 1024 * 1024);

        var failure = await FailsAmongGoodFiles("long.docx", docx, Options with { MaxBytes = 1024 * 1024 });

        Assert.EndsWith(": the article text is over the 1 MB limit (LoadOptions.MaxBytes)", failure.Message);
    }

    [Fact]
    public async Task LoadAsync_PdfContentUnpackingTo80MB_FailsAtTheUnpackedLimit()
    {
        var pdf = HostileFiles.PdfFile(80L * 1024 * 1024);
        Assert.True(pdf.Length < 1024 * 1024, $"the test file should be small on disk, not {pdf.Length} bytes");

        var failure = await FailsAmongGoodFiles("bomb.pdf", pdf);

        Assert.EndsWith(": the PDF's streams unpack to over 64 MB (LoadOptions.MaxUnpackedBytes)", failure.Message);
    }

    [Fact]
    public async Task LoadAsync_PdfWithAPictureOverTheUnpackedLimit_StillLoadsItsText()
    {
        // Pictures are never unpacked to read text, so their size does not count.
        var path = _temp.File("photo.pdf", HostileFiles.PdfFile(4096, imageBytes: 80L * 1024 * 1024));

        var result = await ArticleLoader.LoadAsync([path], Options);

        Assert.Empty(result.Failures);
        Assert.Contains("The council approved the budget on Monday", Assert.Single(result.Articles).Text);
    }

    [Fact]
    public async Task LoadAsync_CsvFieldOverTheLimit_FailsThatRowAndReadsTheRowsAfterIt()
    {
        // The oversize field is quoted and spans lines, so reading must resume after its closing quote.
        var huge = string.Concat(Enumerable.Repeat("word, \"quoted\"\nnext line ", 2_000));
        var csv = new StringBuilder("id,text\n")
            .Append("r1,The first row is short and fine.\n")
            .Append("r2,\"").Append(huge.Replace("\"", "\"\"", StringComparison.Ordinal)).Append("\"\n")
            .Append("r3,The third row follows the huge one.\n")
            .Append("r4,\"The fourth row, with a comma.\"\n")
            .ToString();
        var path = _temp.File("rows.csv", csv);
        var hugeLines = huge.Count(c => c == '\n');

        var result = await ArticleLoader.LoadAsync([path], Options with { MaxBytes = 4096 });

        Assert.Equal(["r1", "r3", "r4"], result.Articles.Select(a => a.Id));
        Assert.Equal($"{path}:{4 + hugeLines}", result.Articles[1].Source);
        var failure = Assert.Single(result.Failures);
        Assert.Equal($"{path}:3", failure.Source);
        Assert.Equal($"{path}:3: the record is over the 4 KB limit (LoadOptions.MaxBytes)", failure.Message);
    }

    [Fact]
    public async Task LoadAsync_JsonLineOverTheLimit_FailsThatLineAndReadsTheLinesAfterIt()
    {
        var jsonl = string.Join("\r\n",
            JsonSerializer.Serialize(new { id = "l1", text = "The first line is fine." }),
            JsonSerializer.Serialize(new { id = "l2", text = new string('y', 100_000) }),
            JsonSerializer.Serialize(new { id = "l3", text = "The third line follows the huge one." }),
            "",
            JsonSerializer.Serialize(new { id = "l5", text = "The fifth line comes after a blank one." }));
        var path = _temp.File("lines.jsonl", jsonl);

        var result = await ArticleLoader.LoadAsync([path], Options with { MaxBytes = 4096 });

        Assert.Equal(["l1", "l3", "l5"], result.Articles.Select(a => a.Id));
        Assert.Equal($"{path}:5", result.Articles[2].Source);
        var failure = Assert.Single(result.Failures);
        Assert.Equal($"{path}:2: the line is over the 4 KB limit (LoadOptions.MaxBytes)", failure.Message);
    }

    [Fact]
    public async Task LoadAsync_StdinJsonWithOversizeFirstLine_FailsThatLineAndReadsTheRest()
    {
        using var stdin = new StringReader("\n{\"id\":\"big\",\"text\":\"" + new string('z', 10_000) + "\"}\n{\"id\":\"ok\",\"text\":\"Short and fine.\"}\n");

        var result = await ArticleLoader.LoadAsync(["-"], Options with { MaxBytes = 1024 }, stdin);

        Assert.Equal("stdin:3", Assert.Single(result.Articles).Source);
        Assert.Equal("stdin:2: the line is over the 1 KB limit (LoadOptions.MaxBytes)", Assert.Single(result.Failures).Message);
    }

    [Fact]
    public async Task LoadAsync_HttpBodyTricklingIn_FailsThatUrlAtTheTimeoutAndLoadsTheRest()
    {
        _server.Trickle("slow.txt", "text/plain", Encoding.UTF8.GetBytes(new string('a', 2_000)), TimeSpan.FromMilliseconds(50));
        var url = _server.Url("slow.txt");
        var good = _temp.File("good.txt", HostileFiles.GoodArticle);

        var result = await ArticleLoader.LoadAsync([url, good], Options with { HttpTimeout = TimeSpan.FromSeconds(1) });

        Assert.Equal(good, Assert.Single(result.Articles).Source);
        Assert.Equal($"{url}: no complete response within 1 s (LoadOptions.HttpTimeout)", Assert.Single(result.Failures).Message);
    }

    [Fact]
    public async Task LoadAsync_GzipBodyInflatingPastMaxBytes_FailsThatUrl()
    {
        _server.ServeGzip("bomb.txt", "text/plain", HostileFiles.Gzip(new byte[8 * 1024 * 1024]));
        var url = _server.Url("bomb.txt");

        var result = await ArticleLoader.LoadAsync([url], Options with { MaxBytes = 1024 * 1024 });

        Assert.Equal($"{url}: response is over the 1 MB limit (LoadOptions.MaxBytes)", Assert.Single(result.Failures).Message);
    }

    [Fact]
    public async Task LoadAsync_RedirectToFileUrl_IsRefused()
    {
        _server.Redirect("jump", "file:///etc/passwd");
        var url = _server.Url("jump");

        var result = await ArticleLoader.LoadAsync([url], Options);

        Assert.Equal($"{url}: HTTP 302 redirect to a non-http(s) URL (file:///etc/passwd) refused", Assert.Single(result.Failures).Message);
    }

    [Fact]
    public async Task LoadAsync_RedirectLoop_ReportsTooManyRedirects()
    {
        _server.Redirect("ping", "/pong").Redirect("pong", "/ping");
        var url = _server.Url("ping");

        var result = await ArticleLoader.LoadAsync([url], Options with { MaxRedirects = 3 });

        var failure = Assert.Single(result.Failures);
        Assert.StartsWith($"{url}: too many redirects (over 3, LoadOptions.MaxRedirects); the last to ", failure.Message);
    }

    [Fact]
    public async Task LoadAsync_RelativeRedirects_AreFollowed()
    {
        _server.Redirect("old", "/moved", 301).Redirect("moved", "news/story.txt", 307).Serve("news/story.txt", "text/plain", HostileFiles.GoodArticle);

        var result = await ArticleLoader.LoadAsync([_server.Url("old")], Options);

        Assert.Empty(result.Failures);
        Assert.Equal("Council passes budget", Assert.Single(result.Articles).Title);
    }
}
