using System.CommandLine;
using System.Text.Json;
using Summarizer.Cli.Commands;
using Summarizer.Core.Tests.Llm;
using Summarizer.Cli.Tests.TestSupport;

namespace Summarizer.Cli.Tests.Commands;

public sealed class SummarizeLlmTests : IAsyncLifetime
{
    private const string Key = "sk-cli-0123456789abcdefSECRET";
    private readonly LoopbackChatServer _server = new();
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "summarizer-cli-llm", Guid.NewGuid().ToString("N"));

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

    [Fact]
    public async Task SummarizeLlm_JsonlWithLoadFailure_WritesOneRowPerArticleAndErrorRow()
    {
        var a = Write("a.txt", Bridge);
        var b = Write("b.txt", "Museum gets a rare map\nThe museum received a rare map. It dates from 1570 and shows the old coast.\n");
        var missing = Path.Combine(_dir, "missing.txt");

        var (exit, stdout, _) = await RunAsync(["--format", "jsonl", "--concurrency", "2", a, b, missing]);

        Assert.Equal(ExitCodes.SomeInputsFailed, exit);
        var rows = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(3, rows.Length);
        var ok = rows.Where(r => r.TryGetProperty("summary", out _)).OrderBy(r => r.GetProperty("source").GetString()).ToArray();
        Assert.Equal(2, ok.Length);
        Assert.Equal("The harbour bridge reopened on Tuesday.", ok[0].GetProperty("summary").GetString());
        Assert.Equal(a, ok[0].GetProperty("source").GetString());
        Assert.False(string.IsNullOrEmpty(ok[0].GetProperty("id").GetString()));
        var sentence = Assert.Single(ok[0].GetProperty("sentences").EnumerateArray());
        Assert.Equal(0, sentence.GetProperty("support")[0].GetProperty("index").GetInt32());
        var failed = Assert.Single(rows, r => r.TryGetProperty("error", out _));
        Assert.Contains("missing.txt", failed.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, _server.Requests.Count);
        Assert.All(_server.Requests, r => Assert.Equal("local-model", r.Model));
    }

    [Fact]
    public async Task SummarizeLlm_OneArticleAsText_StreamsSummaryToStdout()
    {
        var a = Write("a.txt", Bridge);

        var (exit, stdout, stderr) = await RunAsync(["--style", "tldr", a]);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal("The harbour bridge reopened on Tuesday.", stdout.Trim());
        var request = Assert.Single(_server.Requests);
        Assert.True(request.Stream);
        Assert.Contains("TL;DR", request.UserText, StringComparison.Ordinal);
        Assert.Contains("Tokens: 11 in, 7 out", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SummarizeLlm_SecondRun_AnswersFromCacheAndNoCacheCallsAgain()
    {
        var a = Write("a.txt", Bridge);
        await RunAsync(["--format", "jsonl", a]);

        var (_, second, stderr) = await RunAsync(["--format", "jsonl", a]);
        await RunAsync(["--format", "jsonl", "--no-cache", a]);

        Assert.True(JsonDocument.Parse(second).RootElement.GetProperty("cached").GetBoolean());
        Assert.Contains("1 answered from cache", stderr, StringComparison.Ordinal);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task SummarizeLlm_ServerRejectsKey_ErrorRowHasNoKey()
    {
        _server.Default = _ => Reply.Status(401, body: "{\"error\":{\"message\":\"Incorrect API key provided: " + Key + "\"}}");
        var a = Write("a.txt", Bridge);

        var (exit, stdout, stderr) = await RunAsync(["--format", "jsonl", a]);

        Assert.Equal(ExitCodes.SomeInputsFailed, exit);
        Assert.Contains("HTTP 401", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SummarizeLlm_AzureWithoutEndpoint_IsAUsageErrorNamingTheVariable()
    {
        var a = Write("a.txt", Bridge);

        var (exit, _, stderr) = await RunAsync(["--provider", "azure", a]);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("AZURE_OPENAI_ENDPOINT", stderr, StringComparison.Ordinal);
        Assert.Contains("summarizer providers", stderr, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task SummarizeLlm_BadTemperature_IsAUsageError()
    {
        var a = Write("a.txt", Bridge);

        var (exit, _, stderr) = await RunAsync(["--temperature", "7", a]);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--temperature must be a number from 0 to 2, not '7'.", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void SummarizeCommand_AllOptions_NoNameClashes()
    {
        var command = SummarizeCommand.Create(new CliConsole(TextReader.Null, new StringWriter(), new StringWriter()));

        var names = command.Options.SelectMany(o => o.Aliases.Append(o.Name)).ToArray();
        Assert.Equal(names.Length, names.Distinct().Count());
        var parse = new RootCommand { command }.Parse(
            ["summarize", "--method", "llm", "--provider", "openai", "--model", "m", "--output-language", "de", "--language", "en", "x.txt"]);
        Assert.Empty(parse.Errors);
    }

    [Fact]
    public async Task ProvidersCommand_KeySet_ShowsSetButNeverTheKey()
    {
        var env = Env();
        var stdout = new StringWriter();
        var command = ProvidersCommand.Create(new CliConsole(TextReader.Null, stdout, new StringWriter()), env.GetValueOrDefault);
        var root = new RootCommand { command };

        var exit = await root.Parse(["providers"]).InvokeAsync();

        var text = stdout.ToString();
        Assert.Equal(0, exit);
        Assert.DoesNotContain(Key, text, StringComparison.Ordinal);
        Assert.Contains("OPENAI_API_KEY            set", text, StringComparison.Ordinal);
        Assert.Contains("azure   not configured", text, StringComparison.Ordinal);
        Assert.Contains("missing: AZURE_OPENAI_ENDPOINT, AZURE_OPENAI_DEPLOYMENT", text, StringComparison.Ordinal);
        Assert.Contains(_server.OpenAIEndpoint.ToString(), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProvidersCommand_Json_ListsBothProvidersWithMissing()
    {
        var stdout = new StringWriter();
        var command = ProvidersCommand.Create(new CliConsole(TextReader.Null, stdout, new StringWriter()), _ => null);

        await new RootCommand { command }.Parse(["providers", "--json"]).InvokeAsync();

        var providers = JsonDocument.Parse(stdout.ToString()).RootElement.EnumerateArray().ToArray();
        Assert.Equal(["azure", "openai"], providers.Select(p => p.GetProperty("name").GetString()));
        Assert.All(providers, p => Assert.False(p.GetProperty("configured").GetBoolean()));
        Assert.Contains("OPENAI_API_KEY", providers[1].GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
    }

    // Two lines: a headline, then the body (single-line files trip the text parser's title detection).
    private const string Bridge = "Harbour bridge reopens\nThe harbour bridge reopened on Tuesday. Traffic returned to normal by noon.\n";

    private Dictionary<string, string?> Env() => new()
    {
        ["OPENAI_API_KEY"] = Key,
        ["OPENAI_BASE_URL"] = _server.OpenAIEndpoint.ToString(),
    };

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    // The real command line, with the loopback server as the OpenAI-compatible endpoint.
    private async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string[] args)
    {
        var all = new[] { "summarize", "--method", "llm", "--model", "local-model", "--cache-dir", Path.Combine(_dir, "cache") }.Concat(args).ToArray();
        var env = Env().Where(e => e.Value is not null).ToDictionary(e => e.Key, e => e.Value!);
        return await CliRunner.RunWithEnvironmentAsync(env, null, all);
    }
}
