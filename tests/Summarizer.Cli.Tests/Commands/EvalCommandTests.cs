using System.Text.Json;
using Summarizer.Cli.Tests.TestSupport;

namespace Summarizer.Cli.Tests.Commands;

public sealed class EvalCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("eval-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string WriteSet()
    {
        var path = Path.Combine(_dir, "set.jsonl");
        File.WriteAllLines(path,
        [
            """{"id":"1","article":"The storm hit the coast on Monday. Thousands lost power. Schools closed for two days.","highlights":"the storm hit the coast .\nthousands lost power ."}""",
            """{"id":"2","article":"Shares in the bank fell sharply. Investors worried about losses. The chief executive resigned.","highlights":"bank shares fell .\nthe chief executive resigned ."}""",
        ]);
        return path;
    }

    [Fact]
    public async Task Eval_TwoMethods_ReportsRougeAndThroughputForEach()
    {
        var (code, output, _) = await CliRunner.RunAsync(null, "eval", WriteSet(), "--methods", "lead,textrank", "-n", "2", "--format", "json");

        Assert.Equal(0, code);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(2, json.GetProperty("documents").GetInt32());
        var results = json.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["lead", "textrank"], results.Select(r => r.GetProperty("method").GetString()));
        Assert.All(results, r =>
        {
            Assert.InRange(r.GetProperty("rouge1").GetProperty("f").GetDouble(), 1, 100);
            Assert.True(r.GetProperty("articlesPerSecond").GetDouble() > 0);
        });
    }

    [Fact]
    public async Task Eval_PerfectCandidates_ScoreOneHundred()
    {
        var set = WriteSet();
        var candidates = Path.Combine(_dir, "peer.jsonl");
        File.WriteAllLines(candidates,
        [
            """{"id":"1","summary":"the storm hit the coast .\nthousands lost power ."}""",
            """{"id":"2","summary":"bank shares fell .\nthe chief executive resigned ."}""",
        ]);

        var (code, output, _) = await CliRunner.RunAsync(null, "eval", set, "--methods", "none", "--candidates", $"peer={candidates}", "-f", "json");

        Assert.Equal(0, code);
        var row = Assert.Single(JsonDocument.Parse(output).RootElement.GetProperty("results").EnumerateArray());
        Assert.Equal("peer", row.GetProperty("method").GetString());
        Assert.Equal(100, row.GetProperty("rouge1").GetProperty("f").GetDouble());
    }

    [Fact]
    public async Task Eval_MissingFile_ExitsOne()
    {
        var (code, _, error) = await CliRunner.RunAsync(null, "eval", Path.Combine(_dir, "absent.jsonl"));

        Assert.Equal(1, code);
        Assert.Contains("absent.jsonl", error);
    }

    [Fact]
    public async Task Eval_MalformedLines_ReportsThemOnStderrAndScoresTheRest()
    {
        var path = WriteSet();
        File.AppendAllLines(path, ["""{"id":"3","article": """, """{"id":"4","article":"No reference here."}"""]);

        var (code, output, error) = await CliRunner.RunAsync(null, "eval", path, "--methods", "lead", "--format", "json");

        Assert.Equal(2, code);
        Assert.Equal(2, JsonDocument.Parse(output).RootElement.GetProperty("documents").GetInt32());
        Assert.Contains("Skipped 2 malformed lines:", error);
        Assert.Contains($"{path}:3: invalid JSON", error);
        Assert.Contains($"{path}:4: no reference", error);
    }

    [Fact]
    public async Task Eval_NoUsableLine_ExitsOne()
    {
        var path = Path.Combine(_dir, "broken.jsonl");
        File.WriteAllLines(path, ["not json"]);

        var (code, _, error) = await CliRunner.RunAsync(null, "eval", path, "--methods", "lead");

        Assert.Equal(1, code);
        Assert.Contains($"{path}:1: invalid JSON", error);
        Assert.Contains($"{path}: no usable records.", error);
    }
}
