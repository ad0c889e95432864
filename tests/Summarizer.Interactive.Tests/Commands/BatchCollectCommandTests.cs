using Microsoft.Data.Analysis;
using Summarizer.Core.Tests.Llm.Batch;
using Summarizer.Interactive.Tests.TestSupport;
using Summarizer.Llm.Batch;
using Summarizer.Requests;

namespace Summarizer.Interactive.Tests.Commands;

public sealed class BatchCollectCommandTests : KernelTest
{
    private const string Key = "sk-notebook-batch-0123456789SECRET";
    private const string Model = "nb-batch-model";
    private readonly LoopbackBatchServer _server = new(Key, Model);
    private readonly string _jobs = Path.Combine(Path.GetTempPath(), "summarizer-nb-batch", Guid.NewGuid().ToString("N"));

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        (await Kernel.SubmitAsync($"#!llm-config --provider openai --endpoint {_server.OpenAIEndpoint} --model {Model} --api-key {Key}")).Succeeded();
        (await Kernel.SubmitAsync("var texts = new[] { \"The bridge reopened on Tuesday. Traffic was light.\", \"The museum got a rare map. It dates from 1570.\" };"))
            .Succeeded();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _server.DisposeAsync();
        if (Directory.Exists(_jobs))
        {
            Directory.Delete(_jobs, recursive: true);
        }
    }

    [Fact]
    public async Task SummarizeBatch_FromStrings_SubmitsShowsTheJobAndSetsTheVariable()
    {
        var result = await Kernel.SubmitAsync($"#!summarize --from texts --method llm --batch --jobs-dir {_jobs}");

        result.Succeeded();
        var job = Kernel.Variable<BatchJobStatus>("batchJob");
        Assert.Equal(BatchJobState.Running, job.State);
        Assert.Equal(2, job.Requests);
        var html = result.SingleValue("text/html", v => v.Contains("summarizer-batch", StringComparison.Ordinal));
        Assert.Contains($"<code>{job.Id}</code>", html, StringComparison.Ordinal);
        Assert.Contains("batch_0001", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, html, StringComparison.Ordinal);
        var text = result.SingleValue("text/plain", v => v.StartsWith(job.Id, StringComparison.Ordinal));
        Assert.Contains($"#!batch-collect {job.Id} --wait", text, StringComparison.Ordinal);
        Assert.Equal(1, _server.BatchesCreated);
    }

    [Fact]
    public async Task BatchCollect_Wait_SetsTheFrameAndTheSummariesInInputOrder()
    {
        (await Kernel.SubmitAsync($"#!summarize --from texts --method llm --batch --jobs-dir {_jobs} --name job")).Succeeded();
        var id = Kernel.Variable<BatchJobStatus>("job").Id;

        var result = await Kernel.SubmitAsync($"#!batch-collect {id} --wait --poll 0 --jobs-dir {_jobs} --name results");

        result.Succeeded();
        var frame = Kernel.Variable<DataFrame>("results");
        Assert.Equal(["The bridge reopened on Tuesday.", "The museum got a rare map."], frame.Columns["summary"].Cast<string>());
        var summaries = Kernel.Variable<SummaryResult[]>("resultsSummaries");
        Assert.Equal([0, 1], summaries.Select(s => s.Index));
        Assert.Equal(Model, summaries[0].Llm!.Model);
        Assert.Contains(result.Values("text/plain"), v => v.StartsWith($"{id}  completed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BatchCollect_BeforeTheBatchEnds_SaysHowManyStillWait()
    {
        (await Kernel.SubmitAsync($"#!summarize --from texts --method llm --batch --jobs-dir {_jobs}")).Succeeded();
        var id = Kernel.Variable<BatchJobStatus>("batchJob").Id;

        var result = await Kernel.SubmitAsync($"#!batch-collect {id} --jobs-dir {_jobs}");

        result.Succeeded();
        Assert.Contains("2 inputs still wait for their batches", result.SingleValue("text/plain", v => v.Contains("still wait", StringComparison.Ordinal)),
            StringComparison.Ordinal);
        Assert.Empty(Kernel.Variable<SummaryResult[]>("batchResultsSummaries"));
    }

    [Fact]
    public async Task SummarizeBatch_ExtractiveMethod_FailsSayingToUseLlm()
    {
        var message = (await Kernel.SubmitAsync($"#!summarize --from texts --method lead --batch --jobs-dir {_jobs}")).Failed();

        Assert.Contains("use --method llm, not lead", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BatchCollect_UnknownJob_FailsNamingIt()
    {
        var message = (await Kernel.SubmitAsync($"#!batch-collect job-0000000000000000 --jobs-dir {_jobs}")).Failed();

        Assert.Contains("No batch job 'job-0000000000000000'", message, StringComparison.Ordinal);
    }
}
