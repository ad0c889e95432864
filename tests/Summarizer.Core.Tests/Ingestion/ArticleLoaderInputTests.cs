using System.Diagnostics;
using System.Text;
using Summarizer.Core.Tests.TestSupport;
using Summarizer.Ingestion;

namespace Summarizer.Core.Tests.Ingestion;

public sealed class ArticleLoaderInputTests : IDisposable
{
    private static readonly LoadOptions Options = new() { DetectLanguage = false };
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task LoadAsync_Stdin_ReadsTheGivenReader()
    {
        using var stdin = new StringReader("Storm closes ports\n\nHAMBURG: Ferries stayed in harbour on Monday.");

        var result = await ArticleLoader.LoadAsync(["-"], Options, stdin);

        var article = Assert.Single(result.Articles);
        Assert.Equal("stdin", article.Source);
        Assert.Equal("Storm closes ports", article.Title);
        Assert.Equal("HAMBURG", article.Place);
        Assert.Equal("Ferries stayed in harbour on Monday.", article.Body);
    }

    [Fact]
    public async Task LoadAsync_EmptyStdin_ReportsStdin()
    {
        using var stdin = new StringReader("");

        var result = await ArticleLoader.LoadAsync(["-"], Options, stdin);

        Assert.Equal("stdin: empty, no article text", Assert.Single(result.Failures).Message);
    }

    [Fact]
    public async Task LoadAsync_TextWithLineBreak_IsReadAsAnArticle()
    {
        var result = await ArticleLoader.LoadAsync(["Budget passes\n\nThe budget passed by two votes."], Options);

        var article = Assert.Single(result.Articles);
        Assert.Equal("Budget passes", article.Title);
        Assert.Equal("string", article.Source);
    }

    [Fact]
    public async Task LoadAsync_RecursiveGlob_MatchesNestedFilesInOrder()
    {
        _temp.File("2026/march/a.txt", "Story A\n\nBody A.");
        _temp.File("2026/april/b.txt", "Story B\n\nBody B.");
        _temp.File("2026/april/c.md", "# Story C\n\nBody C.");
        _temp.File("top.txt", "Story T\n\nBody T.");

        var result = await ArticleLoader.LoadAsync([Path.Combine(_temp.Root, "**", "*.txt")], Options);

        Assert.Empty(result.Failures);
        Assert.Equal(["Story B", "Story A", "Story T"], result.Articles.Select(a => a.Title));
    }

    [Fact]
    public async Task LoadAsync_SingleLevelGlob_DoesNotDescend()
    {
        _temp.File("a.md", "# Story A\n\nBody A.");
        _temp.File("sub/b.md", "# Story B\n\nBody B.");

        var result = await ArticleLoader.LoadAsync([Path.Combine(_temp.Root, "*.md")], Options);

        Assert.Equal(["Story A"], result.Articles.Select(a => a.Title));
    }

    [Fact]
    public async Task LoadAsync_GlobMatchingNothing_ReportsThePattern()
    {
        var pattern = Path.Combine(_temp.Root, "*.docx");

        var result = await ArticleLoader.LoadAsync([pattern], Options);

        Assert.Equal($"{pattern}: no files match", Assert.Single(result.Failures).Message);
    }

    [Fact]
    public async Task ReadAsync_SeveralInputs_StreamsInInputOrder()
    {
        var items = new List<LoadItem>();
        await foreach (var item in ArticleLoader.ReadAsync([Seeds.Path("feed.xml"), Seeds.Path("nope.txt"), Seeds.Path("geneva-talks.txt")], Options))
        {
            items.Add(item);
        }

        Assert.Equal(4, items.Count);
        Assert.Equal("https://news.example.org/rail/hydrogen-trains", items[0].Source);
        Assert.Equal("https://news.example.org/chess/youngest-grandmaster", items[1].Source);
        Assert.IsType<LoadFailure>(items[2]);
        Assert.Equal(Seeds.Path("geneva-talks.txt"), items[3].Source);
    }

    [Fact]
    public async Task ReadAsync_JsonLinesFromPipe_YieldsFirstArticleBeforeTheRestIsWritten()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Named pipes as files are a Unix feature.
        }

        var fifo = Path.Combine(_temp.Root, "stream.jsonl");
        using (var mkfifo = Process.Start("mkfifo", fifo))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var firstSeen = new TaskCompletionSource();
        var writer = Task.Run(async () =>
        {
            await using var pipe = new FileStream(fifo, FileMode.Open, FileAccess.Write);
            await using var w = new StreamWriter(pipe, new UTF8Encoding(false));
            await w.WriteLineAsync("""{"id": "line-1", "text": "The first article."}""");
            await w.FlushAsync();

            // The rest is written only after the reader has yielded the first article.
            await firstSeen.Task;
            for (var i = 2; i <= 1000; i++)
            {
                await w.WriteLineAsync($$"""{"id": "line-{{i}}", "text": "Article number {{i}}."}""");
            }
        });

        var ids = new List<string>();
        var items = ArticleLoader.ReadAsync([fifo], Options).GetAsyncEnumerator();
        try
        {
            // A loader that read the whole file first would wait for ever here; the guard turns that into a failure.
            Assert.True(await items.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30)));
            ids.Add(Assert.IsType<LoadedArticle>(items.Current).Article.Id);
            firstSeen.SetResult();
            while (await items.MoveNextAsync())
            {
                ids.Add(Assert.IsType<LoadedArticle>(items.Current).Article.Id);
            }
        }
        finally
        {
            firstSeen.TrySetResult();
            await items.DisposeAsync();
        }

        await writer;
        Assert.Equal(1000, ids.Count);
        Assert.Equal("line-1", ids[0]);
        Assert.Equal("line-1000", ids[^1]);
    }

    [Fact]
    public async Task LoadAsync_ShortHtmlPage_KeepsItsText()
    {
        var path = _temp.File("short.html", "<html><head><title>Ferry delayed</title></head><body><p>The morning ferry left an hour late.</p></body></html>");

        var result = await ArticleLoader.LoadAsync([path], Options);

        Assert.Empty(result.Failures);
        var article = Assert.Single(result.Articles);
        Assert.Equal("Ferry delayed", article.Title);
        Assert.Equal("The morning ferry left an hour late.", article.Body);
    }

    [Fact]
    public async Task LoadAsync_HtmlWithoutText_ReportsNoArticleText()
    {
        var path = _temp.File("nav.html", "<html><body><nav><a href='/'>Home</a></nav><script>var x = 1;</script></body></html>");

        var result = await ArticleLoader.LoadAsync([path], Options);

        Assert.Equal($"{path}: no article text found in the page", Assert.Single(result.Failures).Message);
    }

    [Fact]
    public async Task ReadAsync_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in ArticleLoader.ReadAsync([Seeds.Path("geneva-talks.txt")], Options, ct: cts.Token))
            {
            }
        });
    }
}
