using Summarizer.Analysis;
using Summarizer.Core.Tests.Stories;
using Summarizer.Llm;

namespace Summarizer.Core.Tests.Llm;

public sealed class LlmDigestTests : IAsyncLifetime
{
    private readonly LlmTestContext _ctx = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    private static Document[] Port() => StoryCorpus.Articles.Where(a => a.Id is "port-1" or "port-3" or "port-4")
        .Select(a => TextAnalyzer.Default.Analyze(a)).ToArray();

    [Fact]
    public async Task DigestAsync_ArticlesFit_OneCallWithEveryArticleDatedAndTitled()
    {
        _ctx.Server.Enqueue(Reply.Text("Dockworkers at Gdańsk struck on Monday over pay. Maersk and MSC diverted ships to Gdynia and Hamburg. The strike was suspended on Thursday after a mediator was appointed.", 900, 40));
        var summarizer = _ctx.OpenAI(new LlmOptions { TargetWords = 50 });

        var digest = await summarizer.DigestAsync(Port());

        var request = Assert.Single(_ctx.Server.Requests);
        Assert.Contains("3 news articles on one story, oldest first", request.UserText, StringComparison.Ordinal);
        Assert.Contains("Article 1 (2026-03-02): Dockworkers strike at Gdańsk port over pay", request.UserText, StringComparison.Ordinal);
        Assert.Contains("Article 3 (2026-03-05): Gdańsk dockers suspend strike as mediator steps in", request.UserText, StringComparison.Ordinal);
        Assert.Contains("about 50 words", request.UserText, StringComparison.Ordinal);
        Assert.Contains("digests of news stories", request.Messages[0].Content, StringComparison.Ordinal);
        Assert.Equal(1, digest.Calls);
        Assert.Equal(3, digest.Grounding.Count);
        // Each written sentence is grounded in the article that reports it.
        Assert.Equal(0, digest.Grounding[0].Sources[0].Document);
        Assert.Equal(1, digest.Grounding[1].Sources[0].Document);
        Assert.Equal(2, digest.Grounding[2].Sources[0].Document);
    }

    [Fact]
    public async Task DigestAsync_ArticlesTooLong_SummarisesEachThenDigestsTheSummaries()
    {
        var summarizer = _ctx.OpenAI(new LlmOptions { MaxInputTokens = 400 });

        var digest = await summarizer.DigestAsync(Port());

        var requests = _ctx.Server.Requests.ToArray();
        Assert.Equal(4, requests.Length);
        Assert.Equal(3, requests.Count(r => r.UserText.Contains("Article:\n", StringComparison.Ordinal)));
        var reduce = Assert.Single(requests, r => r.UserText.Contains("summaries of news articles", StringComparison.Ordinal));
        Assert.Contains("Summary of article 2 (2026-03-03)", reduce.UserText, StringComparison.Ordinal);
        Assert.Equal(4, digest.Calls);
        Assert.NotEmpty(digest.Text);
    }

    [Fact]
    public async Task DigestAsync_AskedAgain_AnsweredFromTheCache()
    {
        var summarizer = _ctx.OpenAI();
        var first = await summarizer.DigestAsync(Port());

        var second = await summarizer.DigestAsync(Port());

        Assert.Single(_ctx.Server.Requests);
        Assert.True(second.FromCache);
        Assert.Equal(first.Text, second.Text);
    }

    [Fact]
    public async Task DigestAsync_OneArticle_IsThatArticlesSummary()
    {
        var summarizer = _ctx.OpenAI();

        await summarizer.DigestAsync(Port()[..1]);

        var request = Assert.Single(_ctx.Server.Requests);
        Assert.Contains("Title: Dockworkers strike at Gdańsk port over pay", request.UserText, StringComparison.Ordinal);
        Assert.DoesNotContain("news articles on one story", request.UserText, StringComparison.Ordinal);
    }
}
