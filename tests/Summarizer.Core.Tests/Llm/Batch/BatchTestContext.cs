using System.Globalization;
using Summarizer.Ingestion;
using Summarizer.Llm.Batch;
using Summarizer.Requests;

namespace Summarizer.Core.Tests.Llm.Batch;

/// <summary>A loopback Batch API server, a private jobs folder and LLM cache, removed after each test.</summary>
internal sealed class BatchTestContext : IAsyncDisposable
{
    public const string Key = "sk-batch-0123456789abcdefSECRET";
    public const string Model = "gpt-4o-mini";

    public BatchTestContext()
    {
        Root = Path.Combine(Path.GetTempPath(), "summarizer-batch-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public LoopbackBatchServer Server { get; } = new(Key, Model);

    public string Root { get; }

    public string JobsDirectory => Path.Combine(Root, "jobs");

    public string CacheDirectory => Path.Combine(Root, "cache");

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal)
    {
        ["OPENAI_API_KEY"] = Key,
        ["AZURE_OPENAI_API_KEY"] = Key,
    };

    public PipelineOptions Pipeline => new() { GetVariable = Environment.GetValueOrDefault };

    public BatchJobs Jobs(BatchOptions? options = null) =>
        new((options ?? new BatchOptions()) with { JobsDirectory = JobsDirectory, PollInterval = TimeSpan.Zero }, Pipeline);

    public SummarizeRequest OpenAIRequest(params string[] extra) => SummarizeRequest.Parse(Options(
        ["--method", "llm", "--provider", "openai", "--endpoint", Server.OpenAIEndpoint.ToString(), "--model", Model, "--cache-dir", CacheDirectory, .. extra]));

    public SummarizeRequest AzureRequest(params string[] extra) => SummarizeRequest.Parse(Options(
        ["--method", "llm", "--provider", "azure", "--endpoint", Server.BaseUri.ToString(), "--model", Model, "--cache-dir", CacheDirectory, .. extra]));

    public static IAsyncEnumerable<LoadItem> Items(params Article[] articles) =>
        articles.Select(a => (LoadItem)new LoadedArticle(a)).ToAsyncEnumerable();

    public static Article[] Articles(int n) => Enumerable.Range(0, n).Select(i => new Article(
            string.Create(CultureInfo.InvariantCulture, $"a{i}"),
            string.Create(CultureInfo.InvariantCulture, $"Item {i} opened a bakery in town number {i}. It sells bread to {i * 10} people a day. The mayor visited on Friday."))
        { Source = string.Create(CultureInfo.InvariantCulture, $"input.jsonl:{i + 1}") })
        .ToArray();

    /// <summary>A long article: many distinct sentences, so a small input budget cuts it into chunks.</summary>
    public static Article LongArticle(string id = "long-1", int sentences = 60) => new(id, string.Join(' ', Enumerable.Range(1, sentences).Select(i =>
        string.Create(CultureInfo.InvariantCulture, $"Report {i} says the harbour crews moved {i * 3} containers past pier {i % 7} before noon."))))
    {
        Title = "Harbour report",
        Source = "long.txt",
    };

    /// <summary>Every file under the context's folder, as text.</summary>
    public IEnumerable<(string Path, string Text)> AllFiles() =>
        Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).Select(p => (p, File.ReadAllText(p)));

    public async Task<List<SummaryResult>> CollectAllAsync(BatchJobs jobs, string id)
    {
        var results = new List<SummaryResult>();
        for (var round = 0; round < 5; round++)
        {
            await jobs.WaitAsync(id);
            results.Clear();
            var collected = await jobs.CollectAsync(id, results.Add);
            if (collected.IsComplete)
            {
                return results;
            }
        }

        throw new InvalidOperationException("The job did not finish in five rounds.");
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Directory.Delete(Root, recursive: true);
    }

    private static IEnumerable<KeyValuePair<string, string?>> Options(string[] pairs)
    {
        for (var i = 0; i < pairs.Length; i++)
        {
            var name = pairs[i];
            var value = i + 1 < pairs.Length && !pairs[i + 1].StartsWith("--", StringComparison.Ordinal) ? pairs[++i] : null;
            yield return new(name, value);
        }
    }
}
