using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Summarizer.Core.Tests.TestSupport;
using Summarizer.Ingestion;
using Summarizer.Llm.Batch;
using Summarizer.Requests;
using Xunit.Abstractions;

namespace Summarizer.Core.Tests.Llm.Batch;

/// <summary>Runs only when <c>SUMMARIZER_BENCH=1</c>: submit and collect times of 10,000 articles against the loopback server.</summary>
public sealed class BatchJobsBenchmark(ITestOutputHelper output)
{
    [BenchmarkFact]
    public async Task Batch_10000DevArticles_SubmitAndCollectTimes()
    {
        const int N = 10_000;
        var input = WriteInput(N);
        await using var ctx = new BatchTestContext();
        var jobs = ctx.Jobs();
        var request = ctx.OpenAIRequest();

        var process = Process.GetCurrentProcess();
        var clock = Stopwatch.StartNew();
        var cpu = process.TotalProcessorTime;
        var status = await jobs.SubmitAsync(request, ArticleLoader.ReadAsync([input], LoadOptions.Default with { DetectLanguage = false }));
        var submit = clock.Elapsed;
        process.Refresh();
        var submitCpu = process.TotalProcessorTime - cpu;
        foreach (var part in status.Parts)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"part {part.Number}: {part.Requests} requests, {part.Bytes / 1e6:0.0} MB, {part.Bytes / (double)part.Requests:0} bytes per request"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"submit: {N} articles in {submit.TotalSeconds:0.00} s ({N / submit.TotalSeconds:0} articles/s), CPU {submitCpu.TotalSeconds:0.00} s"));

        // Prompt tokens per request as the model counts them (o200k_base), for the cost model.
        var counter = Summarizer.Llm.LlmTokenCounter.ForModel(BatchTestContext.Model);
        var prompts = ctx.Server.UploadedLines().Select(l => l["body"]!["messages"]!.AsArray().Sum(m => counter.Count(m!["content"]!.GetValue<string>()))).ToArray();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"prompt tokens per request: mean {prompts.Average():0}, max {prompts.Max()} (message text only); completion cap {request.Llm.Options.EffectiveMaxOutputTokens}"));

        await jobs.WaitAsync(status.Id);
        var results = 0;
        clock.Restart();
        process.Refresh();
        cpu = process.TotalProcessorTime;
        var collected = await jobs.CollectAsync(status.Id, r => results += r.Succeeded ? 1 : 0);
        var collect = clock.Elapsed;
        process.Refresh();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"collect: {results} summaries in {collect.TotalSeconds:0.00} s ({N / collect.TotalSeconds:0} articles/s), CPU {(process.TotalProcessorTime - cpu).TotalSeconds:0.00} s; pending {collected.Pending}"));

        clock.Restart();
        var again = 0;
        await jobs.CollectAsync(status.Id, _ => again++);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"collect again (files on disk): {again} rows in {clock.Elapsed.TotalSeconds:0.00} s"));

        clock.Restart();
        var resubmitted = await jobs.SubmitAsync(request, ArticleLoader.ReadAsync([input], LoadOptions.Default with { DetectLanguage = false }));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"submit again (job found, nothing uploaded): {clock.Elapsed.TotalSeconds:0.00} s, batches created in all {ctx.Server.BatchesCreated}"));
        output.WriteLine($"peak working set {process.PeakWorkingSet64 / 1048576.0:0} MB");
        Assert.Equal(status.Id, resubmitted.Id);
        Assert.Equal(N, results);
    }

    /// <summary>The dev set repeated with fresh ids up to <paramref name="n"/> articles, in the temp folder.</summary>
    private static string WriteInput(int n)
    {
        var dev = Seeds.SharedData is { } data ? Path.Combine(data, "cnndm-dev", "dev.jsonl") : null;
        if (dev is null || !File.Exists(dev))
        {
            throw new InvalidOperationException("The batch benchmark needs ../shared/data/cnndm-dev/dev.jsonl beside the repository.");
        }

        var texts = File.ReadLines(dev).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("article").GetString()!).ToArray();
        var path = Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"summarizer-batch-bench-{n}.jsonl"));
        using var writer = new StreamWriter(path);
        for (var i = 0; i < n; i++)
        {
            writer.WriteLine(JsonSerializer.Serialize(new { id = string.Create(CultureInfo.InvariantCulture, $"bench-{i:D5}"), text = texts[i % texts.Length] }));
        }

        return path;
    }
}
