using System.Text;
using System.Text.Json;
using System.Xml;
using CsCheck;
using Summarizer.Core.Tests.TestSupport;
using Summarizer.Ingestion;

namespace Summarizer.Core.Tests.Ingestion;

/// <summary>
/// Fixed-seed fuzzing of the readers through the loader: whatever the input, no exception escapes, the input ends as
/// articles or failures that name it, a good file read after it still loads, and nothing runs out of the per-input
/// deadline (a generous 10 s here: ordinary inputs take milliseconds, so running out means a runaway parser).
/// </summary>
public sealed class ArticleLoaderFuzzTests : IDisposable
{
    private static readonly LoadOptions Options = new() { DetectLanguage = false, InputTimeout = TimeSpan.FromSeconds(10) };

    private static readonly string[] HtmlTokens =
    [
        "<div>", "</div>", "<p>", "</p>", "<span class=\"x\">", "</span>", "<b>", "</b>", "<i>", "<table>", "<tr>", "<td>",
        "</table>", "<ul>", "<li>", "<script>", "</script>", "<style>", "</style>", "<!--", "-->", "<!DOCTYPE html>",
        "<br/>", "<img src=x>", "<a href=\"http://example.org/a\">", "</a>", "<", ">", "/", "=", "\"", "'", "&amp;",
        "&#x1F600;", "&#0;", "&nosuch;", "<svg><path d=\"M0\"/></svg>", "<math>", "<template>", "<title>", "</title>",
        "<meta charset=\"utf-16\">", "<meta property=\"article:published_time\" content=\"not a date\">", "\0", "\uFFFD",
        "\uD800", "é", "新闻", " ", "\n", "The council met on Monday. ", "Officials said the vote passed easily. ",
        "<article>", "</article>", "<h1>", "</h1>", "<noscript>", "<plaintext>", "<![CDATA[", "]]>", "<?xml ?>",
        "<x y=\"", "<p a=1 b=2 c=3>", "<frameset>", "<select><option>", "<textarea>", "<body>", "<html>", "<head>",
    ];

    private static readonly string[] FeedTokens =
    [
        "<rss version=\"2.0\">", "</rss>", "<channel>", "</channel>", "<item>", "</item>", "<title>", "</title>",
        "<description>", "</description>", "<link>http://example.org/", "</link>", "<![CDATA[<p>Hi there.</p>]]>",
        "&lt;p&gt;", "&lt;/p&gt;", "&amp;", "&#65;", "&#xD800;", "&nbsp;", "<!DOCTYPE rss [<!ENTITY e \"ee\">]>", "&e;",
        "<feed xmlns=\"http://www.w3.org/2005/Atom\">", "</feed>", "<entry>", "</entry>", "<content type=\"html\">",
        "</content>", "<pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate>", "<pubDate>garbage</pubDate>", "<guid>1</guid>",
        "<dc:creator xmlns:dc=\"http://purl.org/dc/elements/1.1/\">A. Writer</dc:creator>", "<x>", "</x>", "<y a=\"1\"/>",
        "The council met on Monday and approved the budget. ", " ", "\n", "<", ">", "\"", "é", "\uFFFD", "<?xml version=\"1.0\"?>",
    ];

    private readonly TempFolder _temp = new();
    private readonly string _good;

    public ArticleLoaderFuzzTests() => _good = _temp.File("good.txt", HostileFiles.GoodArticle);

    public void Dispose() => _temp.Dispose();

    /// <summary>Loads <paramref name="path"/> then the good file; checks the properties every input must keep.</summary>
    private async Task<List<LoadItem>> LoadThenGood(string path, LoadOptions? options = null)
    {
        var items = new List<LoadItem>();
        await foreach (var item in ArticleLoader.ReadAsync([path, _good], options ?? Options))
        {
            items.Add(item);
        }

        Assert.Equal(_good, items[^1].Source);
        Assert.IsType<LoadedArticle>(items[^1]);
        foreach (var failure in items.OfType<LoadFailure>())
        {
            Assert.StartsWith(failure.Source + ":", failure.Message);
            Assert.DoesNotContain("LoadOptions.InputTimeout", failure.Message);
        }

        return items;
    }

    [Fact]
    public async Task LoadAsync_HtmlTokenSoup_EndsAsArticleOrNamedFailure()
    {
        // Some inputs open hundreds of elements first, around the depth limit.
        var gen = Gen.Select(Gen.OneOf("<div>", "<b>", "<li>", "<table>", "<p>", "<a>", "<span>"), Gen.Int[0, 400], Fuzz.Soup(HtmlTokens, 300),
            (opener, depth, body) => string.Concat(Enumerable.Repeat(opener, depth)) + body);

        await Fuzz.CheckAsync(gen, 80, async (html, i) =>
        {
            var path = _temp.File($"page{i}.html", html);
            var items = await LoadThenGood(path);
            Assert.Equal(path, Assert.Single(items[..^1]).Source);
        });
    }

    [Fact]
    public async Task LoadAsync_FeedTokenSoup_EndsAsArticlesOrNamedFailures()
    {
        await Fuzz.CheckAsync(Fuzz.Soup(FeedTokens, 200), 200, async (xml, i) =>
        {
            var path = _temp.File($"feed{i}.rss", xml);
            var items = await LoadThenGood(path);
            Assert.NotEmpty(items[..^1]);
        });
    }

