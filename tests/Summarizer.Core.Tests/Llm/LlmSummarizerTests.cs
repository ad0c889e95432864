using Summarizer.Core.Tests.TestSupport;
using Summarizer.Llm;

namespace Summarizer.Core.Tests.Llm;

public sealed class LlmSummarizerTests : IAsyncLifetime
{
    private const string Article =
        "The city council approved a new budget on Monday. It raises spending on schools by 4 percent. "
        + "Critics said the plan ignores road repairs. The mayor will sign the budget next week.";

    private readonly LlmTestContext _ctx = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    [Fact]
    public async Task SummarizeAsync_OpenAIProvider_SendsModelMessagesAndMaxTokens()
    {
        _ctx.Server.Enqueue(Reply.Text("The council approved a budget that raises school spending.", 120, 12));
        var summarizer = _ctx.OpenAI(new LlmOptions { TargetWords = 50, Temperature = 0.3f });

        var summary = await summarizer.SummarizeAsync(LlmTestContext.Analyze(Article, "Council passes budget"));

        var request = Assert.Single(_ctx.Server.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("gpt-4o-mini", request.Model);
        Assert.Equal((50 * 2) + 64, request.MaxTokens);
        Assert.Equal(0.3, request.Temperature!.Value, 3);
        Assert.False(request.Stream);
        Assert.Equal("Bearer " + LlmTestContext.OpenAIKey, request.Headers["Authorization"]);
        Assert.Equal(["system", "user"], request.Messages.Select(m => m.Role));
        Assert.Contains("about 50 words", request.UserText, StringComparison.Ordinal);
        Assert.Contains("Title: Council passes budget", request.UserText, StringComparison.Ordinal);
        Assert.Contains(Article, request.UserText, StringComparison.Ordinal);
        Assert.Equal("The council approved a budget that raises school spending.", summary.Text);
        Assert.Equal(new TokenUsage(120, 12), summary.Usage);
        Assert.False(summary.FromCache);
        Assert.Equal(1, summary.Calls);
        Assert.Equal("gpt-4o-mini", summary.Model);
    }

    [Fact]
    public async Task SummarizeAsync_AzureProvider_UsesDeploymentPathAndApiKeyHeader()
    {
        _ctx.Server.Enqueue(Reply.Text("Budget approved."));
        var summarizer = _ctx.Azure(new LlmOptions { Style = SummaryStyle.Headline });

        var summary = await summarizer.SummarizeAsync(LlmTestContext.Analyze(Article));

        var request = Assert.Single(_ctx.Server.Requests);
        Assert.Equal("/openai/deployments/summaries-4o/chat/completions", request.Path);
        Assert.Contains("api-version=", request.Query, StringComparison.Ordinal);
        Assert.Equal(LlmTestContext.AzureKey, request.Headers["api-key"]);
        Assert.Equal((15 * 2) + 64, request.MaxTokens);
        Assert.Contains("headline", request.UserText, StringComparison.Ordinal);
        Assert.Equal("Budget approved.", summary.Text);
    }

    [Fact]
    public async Task StreamAsync_SseResponse_YieldsPiecesInOrderAndSendsStreamFlag()
    {
        _ctx.Server.Enqueue(Reply.Stream("The council ", "approved ", "a budget."));
        var summarizer = _ctx.OpenAI();

        var pieces = new List<string>();
        await foreach (var piece in summarizer.StreamAsync(LlmTestContext.Analyze(Article)))
        {
            pieces.Add(piece);
        }

        Assert.Equal(["The council ", "approved ", "a budget."], pieces);
        Assert.True(Assert.Single(_ctx.Server.Requests).Stream);
    }

    [Fact]
    public async Task SummarizeAsync_WithOnText_ReturnsWholeStreamedTextAndUsage()
    {
        _ctx.Server.Enqueue(Reply.Text("The council approved a new budget on Monday.", 90, 9));
        var pieces = new List<string>();

        var summary = await _ctx.OpenAI().SummarizeAsync(LlmTestContext.Analyze(Article), pieces.Add);

        Assert.True(pieces.Count > 1);
        Assert.Equal(summary.Text, string.Concat(pieces));
        Assert.Equal(new TokenUsage(90, 9), summary.Usage);
    }

    [Fact]
    public async Task SummarizeAsync_429WithRetryAfter_WaitsThenSucceeds()
    {
        _ctx.Server.Enqueue(Reply.Status(429, retryAfter: "1"), Reply.Text("Budget approved."));

        var summary = await _ctx.OpenAI().SummarizeAsync(LlmTestContext.Analyze(Article));

        Assert.Equal("Budget approved.", summary.Text);
        var requests = _ctx.Server.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.True(requests[1].ReceivedUtc - requests[0].ReceivedUtc >= TimeSpan.FromMilliseconds(900),
            "The retry came before the server's Retry-After.");
    }

    [Fact]
    public async Task SummarizeAsync_RetryAfterBeyondCap_WaitsOnlyTheCap()
    {
        // Without the cap this would wait an hour; the test's own timeout proves the cap.
        _ctx.Server.Enqueue(Reply.Status(429, retryAfter: "3600"), Reply.Text("Budget approved."));
        var summarizer = _ctx.OpenAI(new LlmOptions { MaxRetryDelay = TimeSpan.FromMilliseconds(50) });

        var summary = await summarizer.SummarizeAsync(LlmTestContext.Analyze(Article)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("Budget approved.", summary.Text);
        Assert.Equal(2, _ctx.Server.Requests.Count);
    }

    [Fact]
    public async Task SummarizeAsync_Persistent500_FailsAfterMaxRetriesWithStatus()
    {
        _ctx.Server.Default = _ => Reply.Status(500);
        var summarizer = _ctx.OpenAI(new LlmOptions { MaxRetries = 2 });

        var ex = await Assert.ThrowsAsync<LlmRequestException>(() => summarizer.SummarizeAsync(LlmTestContext.Analyze(Article)));

        Assert.Equal(500, ex.Status);
        Assert.Equal(3, _ctx.Server.Requests.Count);
        Assert.Contains("gave up after 3 attempts", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SummarizeAsync_500ThenOk_Retries()
    {
        _ctx.Server.Enqueue(Reply.Status(500), Reply.Status(503), Reply.Text("Budget approved."));

        var summary = await _ctx.OpenAI().SummarizeAsync(LlmTestContext.Analyze(Article));

        Assert.Equal("Budget approved.", summary.Text);
        Assert.Equal(3, _ctx.Server.Requests.Count);
    }

    [Fact]
    public async Task SummarizeAsync_SlowerThanTimeout_FailsWithTimeoutError()
    {
        _ctx.Server.Enqueue(Reply.Text("late") with { Delay = TimeSpan.FromSeconds(10) });
        var summarizer = _ctx.OpenAI(new LlmOptions { Timeout = TimeSpan.FromMilliseconds(300), MaxRetries = 0 });

        var ex = await Assert.ThrowsAsync<LlmRequestException>(() => summarizer.SummarizeAsync(LlmTestContext.Analyze(Article)));

        Assert.Contains("No response within 0.3 s", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.IsTransient);
    }

    [Fact]
    public async Task SummarizeAsync_SlowOnceThenFast_RetriesAfterTimeout()
    {
        _ctx.Server.Enqueue(Reply.Text("late") with { Delay = TimeSpan.FromSeconds(10) }, Reply.Text("On time."));
        var summarizer = _ctx.OpenAI(new LlmOptions { Timeout = TimeSpan.FromMilliseconds(300) });

        var summary = await summarizer.SummarizeAsync(LlmTestContext.Analyze(Article));

        Assert.Equal("On time.", summary.Text);
    }

    [Fact]
    public async Task SummarizeAsync_MalformedJson_FailsWithoutRetry()
    {
        _ctx.Server.Enqueue(Reply.Malformed());

        var ex = await Assert.ThrowsAsync<LlmRequestException>(() => _ctx.OpenAI().SummarizeAsync(LlmTestContext.Analyze(Article)));

        Assert.Contains("Malformed response", ex.Message, StringComparison.Ordinal);
        Assert.False(ex.IsTransient);
        Assert.Single(_ctx.Server.Requests);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SummarizeAsync_StreamCutMidway_FailsAfterDeliveringPieces(bool abort)
    {
        _ctx.Server.Enqueue(Reply.CutStream(["The council ", "approved "], abort));
        var pieces = new List<string>();

        var ex = await Assert.ThrowsAsync<LlmRequestException>(() => _ctx.OpenAI().SummarizeAsync(LlmTestContext.Analyze(Article), pieces.Add));

        Assert.Equal(["The council ", "approved "], pieces);
        Assert.True(ex.IsTransient);
        Assert.Single(_ctx.Server.Requests);
    }

    [Fact]
    public async Task SummarizeAsync_Unauthorized_ErrorDoesNotContainKey()
    {
        _ctx.Server.Enqueue(Reply.Status(401, body: $$$"""{"error":{"message":"Incorrect API key provided: {{{LlmTestContext.OpenAIKey}}}","type":"invalid_request_error"}}"""));

        var ex = await Assert.ThrowsAsync<LlmRequestException>(() => _ctx.OpenAI().SummarizeAsync(LlmTestContext.Analyze(Article)));

        Assert.Equal(401, ex.Status);
        Assert.False(ex.IsTransient);
        Assert.Single(_ctx.Server.Requests);
        Assert.DoesNotContain(LlmTestContext.OpenAIKey, ex.ToString(), StringComparison.Ordinal);
        Assert.Contains("Incorrect API key", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SummarizeAsync_SameRequestTwice_SecondComesFromCache()
    {
        var document = LlmTestContext.Analyze(Article);
        var first = await _ctx.OpenAI(new LlmOptions { Prices = new LlmPrices(2m, 8m) }).SummarizeAsync(document);

        // A new summariser (as after a restart) over the same folder.
        var second = await _ctx.OpenAI(new LlmOptions { Prices = new LlmPrices(2m, 8m) }).SummarizeAsync(document);

        Assert.Single(_ctx.Server.Requests);
        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.Equal(first.Text, second.Text);
        Assert.Equal(first.Usage, second.Usage);
        Assert.Equal(((11 * 2m) + (7 * 8m)) / 1_000_000m, first.Cost);
        Assert.Equal(0m, second.Cost);
        Assert.Empty(Directory.GetFiles(_ctx.CacheDirectory, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task SummarizeAsync_OtherModelOrNoCache_CallsAgain()
    {
        var document = LlmTestContext.Analyze(Article);
        await _ctx.OpenAI().SummarizeAsync(document);

        await _ctx.OpenAI(model: "gpt-4.1-mini").SummarizeAsync(document);
        await _ctx.OpenAI(new LlmOptions { UseCache = false }).SummarizeAsync(document);
        await _ctx.OpenAI(new LlmOptions { Style = SummaryStyle.Bullets }).SummarizeAsync(document);

        Assert.Equal(4, _ctx.Server.Requests.Count);
    }

    [Fact]
    public async Task SummarizeAsync_CorruptCacheEntry_IsAMissAndGetsReplaced()
    {
        var document = LlmTestContext.Analyze(Article);
        await _ctx.OpenAI().SummarizeAsync(document);
        var entry = Assert.Single(Directory.GetFiles(_ctx.CacheDirectory, "*.json", SearchOption.AllDirectories));
        await File.WriteAllTextAsync(entry, "{\"Text\":");

        var again = await _ctx.OpenAI().SummarizeAsync(document);

        Assert.False(again.FromCache);
        Assert.Equal(2, _ctx.Server.Requests.Count);
        Assert.True((await _ctx.OpenAI().SummarizeAsync(document)).FromCache);
    }

    [Fact]
    public async Task SummarizeAsync_LongArticle_MapsChunksAtSentenceBoundariesThenReduces()
    {
        var sentences = Enumerable.Range(1, 60)
            .Select(i => $"Report {i} says the river rose by {i} centimetres near the old mill on day {i}.").ToArray();
        var document = LlmTestContext.Analyze(string.Join(" ", sentences));
        var summarizer = _ctx.OpenAI(new LlmOptions { MaxInputTokens = 400 });

        var summary = await summarizer.SummarizeAsync(document);

        var requests = _ctx.Server.Requests.ToArray();
        Assert.True(requests.Length >= 3, $"Expected at least two parts and a final call, got {requests.Length} calls.");
        var parts = requests[..^1];
        for (var i = 0; i < parts.Length; i++)
        {
            var text = parts[i].UserText;
            Assert.Contains($"part {i + 1} of {parts.Length}", text, StringComparison.Ordinal);
            var body = text[(text.IndexOf("Part:\n", StringComparison.Ordinal) + 6)..];
            Assert.EndsWith(".", body, StringComparison.Ordinal);
            Assert.Contains(body.Split(". ")[0].Trim(), sentences.Select(s => s.TrimEnd('.')));
        }

        var counter = LlmTokenCounter.ForModel("gpt-4o-mini");
        Assert.All(parts, p => Assert.True(counter.Count(p.UserText) <= 400 + 50));
        Assert.Contains("summaries of consecutive parts", requests[^1].UserText, StringComparison.Ordinal);
        Assert.Equal(requests.Length, summary.Calls);
        Assert.Equal(new TokenUsage(11 * requests.Length, 7 * requests.Length), summary.Usage);
    }

    [Fact]
    public async Task SummarizeAsync_Preselect_SendsOnlyChosenSentences()
    {
        var summarizer = _ctx.OpenAI(new LlmOptions { Preselect = "lead", PreselectSentences = 2 });

        await summarizer.SummarizeAsync(LlmTestContext.Analyze(Article));

        var text = Assert.Single(_ctx.Server.Requests).UserText;
        Assert.Contains("approved a new budget", text, StringComparison.Ordinal);
        Assert.Contains("raises spending on schools", text, StringComparison.Ordinal);
        Assert.DoesNotContain("road repairs", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SummarizeAsync_CustomTemplate_FillsPlaceholders()
    {
        var options = new LlmOptions
        {
            PromptTemplate = "In {words} words and {language}, {{literally}} summarise: {text}",
            TargetWords = 25,
            Language = "French",
        };

        await _ctx.OpenAI(options).SummarizeAsync(LlmTestContext.Analyze(Article));

        Assert.Equal("In 25 words and French, {literally} summarise: " + Article, Assert.Single(_ctx.Server.Requests).UserText);
    }

    [Fact]
    public async Task SummarizeAsync_LanguageAndBullets_AppearInPrompt()
    {
        await _ctx.OpenAI(new LlmOptions { Style = SummaryStyle.Bullets, Language = "German" }).SummarizeAsync(LlmTestContext.Analyze(Article));

        var text = Assert.Single(_ctx.Server.Requests).UserText;
        Assert.Contains("bullet points", text, StringComparison.Ordinal);
        Assert.Contains("Write in German.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_UnknownTemplatePlaceholder_ThrowsNamingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => _ctx.OpenAI(new LlmOptions { PromptTemplate = "Summarise {text} for {audience}" }));

        Assert.Contains("{audience}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_TemplateWithoutText_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => _ctx.OpenAI(new LlmOptions { PromptTemplate = "Summarise {title}" }));

        Assert.Contains("{text}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SummarizeAsync_SeedArticle_GroundsCopiedSentenceAndFlagsInvented()
    {
        var document = LlmTestContext.Analyze(Seeds.Read("geneva-talks.txt"));
        var source = document.Sentences.First(s => s.Index >= 5 && s.Text.EndsWith('.'));
        var copied = source.Text;
        _ctx.Server.Enqueue(Reply.Text(copied + " The talks were held on the Moon by robot delegates."));

        var summary = await _ctx.OpenAI().SummarizeAsync(document);

        Assert.Equal(2, summary.Grounding.Count);
        Assert.Equal(source.Index, summary.Grounding[0].Sources[0].Index);
        Assert.False(summary.Grounding[0].Unsupported);
        Assert.True(summary.Grounding[1].Unsupported);
        Assert.Single(summary.UnsupportedSentences);
    }

    [Fact]
    public async Task SummarizeAsync_EmptyArticle_ThrowsNamingIt()
    {
        var document = LlmTestContext.Analyze("   ");

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => _ctx.OpenAI().SummarizeAsync(document));

        Assert.Contains(document.Article.Id, ex.Message, StringComparison.Ordinal);
        Assert.Empty(_ctx.Server.Requests);
    }

    [Fact]
    public void Backoff_RetryAfterAboveCap_IsCapped()
    {
        var summarizer = _ctx.OpenAI(new LlmOptions { MaxRetryDelay = TimeSpan.FromSeconds(5), RetryBaseDelay = TimeSpan.FromSeconds(1) });

        Assert.Equal(TimeSpan.FromSeconds(2), summarizer.Backoff(0, TimeSpan.FromSeconds(2)));
        Assert.Equal(TimeSpan.FromSeconds(5), summarizer.Backoff(0, TimeSpan.FromHours(1)));
        Assert.InRange(summarizer.Backoff(2, null), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(4.8));
        Assert.Equal(TimeSpan.FromSeconds(5), summarizer.Backoff(6, null));
    }
}
