using Summarizer.Ingestion;
using Summarizer.Llm;

namespace Summarizer.Core.Tests.Llm;

public sealed class LlmBatchTests : IAsyncLifetime
{
    private readonly LlmTestContext _ctx = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    private static Article[] Articles(int n) => Enumerable.Range(0, n)
        .Select(i => Article.FromText($"Item {i} opened a bakery in town number {i}. It sells bread to {i * 10} people a day."))
        .ToArray();

    [Fact]
    public async Task SummarizeBatchAsync_OneRowFails_OthersSucceedAndErrorIsPerRow()
    {
        var articles = Articles(8);
        _ctx.Server.Default = r => r.UserText.Contains("Item 5 ", StringComparison.Ordinal)
            ? Reply.Status(400, body: "{\"error\":{\"message\":\"Bad row\"}}")
            : Reply.Text(LoopbackChatServer.FirstSentence(r.UserText));
        var reports = new List<LlmBatchProgress>();
        var progress = new SyncProgress<LlmBatchProgress>(reports.Add);

        var results = await _ctx.OpenAI().SummarizeBatchAsync(articles, progress).ToListAsync();

        Assert.Equal(8, results.Count);
        Assert.Equal(Enumerable.Range(0, 8), results.Select(r => r.Index).Order());
        var failed = Assert.Single(results, r => !r.Succeeded);
        Assert.Equal(5, failed.Index);
        Assert.Contains("HTTP 400", failed.Error, StringComparison.Ordinal);
        Assert.All(results.Where(r => r.Succeeded), r =>
            Assert.Equal($"Item {r.Index} opened a bakery in town number {r.Index}.", r.Summary!.Text));
        var last = reports.MaxBy(p => p.Completed)!;
        Assert.Equal(8, last.Completed);
        Assert.Equal(1, last.Failed);
        Assert.Equal(8, last.Total);
        Assert.Equal(new TokenUsage(7 * 11, 7 * 7), last.Usage);
    }

    [Fact]
    public async Task SummarizeBatchAsync_Concurrency3_NeverMoreThan3InFlight()
    {
        _ctx.Server.Latency = TimeSpan.FromMilliseconds(150);

        var results = await _ctx.OpenAI(new LlmOptions { MaxConcurrency = 3 }).SummarizeBatchAsync(Articles(9)).ToListAsync();

        Assert.Equal(9, results.Count(r => r.Succeeded));
        Assert.InRange(_ctx.Server.MaxInFlight, 1, 3);
    }

    [Fact]
    public async Task SummarizeBatchAsync_Cancelled_KeepsFinishedRowsAndTheirCache()
    {
        var articles = Articles(12);
        // The first three requests answer at once; the rest hang until cancelled.
        var served = 0;
        _ctx.Server.Default = r => Reply.Text(LoopbackChatServer.FirstSentence(r.UserText)) with
        {
            Delay = Interlocked.Increment(ref served) <= 3 ? TimeSpan.Zero : TimeSpan.FromSeconds(30),
        };
        using var cts = new CancellationTokenSource();
        var received = new List<LlmBatchResult>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var row in _ctx.OpenAI(new LlmOptions { MaxConcurrency = 4 }).SummarizeBatchAsync(articles, null, cts.Token))
            {
                received.Add(row);
                if (received.Count == 3)
                {
                    await cts.CancelAsync();
                }
            }
        });

        Assert.Equal(3, received.Count);
        Assert.All(received, r => Assert.True(r.Succeeded));
        var finished = received.Select(r => r.Index).Order().ToArray();

        // A rerun answers the finished rows from the cache. Requests the cancelled batch had already sent may still be
        // landing, so counting starts once the server has been quiet for a moment.
        _ctx.Server.Default = r => Reply.Text(LoopbackChatServer.FirstSentence(r.UserText));
        int before;
        do
        {
            before = _ctx.Server.Requests.Count;
            await Task.Delay(TimeSpan.FromMilliseconds(300));
        }
        while (_ctx.Server.Requests.Count != before);

        var rerun = await _ctx.OpenAI().SummarizeBatchAsync(articles).ToListAsync();
        Assert.Equal(finished, rerun.Where(r => r.Summary!.FromCache).Select(r => r.Index).Order());
        Assert.Equal(9, _ctx.Server.Requests.Count - before);
    }

    [Fact]
    public async Task SummarizeBatchAsync_ConsumerStopsEarly_StopsRowsInFlight()
    {
        _ctx.Server.Latency = TimeSpan.FromMilliseconds(100);

        var first = await _ctx.OpenAI(new LlmOptions { MaxConcurrency = 2 }).SummarizeBatchAsync(Articles(50)).Take(2).ToListAsync();

        Assert.Equal(2, first.Count);
        Assert.True(_ctx.Server.Requests.Count < 10, $"{_ctx.Server.Requests.Count} requests after stopping at 2 rows.");
    }

    [Fact]
    public async Task SummarizeBatchAsync_EmptyArticle_IsARowError()
    {
        var articles = new[] { Article.FromText("Only one sentence here."), new Article("blank", "   ") };

        var results = await _ctx.OpenAI().SummarizeBatchAsync(articles).ToListAsync();

        var blank = Assert.Single(results, r => r.Article.Id == "blank");
        Assert.Contains("no text", blank.Error, StringComparison.Ordinal);
        Assert.Single(results, r => r.Succeeded);
    }

    /// <summary>Reports synchronously (Progress&lt;T&gt; posts to the thread pool, which would race the assertions).</summary>
    private sealed class SyncProgress<T>(Action<T> action) : IProgress<T>
    {
        private readonly Lock _lock = new();

        public void Report(T value)
        {
            lock (_lock)
            {
                action(value);
            }
        }
    }
}
