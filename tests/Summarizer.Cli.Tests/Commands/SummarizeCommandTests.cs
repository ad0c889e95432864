using System.Text.Json;
using Summarizer.Cli.Tests.TestSupport;

namespace Summarizer.Cli.Tests.Commands;

public class SummarizeCommandTests
{
    [Fact]
    public async Task Summarize_SeedFileAsJsonl_WritesIdSourceSummaryAndSentences()
    {
        var seed = CliRunner.Seed("geneva-talks.txt");

        var (code, output, _) = await CliRunner.RunAsync(null, "summarize", seed, "--format", "jsonl", "--sentences", "2");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output.Trim());
        var root = json.RootElement;
        Assert.False(string.IsNullOrEmpty(root.GetProperty("id").GetString()));
        Assert.Equal(seed, root.GetProperty("source").GetString());
        var sentences = root.GetProperty("sentences").EnumerateArray().ToArray();
        var indices = sentences.Select(e => e.GetProperty("index").GetInt32()).ToArray();
        Assert.Equal(2, indices.Length);
        Assert.Equal(indices.Order(), indices);
        Assert.Equal(2, root.GetProperty("summary").GetString()!.Split('\n').Length);
        // Offsets index the file's text as given: its first line is a dateline the loader takes as the place.
        var text = File.ReadAllText(seed);
        Assert.All(sentences, s => Assert.Equal(s.GetProperty("text").GetString(),
            text[s.GetProperty("start").GetInt32()..s.GetProperty("end").GetInt32()]));
        Assert.Equal("en", root.GetProperty("language").GetString());
    }

    [Fact]
    public async Task Summarize_JsonlWithOneBadLine_WritesErrorRecordKeepsOthersAndExitsTwo()
    {
        var stdin = """
            {"id":"a","text":"The council met on Monday. It approved the budget. Residents protested outside."}
            {"id":"b","text":
            {"id":"c","article":"Rain fell all week. Rivers rose. Roads closed near the coast."}
            """;

        var (code, output, error) = await CliRunner.RunAsync(stdin, "summarize", "-", "-f", "jsonl", "-n", "1");

        Assert.Equal(2, code);
        var records = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, records.Count);
        Assert.Equal("a", records[0].GetProperty("id").GetString());
        Assert.Contains("stdin:2", records[1].GetProperty("error").GetString());
        Assert.Equal("c", records[2].GetProperty("id").GetString());
        Assert.Contains("1 failed", error);
    }

    [Fact]
    public async Task Summarize_TwoLengthOptions_ExitsOneWithMessage()
    {
        var (code, _, error) = await CliRunner.RunAsync(null, "summarize", CliRunner.Seed("geneva-talks.txt"), "--sentences", "2", "--words", "40");

        Assert.Equal(1, code);
        Assert.Contains("only one of --sentences, --ratio and --words", error);
    }

    [Fact]
    public async Task Summarize_UnknownMethod_ExitsOneListingMethods()
    {
        var (code, _, error) = await CliRunner.RunAsync(null, "summarize", CliRunner.Seed("geneva-talks.txt"), "--method", "magic");

        Assert.Equal(1, code);
        Assert.Contains("Unknown method 'magic'", error);
        Assert.Contains("textrank", error);
    }

    [Theory]
    [InlineData("text-rank")]
    [InlineData("lex-rank")]
    [InlineData("LEAD")]
    public async Task Summarize_MethodAlias_IsAccepted(string method)
    {
        var (code, output, _) = await CliRunner.RunAsync(null, "summarize", CliRunner.Seed("geneva-talks.txt"), "-m", method, "-f", "jsonl");

        Assert.Equal(0, code);
        Assert.Contains("\"summary\"", output);
    }

    [Fact]
    public async Task Summarize_WordBudget_StaysWithinBudget()
    {
        var (code, output, _) = await CliRunner.RunAsync(null, "summarize", CliRunner.Seed("geneva-talks.txt"), "--words", "60", "-f", "jsonl");

        Assert.Equal(0, code);
        var summary = JsonDocument.Parse(output).RootElement.GetProperty("summary").GetString()!;
        Assert.InRange(summary.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length, 1, 60);
    }

    [Fact]
    public async Task Summarize_MarkdownFormat_WritesHeadingAndBullets()
    {
        var stdin = """{"id":"m1","title":"Bridge reopens","text":"The bridge reopened on Monday. Traffic flowed again. Shops welcomed the news."}""";

        var (code, output, _) = await CliRunner.RunAsync(stdin, "summarize", "-", "-f", "markdown", "-n", "2");

        Assert.Equal(0, code);
        Assert.StartsWith("## Bridge reopens", output);
        Assert.Equal(2, output.Split('\n').Count(l => l.StartsWith("- ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Summarize_UnknownMethodOption_ExitsOneNamingOption()
    {
        var (code, _, error) = await CliRunner.RunAsync(null, "summarize", CliRunner.Seed("geneva-talks.txt"), "-m", "textrank", "--option", "speed=9");

        Assert.Equal(1, code);
        Assert.Contains("speed", error);
    }
}

public sealed class SummarizeCommandLlmTests : IAsyncDisposable
{
    private readonly Summarizer.Core.Tests.Llm.LoopbackChatServer _server = new();
    private readonly string _cache = Directory.CreateTempSubdirectory("llm-cache-").FullName;

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_cache, recursive: true);
    }

    [Fact]
    public async Task Summarize_MethodLlm_CallsTheConfiguredServerAndWritesOneRowPerArticle()
    {
        var stdin = """
            {"id":"a","text":"The council met on Monday. It approved the budget. Residents protested outside."}
            {"id":"b","text":"Rain fell all week. Rivers rose. Roads closed near the coast."}
            """;
        var environment = new Dictionary<string, string> { ["OPENAI_API_KEY"] = "sk-test-secret-0123456789" };

        var (code, output, error) = await CliRunner.RunWithEnvironmentAsync(environment, stdin,
            "summarize", "-", "--method", "llm", "--provider", "openai", "--base-url", _server.OpenAIEndpoint.ToString(),
            "--model", "test-model", "--cache-dir", _cache, "-f", "jsonl");

        Assert.True(code == 0, error);
        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["a", "b"], rows.Select(r => r.GetProperty("id").GetString()).Order());
        Assert.All(rows, r => Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("summary").GetString())));
        Assert.Equal(2, _server.Requests.Count);
        Assert.All(_server.Requests, r => Assert.Equal("test-model", r.Model));
        Assert.DoesNotContain("sk-test-secret", output + error);
    }
}
