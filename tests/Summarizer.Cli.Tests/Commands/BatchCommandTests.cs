using System.Text.Json;
using Summarizer.Cli.Tests.TestSupport;
using Summarizer.Core.Tests.Llm.Batch;

namespace Summarizer.Cli.Tests.Commands;

public sealed class BatchCommandTests : IAsyncLifetime
{
    private const string Key = "sk-cli-batch-0123456789abcdefSECRET";
    private const string Model = "batch-model";
    private readonly LoopbackBatchServer _server = new(Key, Model);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "summarizer-cli-batch", Guid.NewGuid().ToString("N"));

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private string Jobs => Path.Combine(_dir, "jobs");

    [Fact]
    public async Task BatchSubmitThenCollect_WritesTheRecordsSummarizeWrites()
    {
        var input = Write("articles.jsonl", string.Join('\n',
            """{"id":"bridge","text":"The harbour bridge reopened on Tuesday. Traffic was light all day. Engineers praised the repairs."}""",
            """{"id":"map","text":"The museum received a rare map. It dates from 1570 and shows the old coast."}""",
            """{"id":"empty","text":"   "}"""));
        var output = Path.Combine(_dir, "batch.jsonl");

        var (submitted, jobId, submitLog) = await RunAsync("batch", "submit", input, "--provider", "openai", "--endpoint", _server.OpenAIEndpoint.ToString(),
            "--model", Model, "--jobs-dir", Jobs, "--cache-dir", Path.Combine(_dir, "cache"));
        var (collected, collectOut, collectLog) = await RunAsync("batch", "collect", jobId.Trim(), "--jobs-dir", Jobs, "-o", output, "--wait", "--poll", "0");
        var (_, synchronous, _) = await RunAsync("summarize", input, "-m", "llm", "--provider", "openai", "--endpoint", _server.OpenAIEndpoint.ToString(),
            "--model", Model, "--no-cache", "-f", "jsonl");

        Assert.Equal(ExitCodes.Ok, submitted);
        Assert.Matches("^job-[0-9a-f]{16}$", jobId.Trim());
        Assert.Equal(ExitCodes.SomeInputsFailed, collected);
        Assert.Equal(string.Empty, collectOut);
        Assert.Equal(Sorted(synchronous), Sorted(File.ReadAllText(output)));
        Assert.Contains("2 summaries, 1 failed, 0 still waiting", collectLog, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, submitLog + collectLog, StringComparison.Ordinal);
        var first = JsonDocument.Parse(File.ReadLines(output).First()).RootElement;
        Assert.Equal("The harbour bridge reopened on Tuesday.", first.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task BatchCollect_BatchesStillRunning_ExitsWithNotFinishedAndSaysHowToWait()
    {
        var input = Write("a.txt", "The harbour bridge reopened on Tuesday. Traffic was light all day.\n");
        var (_, jobId, _) = await SubmitAsync(input);

        var (code, stdout, stderr) = await RunAsync("batch", "collect", jobId, "--jobs-dir", Jobs);

        Assert.Equal(ExitCodes.NotFinished, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("0 summaries, 0 failed, 1 still waiting", stderr, StringComparison.Ordinal);
        Assert.Contains($"summarizer batch collect {jobId} --wait", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BatchStatus_WithoutId_ShowsEveryJobRefreshed()
    {
        var (_, first, _) = await SubmitAsync(Write("a.txt", "The harbour bridge reopened on Tuesday. Traffic was light all day.\n"));
        var (_, second, _) = await SubmitAsync(Write("b.txt", "The museum received a rare map. It dates from 1570.\n"));

        var (code, stdout, _) = await RunAsync("batch", "status", "--jobs-dir", Jobs);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains(first, stdout, StringComparison.Ordinal);
        Assert.Contains(second, stdout, StringComparison.Ordinal);
        Assert.Equal(2, stdout.Split("part 1 (round 1): in_progress").Length - 1);
    }

    [Fact]
    public async Task BatchRetry_AfterAnExpiredBatch_TheNextCollectHasEveryRow()
    {
        _server.Outcomes.Enqueue(BatchOutcome.Expire);
        _server.AnsweredBeforeExpiry = 0;
        var (_, jobId, _) = await SubmitAsync(Write("a.txt", "The harbour bridge reopened on Tuesday. Traffic was light all day.\n"));
        var (expired, _, _) = await RunAsync("batch", "collect", jobId, "--jobs-dir", Jobs, "--wait", "--poll", "0");

        var (retried, status, log) = await RunAsync("batch", "retry", jobId, "--jobs-dir", Jobs);
        var (collected, output, _) = await RunAsync("batch", "collect", jobId, "--jobs-dir", Jobs, "--wait", "--poll", "0");

        Assert.Equal(ExitCodes.SomeInputsFailed, expired);
        Assert.Equal(ExitCodes.Ok, retried);
        Assert.Contains("Submitted 1 requests again.", log, StringComparison.Ordinal);
        Assert.Contains("part 2 (round 1)", status, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, collected);
        Assert.Equal("The harbour bridge reopened on Tuesday.", JsonDocument.Parse(output).RootElement.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task BatchCancel_RunningJob_ShowsItCancelled()
    {
        var (_, jobId, _) = await SubmitAsync(Write("a.txt", "The harbour bridge reopened on Tuesday. Traffic was light all day.\n"));

        var (code, stdout, _) = await RunAsync("batch", "cancel", jobId, "--jobs-dir", Jobs);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.StartsWith($"{jobId}  cancelled", stdout, StringComparison.Ordinal);
        Assert.Contains(_server.Requests, r => r.Path == "/v1/batches/batch_0001/cancel");
    }

    [Fact]
    public async Task BatchSubmit_ServiceRefusesTheKey_ExitCode4WithoutTheKey()
    {
        var input = Write("a.txt", "The harbour bridge reopened on Tuesday. Traffic was light all day.\n");
        var env = new Dictionary<string, string> { ["OPENAI_API_KEY"] = "sk-wrong-0123456789abcdefWRONG" };

        var (code, _, stderr) = await CliRunner.RunWithEnvironmentAsync(env, null, "batch", "submit", input, "--provider", "openai",
            "--endpoint", _server.OpenAIEndpoint.ToString(), "--model", Model, "--jobs-dir", Jobs);

        Assert.Equal(ExitCodes.ServiceFailed, code);
        Assert.Contains("HTTP 401", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-wrong", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BatchSubmit_ExtractiveMethod_IsAUsageError()
    {
        var input = Write("a.txt", "The harbour bridge reopened on Tuesday. Traffic was light all day.\n");

        var (code, _, stderr) = await RunAsync("batch", "submit", input, "--method", "lead", "--jobs-dir", Jobs);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("use --method llm, not lead", stderr, StringComparison.Ordinal);
    }

    private async Task<(int Code, string JobId, string Error)> SubmitAsync(string input)
    {
        var (code, stdout, stderr) = await RunAsync("batch", "submit", input, "--provider", "openai", "--endpoint", _server.OpenAIEndpoint.ToString(),
            "--model", Model, "--jobs-dir", Jobs, "--no-cache");
        Assert.Equal(ExitCodes.Ok, code);
        return (code, stdout.Trim(), stderr);
    }

    private Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args) =>
        CliRunner.RunWithEnvironmentAsync(new Dictionary<string, string> { ["OPENAI_API_KEY"] = Key }, null, args);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string[] Sorted(string jsonl) => jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToArray();
}
