using System.Diagnostics;
using System.Text.Json;
using Summarizer.Core.Tests.TestSupport;
using Summarizer.Ingestion;
using Summarizer.Llm;
using Xunit.Abstractions;

namespace Summarizer.Core.Tests.Llm;

/// <summary>Runs only when <c>SUMMARIZER_BENCH=1</c>: a measurement for the report, not a pass/fail check.</summary>
internal sealed class BenchmarkFactAttribute : FactAttribute
{
    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("SUMMARIZER_BENCH") != "1")
        {
            Skip = "Benchmark: set SUMMARIZER_BENCH=1 to run.";
        }
    }
}

public sealed class LlmBatchBenchmark(ITestOutputHelper output)
{
    [BenchmarkFact]
    public async Task Batch_1000ArticlesAt200msConcurrency16_WallTimeAgainstIdeal()
    {
        const int N = 1000;
        const int Concurrency = 16;
        var latency = TimeSpan.FromMilliseconds(200);
        var articles = LoadArticles(N);
        await using var ctx = new LlmTestContext();
        ctx.Server.Latency = latency;
        var summarizer = ctx.OpenAI(new LlmOptions { MaxConcurrency = Concurrency, UseCache = false });

        // Warm the tokenizer, analyser and connection outside the measurement.
        await summarizer.SummarizeAsync(LlmTestContext.Analyze(articles[0].Text));

        // CPU cost of the local work per article, single-threaded, to separate it from waiting.
        var analyzer = Summarizer.Analysis.TextAnalyzer.Default;
        var counter = LlmTokenCounter.ForModel("gpt-4o-mini");
        var cpu = Stopwatch.StartNew();
        var docs = articles.Take(200).Select(a => analyzer.Analyze(a)).ToList();
        var analyzeMs = cpu.Elapsed.TotalMilliseconds / docs.Count;
        cpu.Restart();
        foreach (var d in docs)
        {
            counter.Count(d.Text);
        }

        var countMs = cpu.Elapsed.TotalMilliseconds / docs.Count;
        cpu.Restart();
        foreach (var d in docs)
        {
            SummaryGrounding.Ground(d, d.Sentences[0].Text + " " + d.Sentences[^1].Text);
        }

        var groundMs = cpu.Elapsed.TotalMilliseconds / docs.Count;
        output.WriteLine($"per article, one thread: analyse {analyzeMs:0.00} ms, count tokens {countMs:0.00} ms, ground {groundMs:0.00} ms");

        GC.Collect();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var startPeak = process.PeakWorkingSet64;
        var startCpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var ok = 0;
        await foreach (var row in summarizer.SummarizeBatchAsync(articles))
        {
            ok += row.Succeeded ? 1 : 0;
        }

        clock.Stop();
        process.Refresh();
        var ideal = N * latency.TotalSeconds / Concurrency;
        output.WriteLine($"articles={N} ok={ok} concurrency={Concurrency} latency={latency.TotalMilliseconds} ms");
        output.WriteLine($"wall={clock.Elapsed.TotalSeconds:0.00} s ideal={ideal:0.00} s ratio={clock.Elapsed.TotalSeconds / ideal:0.000}");
        output.WriteLine($"server max in flight={ctx.Server.MaxInFlight}; process CPU during batch={(process.TotalProcessorTime - startCpu).TotalSeconds:0.00} s (client and server)");
        output.WriteLine($"peak working set={process.PeakWorkingSet64 / 1048576.0:0} MB (before batch {startPeak / 1048576.0:0} MB), managed heap after={GC.GetTotalMemory(false) / 1048576.0:0} MB");

        // With the cache on, a second run over the same articles costs no calls.
        var cached = ctx.OpenAI(new LlmOptions { MaxConcurrency = Concurrency });
        await foreach (var _ in cached.SummarizeBatchAsync(articles))
        {
        }

        var before = ctx.Server.Requests.Count;
        clock.Restart();
        var hits = 0;
        await foreach (var row in cached.SummarizeBatchAsync(articles))
        {
            hits += row.Summary?.FromCache == true ? 1 : 0;
        }

        output.WriteLine($"cached rerun: {hits} from cache, {ctx.Server.Requests.Count - before} calls, {clock.Elapsed.TotalSeconds:0.00} s");
        Assert.Equal(N, ok);
    }

    private static List<Article> LoadArticles(int n)
    {
        var path = Seeds.SharedData is { } data ? Path.Combine(data, "cnndm-dev", "dev.jsonl") : null;
        if (path is not null && File.Exists(path))
        {
            return File.ReadLines(path).Take(n)
                .Select(l => JsonDocument.Parse(l).RootElement)
                .Select(e => new Article(e.GetProperty("id").GetString()!, e.GetProperty("article").GetString()!))
                .ToList();
        }

        var seed = Seeds.Read("geneva-talks.txt");
        return Enumerable.Range(0, n).Select(i => Article.FromText($"Copy {i}. " + seed)).ToList();
    }
}