    [Fact]
    public async Task LoadAsync_WellFormedFeedsWithHostileItemText_LoadEveryItemOrNameIt()
    {
        // Only characters XML allows: the feed itself is well formed, its items' HTML is not.
        var item = Fuzz.Soup(HtmlTokens.Where(t => t.All(XmlConvert.IsXmlChar)).ToArray(), 60).Select(html => $"<item><title>T</title><description>{System.Security.SecurityElement.Escape(html)}</description></item>");
        var gen = item.Array[1, 6].Select(items => $"<rss version=\"2.0\"><channel><title>News</title>{string.Concat(items)}</channel></rss>");

        await Fuzz.CheckAsync(gen, 150, async (xml, i) =>
        {
            var path = _temp.File($"items{i}.rss", xml);
            var items = await LoadThenGood(path);
            Assert.Equal(xml.Split("<item>").Length - 1, items.Count - 1);
        });
    }

    [Fact]
    public async Task LoadAsync_CsvRowsSomeOverTheLimit_OneItemPerRowOnTheRightLine()
    {
        const int max = 512;
        var text = Gen.String[Gen.Char["ab ,\"\n\r;é\t'x"], 0, 700].Select(s => s + " Story.");
        var rows = text.Array[1, 12];
        var options = Options with { MaxBytes = max };

        await Fuzz.CheckAsync(rows, 150, async (texts, i) =>
        {
            var csv = new StringBuilder("id,text\n");
            var expected = new List<(string Source, string? Id)>();
            var line = 2;
            var path = Path.Combine(_temp.Root, $"rows{i}.csv");
            for (var r = 0; r < texts.Length; r++)
            {
                var id = $"r{r}";
                var field = "\"" + texts[r].Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
                csv.Append(id).Append(',').Append(field).Append(r % 2 == 0 ? "\n" : "\r\n");
                expected.Add(($"{path}:{line}", id.Length + texts[r].Length > max ? null : id));
                line += field.Count(c => c == '\n') + 1;
            }

            _temp.File(path, csv.ToString());
            var items = await LoadThenGood(path, options);

            Assert.Equal(expected.Select(e => e.Source), items[..^1].Select(item => item.Source));
            for (var r = 0; r < expected.Count; r++)
            {
                if (expected[r].Id is { } id)
                {
                    Assert.True(items[r] is LoadedArticle, (items[r] as LoadFailure)?.Message);
                    Assert.Equal(id, ((LoadedArticle)items[r]).Article.Id);
                }
                else
                {
                    Assert.EndsWith("the record is over the 512 bytes limit (LoadOptions.MaxBytes)", Assert.IsType<LoadFailure>(items[r]).Message);
                }
            }
        });
    }

    [Fact]
    public async Task LoadAsync_JsonLinesSomeOverTheLimitOrBroken_OneItemPerNonBlankLine()
    {
        const int max = 512;
        var valid = Gen.String[Gen.Char, 0, 600].Select(t => JsonSerializer.Serialize(new { id = "x", text = t + " Story." }));
        var broken = Fuzz.Soup(["{", "}", "\"", "text", ":", "[", "]", "1e999", "null", "\\u0000", "\\ud800", ",", "\"id\"", " ", "\u2028"], 40);
        var blank = Gen.OneOf("", " ", "\t");
        var lines = Gen.Frequency((6, valid), (2, broken), (1, blank)).Array[1, 15];
        var options = Options with { MaxBytes = max };

        await Fuzz.CheckAsync(lines, 150, async (content, i) =>
        {
            // Lines are split on \n, \r\n and \r, so none may appear inside one; JSON escapes them in strings.
            content = content.Select(l => l.Replace('\r', ' ').Replace('\n', ' ')).ToArray();
            var text = string.Join(i % 2 == 0 ? "\n" : "\r\n", content);
            var path = _temp.File($"lines{i}.jsonl", text);
            var expected = content.Select((l, n) => (Line: l, Source: $"{path}:{n + 1}")).Where(l => !string.IsNullOrWhiteSpace(l.Line)).ToList();

            var items = await LoadThenGood(path, options);
            if (text.Length == 0)
            {
                Assert.Equal($"{path}: empty file", Assert.IsType<LoadFailure>(Assert.Single(items[..^1])).Message);
                return;
            }

            Assert.True(expected.Select(e => e.Source).SequenceEqual(items[..^1].Select(item => item.Source)),
                string.Join("\n", items.Select(item => item is LoadFailure f ? f.Message : item.Source)));
            foreach (var (line, item) in expected.Select(e => e.Line).Zip(items))
            {
                if (Encoding.UTF8.GetByteCount(line) > max)
                {
                    Assert.EndsWith("the line is over the 512 bytes limit (LoadOptions.MaxBytes)", Assert.IsType<LoadFailure>(item).Message);
                }
            }
        });
    }

    [Fact]
    public async Task LoadAsync_RandomBytesInEveryFormat_EndAsArticlesOrNamedFailures()
    {
        string[] extensions = [".html", ".rss", ".csv", ".tsv", ".jsonl", ".docx", ".pdf", ".txt", ".md", ".parquet"];
        var prefix = Gen.OneOf("", "PK\u0003\u0004", "%PDF-1.4\n", "PAR1", "<?xml version=\"1.0\"?>", "\uFEFF", "id,text\n", "{\"text\":");
        var gen = Gen.Select(Gen.Int[0, extensions.Length - 1], prefix, Gen.Byte.Array[0, 3_000],
            (ext, head, tail) => (Extension: extensions[ext], Bytes: Encoding.UTF8.GetBytes(head).Concat(tail).ToArray()));

        await Fuzz.CheckAsync(gen, 200, async (input, i) =>
        {
            var path = _temp.File($"bytes{i}{input.Extension}", input.Bytes);
            await LoadThenGood(path);
        });
    }
}
