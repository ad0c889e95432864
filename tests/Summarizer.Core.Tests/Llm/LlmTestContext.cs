using Microsoft.Extensions.AI;
using Summarizer.Analysis;
using Summarizer.Llm;

namespace Summarizer.Core.Tests.Llm;

/// <summary>A loopback server plus a private cache folder, cleaned up after each test.</summary>
internal sealed class LlmTestContext : IAsyncDisposable
{
    public const string OpenAIKey = "sk-loopback-0123456789abcdefXYZ";
    public const string AzureKey = "azkey-0123456789abcdef0123456789";

    public LlmTestContext()
    {
        CacheDirectory = Path.Combine(Path.GetTempPath(), "summarizer-llm-tests", Guid.NewGuid().ToString("N"));
    }

    public LoopbackChatServer Server { get; } = new();

    public string CacheDirectory { get; }

    public LlmOptions Options(LlmOptions? options = null) => (options ?? new LlmOptions()) with
    {
        CacheDirectory = CacheDirectory,
        RetryBaseDelay = options?.RetryBaseDelay ?? TimeSpan.FromMilliseconds(10),
    };

    public LlmConfiguration OpenAIConfig(string model = "gpt-4o-mini") => new()
    {
        Provider = LlmProvider.OpenAI,
        Endpoint = Server.OpenAIEndpoint,
        ApiKey = OpenAIKey,
        Model = model,
    };

    public LlmConfiguration AzureConfig(string deployment = "summaries-4o") => new()
    {
        Provider = LlmProvider.Azure,
        Endpoint = Server.BaseUri,
        ApiKey = AzureKey,
        Model = deployment,
    };

    public IChatClient OpenAIClient(string model = "gpt-4o-mini") => LlmProviders.CreateChatClient(OpenAIConfig(model));

    public LlmSummarizer OpenAI(LlmOptions? options = null, string model = "gpt-4o-mini") => new(OpenAIClient(model), Options(options));

    public LlmSummarizer Azure(LlmOptions? options = null) => new(LlmProviders.CreateChatClient(AzureConfig()), Options(options));

    public static Document Analyze(string text, string? title = null) =>
        TextAnalyzer.Default.Analyze(Summarizer.Ingestion.Article.FromText(text, title));

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        if (Directory.Exists(CacheDirectory))
        {
            Directory.Delete(CacheDirectory, recursive: true);
        }
    }
}
