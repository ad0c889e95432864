using Summarizer.Core.Tests.Llm;
using Summarizer.Llm;
using Summarizer.Requests;
using Summarizer.Stories;

namespace Summarizer.Core.Tests.Stories;

public sealed class StoryPipelineTests
{
    [Fact]
    public async Task SummarizeAsync_Extractive_EveryStoryInOrderWithTheRequestedLength()
    {
        using var pipeline = new StoryPipeline(SummarizeRequest.Parse([new("--method", "lead"), new("--sentences", "2")]));
        var report = pipeline.Find(StoryCorpus.Articles);

        var results = await pipeline.SummarizeAsync(report).ToListAsync();

        Assert.Equal(report.Stories, results.Select(r => r.Story));
        Assert.All(results, r => Assert.Equal("lead", r.Summary.Method));
        Assert.All(results, r => Assert.Equal(Math.Min(2, r.Story.Articles.Sum(a => report.Documents[a.Index].Sentences.Count)), r.Summary.Sentences.Count));
        Assert.All(results, r => Assert.All(r.Summary.Sentences, s => Assert.Contains(s.ArticleId!, r.Story.Articles.Select(a => a.Article.Id))));
    }

    [Fact]
    public async Task SummarizeAsync_ChosenStories_OnlyThose()
    {
        using var pipeline = new StoryPipeline(SummarizeRequest.Default);
        var report = pipeline.Find(StoryCorpus.Articles);

        var results = await pipeline.SummarizeAsync(report, report.Stories.Where(s => s.Articles.Count > 1)).ToListAsync();

        Assert.Equal(["s1", "s2", "s3"], results.Select(r => r.Story.Id));
    }

    [Fact]
    public async Task SummarizeAsync_Llm_DigestPerStoryGroundedInItsArticlesAndFailuresStayAlone()
    {
        await using var llm = new LlmTestContext();
        llm.Server.Default = r => r.UserText.Contains("Kestrel", StringComparison.Ordinal)
            ? Reply.Status(400, body: "{\"error\":{\"message\":\"bad request\"}}")
            : Reply.Text(LoopbackChatServer.FirstSentence(r.UserText));
        var request = SummarizeRequest.Parse([new("--method", "llm"), new("--provider", "openai"), new("--model", "m"), new("--cache-dir", llm.CacheDirectory)]);
        using var pipeline = new StoryPipeline(request, options: new PipelineOptions
        {
            GetVariable = name => name == LlmProviders.OpenAIKeyVariable ? LlmTestContext.OpenAIKey : null,
            ChatClientFactory = config => LlmProviders.CreateChatClient(config with { Endpoint = llm.Server.OpenAIEndpoint }),
        });
        var report = pipeline.Find(StoryCorpus.Articles);

        var results = await pipeline.SummarizeAsync(report, report.Stories.Take(3)).ToListAsync();

        Assert.Equal(["s1", "s2", "s3"], results.Select(r => r.Story.Id));
        var air = results.Single(r => r.Story.Articles.Any(a => a.Article.Id == "air-1"));
        Assert.StartsWith(air.Story.Id + ":", air.Summary.Error, StringComparison.Ordinal);
        var port = results[0].Summary;
        Assert.Null(port.Error);
        Assert.Equal("openai", port.Llm!.Provider);
        Assert.Equal("llm", port.Method);
        Assert.All(port.Sentences.SelectMany(s => s.Support), s => Assert.Contains(s.ArticleId!, results[0].Story.Articles.Select(a => a.Article.Id)));
        Assert.Contains(llm.Server.Requests, r => r.UserText.Contains("4 news articles on one story", StringComparison.Ordinal));
    }
}
