using Summarizer.Core.Tests.Llm;
using Summarizer.Core.Tests.TestSupport;
using Summarizer.Ingestion;
using Summarizer.Llm;
using Summarizer.Requests;

namespace Summarizer.Core.Tests.Requests;

public sealed class SummaryPipelineTests
{
    private const string Titled =
        "Port strike ends after nine days\r\nBy Ana Lopes\r\n3 June 2026\r\n\r\nLISBON — Dockers voted on Tuesday to end a nine-day strike. "
        + "The union said the port authority had agreed to a pay rise.\r\n\r\nTrade groups said the stoppage cost exporters about 30 million euros. "
        + "Ferries ran as normal throughout.";

    [Fact]
    public async Task SummarizeAsync_TitleBylineDateAndDateline_OffsetsIndexTheTextAsGiven()
    {
        using var pipeline = new SummaryPipeline(SummarizeRequest.Parse([new("--method", "lead"), new("--sentences", "2")]));
        var article = ArticleLoader.FromString(Titled);

        var result = await pipeline.SummarizeAsync(article);

        Assert.Null(result.Error);
        Assert.Equal("Port strike ends after nine days", result.Title);
        Assert.Equal([0, 1], result.Indices);
        Assert.All(result.Sentences, s => Assert.Equal(s.Text, Titled[s.Start!.Value..s.End!.Value]));
        Assert.StartsWith("Dockers voted", result.Sentences[0].Text, StringComparison.Ordinal);
        Assert.Equal("en", result.Language);
        Assert.True(result.Compression is > 0 and < 1);
    }

    [Fact]
    public async Task SummarizeAllAsync_FailuresBetweenArticles_OneResultPerInputInInputOrder()
    {
        using var pipeline = new SummaryPipeline(SummarizeRequest.Parse([new("--method", "lead"), new("--sentences", "1")]));
        LoadItem[] items =
        [
            new LoadedArticle(Article.FromText("First article. It has two sentences.")),
            new LoadFailure("broken.pdf", "broken.pdf: the PDF has no extractable text"),
            new LoadedArticle(Article.FromText("Second article here. And more.")),
        ];

        var results = await pipeline.SummarizeAllAsync(items.ToAsyncEnumerable()).ToListAsync();

        Assert.Equal([0, 1, 2], results.Select(r => r.Index));
        Assert.Equal("First article.", results[0].Text);
        Assert.Equal("broken.pdf: the PDF has no extractable text", results[1].Error);
        Assert.Equal("broken.pdf", results[1].Source);
        Assert.Equal("Second article here.", results[2].Text);
    }

    [Fact]
    public async Task SummarizeAllAsync_ArticleWithoutLanguage_IsDetectedAndAnalysedInIt()
    {
        using var pipeline = new SummaryPipeline(SummarizeRequest.Default);
        var articles = await ArticleLoader.LoadAsync([Seeds.Path("articles.jsonl")], new LoadOptions { DetectLanguage = false });

        var results = await pipeline.SummarizeAllAsync(articles.Articles).ToListAsync();

        Assert.Equal(["en", "fr"], results.Select(r => r.Language));
    }

    [Fact]
    public void Constructor_InvalidRequest_ThrowsEveryProblem()
    {
        var request = SummarizeRequest.Default with
        {
            Method = global::Summarizer.Summarization.SummarizerCatalog.Find("textrank"),
            MethodOptions = new Dictionary<string, string> { ["damping"] = "2", ["nope"] = "1" },
        };

        var ex = Assert.Throws<UserInputException>(() => new SummaryPipeline(request));

        Assert.Equal(2, ex.Messages.Count);
    }

    [Fact]
    public async Task SummarizeAsync_LlmThroughTheGivenClientFactory_GroundsWrittenSentencesInTheTextAsGiven()
    {
        await using var llm = new LlmTestContext();
        llm.Server.Enqueue(Reply.Text("Dockers ended a nine-day strike after a pay rise."));
        var made = new List<LlmConfiguration>();
        var request = SummarizeRequest.Parse([new("--method", "llm"), new("--provider", "openai"), new("--model", "m"), new("--cache-dir", llm.CacheDirectory)]);
        using var pipeline = new SummaryPipeline(request, new PipelineOptions
        {
            GetVariable = name => name == LlmProviders.OpenAIKeyVariable ? LlmTestContext.OpenAIKey : null,
            ChatClientFactory = config =>
            {
                made.Add(config);
                return LlmProviders.CreateChatClient(config with { Endpoint = llm.Server.OpenAIEndpoint });
            },
        });

        var result = await pipeline.SummarizeAsync(ArticleLoader.FromString(Titled));

        Assert.Null(result.Error);
        Assert.Equal("m", Assert.Single(made).Model);
        Assert.Equal("llm", result.Method);
        Assert.Equal("openai", result.Llm!.Provider);
        var sentence = Assert.Single(result.Sentences);
        Assert.Null(sentence.Index);
        Assert.False(sentence.Unsupported);
        Assert.All(sentence.Support, s => Assert.Equal(s.Text, Titled[s.Start..s.End]));
        // The model reads the body: the byline and date lines are metadata, not article text.
        var sent = Assert.Single(llm.Server.Requests).UserText;
        Assert.Contains("Dockers voted on Tuesday", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("By Ana Lopes", sent, StringComparison.Ordinal);
    }

    [Fact]
    public void LlmRequest_SessionDefaultsForAnotherProvider_DoNotApply()
    {
        var env = new Dictionary<string, string> { ["AZURE_OPENAI_ENDPOINT"] = "https://a.example/", ["AZURE_OPENAI_DEPLOYMENT"] = "d" };
        var defaults = new LlmDefaults { Provider = LlmProvider.OpenAI, Model = "session-model", ApiKey = "sk-session-0123456789" };

        var config = new LlmRequest { Provider = "azure" }.ResolveConfiguration(env.GetValueOrDefault, defaults);

        Assert.Equal("d", config.Model);
        Assert.False(config.HasApiKey);
        Assert.DoesNotContain("sk-session", defaults.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void LlmRequest_NothingConfigured_SaysWhatIsMissing()
    {
        var ex = Assert.Throws<UserInputException>(() => new LlmRequest { Provider = "openai" }.ResolveConfiguration(_ => null));

        Assert.Equal("The openai LLM provider is not configured; missing: OPENAI_API_KEY, model (--model).", ex.Message);
    }
}
