using Summarizer.Llm;

namespace Summarizer.Core.Tests.Llm;

/// <summary>Answers a server should never send: endless streams and answers far over any summary's size.</summary>
public sealed class LlmSummarizerLimitsTests : IAsyncLifetime
{
    private const string Article =
        "The city council approved a new budget on Monday. It raises spending on schools by 4 percent. "
        + "Critics said the plan ignores road repairs. The mayor will sign the budget next week.";

    private readonly LlmTestContext _ctx = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    private string[] CachedEntries() => Directory.Exists(_ctx.CacheDirectory)
        ? Directory.GetFiles(_ctx.CacheDirectory, "*.json", SearchOption.AllDirectories)
        : [];

    [Fact]
    public async Task SummarizeAsync_EndlessStream_FailsAtTheOverallDeadline()
    {
        // A piece every 50 ms keeps the 1 s silence timeout from ever firing; only the overall deadline ends it.
        _ctx.Server.Enqueue(Reply.Endless("more ", TimeSpan.FromMilliseconds(50)));
        var summarizer = _ctx.OpenAI(new LlmOptions { Timeout = TimeSpan.FromSeconds(1), MaxResponseTime = TimeSpan.FromSeconds(2) });
        var pieces = 0;

        var error = await Assert.ThrowsAsync<LlmRequestException>(() =>
            summarizer.SummarizeAsync(LlmTestContext.Analyze(Article), _ => pieces++));

        Assert.Equal("The response took over 2 s in all (LlmOptions.MaxResponseTime).", error.Message);
        Assert.True(pieces > 20, $"the stream should have kept going past the silence timeout; {pieces} pieces");
        Assert.Single(_ctx.Server.Requests);
        Assert.Empty(CachedEntries());
    }

    [Fact]
    public async Task SummarizeAsync_AnswerOverTheCap_FailsWithoutRetryingOrCaching()
    {
        _ctx.Server.Enqueue(Reply.Text(new string('x', 5_000)));
        var summarizer = _ctx.OpenAI(new LlmOptions { MaxResponseChars = 1_000 });

        var error = await Assert.ThrowsAsync<LlmRequestException>(() => summarizer.SummarizeAsync(LlmTestContext.Analyze(Article)));

        Assert.Equal("The answer is over 1000 characters (LlmOptions.MaxResponseChars); it is not used or cached.", error.Message);
        Assert.False(error.IsTransient);
        Assert.Single(_ctx.Server.Requests);
        Assert.Empty(CachedEntries());
    }

    [Fact]
    public async Task SummarizeAsync_StreamOverTheCap_StopsBeforePassingIt()
    {
        _ctx.Server.Enqueue(Reply.Stream(Enumerable.Repeat(new string('y', 100), 50).ToArray()));
        var summarizer = _ctx.OpenAI(new LlmOptions { MaxResponseChars = 1_000 });
        var received = 0;

        var error = await Assert.ThrowsAsync<LlmRequestException>(() =>
            summarizer.SummarizeAsync(LlmTestContext.Analyze(Article), piece => received += piece.Length));

        Assert.Contains("LlmOptions.MaxResponseChars", error.Message);
        Assert.Equal(1_000, received);
        Assert.Empty(CachedEntries());
    }

    [Fact]
    public async Task SummarizeBatchAsync_OneAnswerOverTheCap_FailsThatRowOnly()
    {
        var articles = new[] { Summarizer.Ingestion.Article.FromText(Article), Summarizer.Ingestion.Article.FromText("A bakery opened in town on Friday. It sells bread to 300 people a day.") };
        _ctx.Server.Default = r => r.UserText.Contains("bakery", StringComparison.Ordinal)
            ? Reply.Text(new string('z', 5_000))
            : Reply.Text("The council approved a budget.");

        var rows = await _ctx.OpenAI(new LlmOptions { MaxResponseChars = 1_000 }).SummarizeBatchAsync(articles).ToListAsync();

        var failed = Assert.Single(rows, r => r.Summary is null);
        Assert.Equal(1, failed.Index);
        Assert.Contains("LlmOptions.MaxResponseChars", failed.Error);
        Assert.Equal("The council approved a budget.", Assert.Single(rows, r => r.Summary is not null).Summary!.Text);
        Assert.Single(CachedEntries());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SummarizeAsync_ResponseBodyOverMaxResponseBytes_FailsWithoutRetrying(bool streaming)
    {
        // The character cap is lifted: only the transport's byte limit stands between the answer and memory.
        _ctx.Server.Enqueue(streaming ? Reply.Stream(Enumerable.Repeat(new string('w', 1_000), 200).ToArray()) : Reply.Text(new string('w', 200_000)));
        var client = LlmProviders.CreateChatClient(_ctx.OpenAIConfig() with { MaxResponseBytes = 64 * 1024 });
        var summarizer = new LlmSummarizer(client, _ctx.Options(new LlmOptions { MaxResponseChars = 1_000_000 }));

        var error = await Assert.ThrowsAsync<LlmRequestException>(() =>
            summarizer.SummarizeAsync(LlmTestContext.Analyze(Article), streaming ? _ => { } : null));

        Assert.Equal("The response is over 64 KB (LlmConfiguration.MaxResponseBytes); it is not read.", error.Message);
        Assert.Single(_ctx.Server.Requests);
        Assert.Empty(CachedEntries());
    }

    [Fact]
    public void Validate_NonPositiveLimits_NameTheOption()
    {
        Assert.Contains("MaxResponseChars", Assert.Throws<ArgumentException>(() => new LlmOptions { MaxResponseChars = 0 }.Validate()).Message);
        Assert.Contains("MaxResponseTime", Assert.Throws<ArgumentException>(() => new LlmOptions { MaxResponseTime = TimeSpan.Zero }.Validate()).Message);
    }
}
