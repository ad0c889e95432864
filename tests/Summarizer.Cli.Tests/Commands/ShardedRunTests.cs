using System.Diagnostics;
using System.Globalization;
using Summarizer.Cli.Tests.TestSupport;
using Summarizer.Core.Tests.TestSupport;

namespace Summarizer.Cli.Tests.Commands;

/// <summary>
/// Sharded runs as a job engine runs them: separate <c>dotnet summarizer.dll ... --shard K/4</c> processes, each over
/// every input, joined with <c>summarizer merge</c> and compared with one run over the same inputs.
/// </summary>
public sealed class ShardedRunTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "summarizer-shards", Guid.NewGuid().ToString("N"));

    public ShardedRunTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Summarize_FourShardProcessesOverTheSeedsAndAMissingFile_MergeHasExactlyTheRowsOfOneRun()
    {
        var (single, merged, parts) = await RunAsync("summarize", [Seeds.Root, Path.Combine(_dir, "missing.txt")], ["-f", "jsonl", "-m", "textrank"]);

        Assert.Equal(Sorted(single), Sorted(merged));
        Assert.Single(merged, l => l.Contains("\"error\"", StringComparison.Ordinal) && l.Contains("missing.txt", StringComparison.Ordinal));
        Assert.Equal(single.Length, parts.Sum(p => p.Length));
    }

    [Fact]
    public async Task Entities_FourShardProcessesOverTheSeeds_MergeHasExactlyTheRowsOfOneRun()
    {
        var (single, merged, parts) = await RunAsync("entities", [Seeds.Root], []);

        Assert.Equal(Sorted(single), Sorted(merged));
        Assert.Equal(single.Length, parts.Sum(p => p.Length));
        Assert.True(parts.Count(p => p.Length > 0) > 1, "Expected the seeds' articles spread over several shards.");
    }

    [Fact]
    public async Task Stories_FourShardProcessesOverAFeedAndAMissingFile_MergeHasExactlyTheStoriesOfOneRun()
    {
        var feed = Path.Combine(_dir, "feed.jsonl");
        await File.WriteAllTextAsync(feed, Summarizer.Core.Tests.Stories.StoryCorpus.ToJsonl());

        var (single, merged, parts) = await RunAsync("stories", [feed, Path.Combine(_dir, "missing.jsonl")], ["-f", "jsonl"]);

        Assert.Equal(Sorted(single), Sorted(merged));
        Assert.Equal(single.Length, parts.Sum(p => p.Length));
        Assert.Single(merged, l => l.Contains("\"error\"", StringComparison.Ordinal) && l.Contains("missing.jsonl", StringComparison.Ordinal));
        Assert.True(parts.Count(p => p.Length > 0) > 1, "Expected the feed's stories spread over several shards.");
    }

    [SharedDataFact("cnndm-dev/dev.jsonl")]
    public async Task Summarize_FourShardProcessesOverDevJsonl_MergeEqualsOneRunInInputOrder()
    {
        var dev = Path.Combine(Seeds.SharedData!, "cnndm-dev", "dev.jsonl");

        var (single, merged, parts) = await RunAsync("summarize", [dev], ["-f", "jsonl"]);

        Assert.Equal(1000, single.Length);
        Assert.Equal(Sorted(single), Sorted(merged));
        Assert.Equal(single, merged);
        Assert.All(parts, p => Assert.InRange(p.Length, 200, 300));
    }

    [Fact]
    public async Task Summarize_ShardOutOfRange_IsAUsageErrorSayingShardsStartAtZero()
    {
        var (code, _, error) = await CliRunner.RunAsync(null, "summarize", Seeds.Root, "--shard", "4/4");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--shard 4/4: K must be from 0 to 3 (shards are numbered from 0).", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entities_TableOnOneShard_IsAUsageError()
    {
        var (code, _, error) = await CliRunner.RunAsync(null, "entities", Seeds.Root, "--table", "--shard", "0/2");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--table counts over all articles", error, StringComparison.Ordinal);
    }

    private async Task<(string[] Single, string[] Merged, string[][] Parts)> RunAsync(string command, string[] inputs, string[] options)
    {
        var single = await ProcessAsync([command, .. inputs, .. options]);
        var parts = await Task.WhenAll(Enumerable.Range(0, 4).Select(async k =>
        {
            var path = Path.Combine(_dir, string.Create(CultureInfo.InvariantCulture, $"{command}-{k}.jsonl"));
            await File.WriteAllTextAsync(path, await ProcessAsync([command, .. inputs, .. options, "--shard", string.Create(CultureInfo.InvariantCulture, $"{k}/4")]));
            return path;
        }));
        var merged = Path.Combine(_dir, command + "-merged.jsonl");
        var (code, _, error) = await CliRunner.RunAsync(null, ["merge", .. parts, "-o", merged]);
        Assert.True(code == ExitCodes.Ok, error);
        return (Lines(single), Lines(await File.ReadAllTextAsync(merged)), parts.Select(p => Lines(File.ReadAllText(p))).ToArray());
    }

    /// <summary>Runs the built tool in its own process and returns its standard output.</summary>
    private static async Task<string> ProcessAsync(string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "summarizer.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode is ExitCodes.Ok or ExitCodes.SomeInputsFailed, $"summarizer {string.Join(' ', args)} exited {process.ExitCode}: {await error}");
        return await output;
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static string[] Sorted(string[] lines) => lines.Order(StringComparer.Ordinal).ToArray();
}
