using System.Text.Json;
using Summarizer.Cli.Tests.TestSupport;
using Summarizer.Core.Tests.Llm;
using Summarizer.Core.Tests.Stories;

namespace Summarizer.Cli.Tests.Commands;

public sealed class StoriesCommandTests : IAsyncLifetime
{
    private const string Key = "sk-cli-stories-0123456789SECRET";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "summarizer-cli-stories", Guid.NewGuid().ToString("N"));
    private string _feed = "";

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        _feed = Path.Combine(_dir, "feed.jsonl");
        return File.WriteAllTextAsync(_feed, StoryCorpus.ToJsonl());
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_dir, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Stories_Jsonl_OneRecordPerStoryWithArticlesCopiesAndAttributedSentences()
    {
        var (code, output, error) = await CliRunner.RunAsync(null, "stories", _feed, "-f", "jsonl");

        Assert.Equal(0, code);
        var records = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(7, records.Length);
        var port = records[0];
        Assert.Equal("s1", port.GetProperty("id").GetString());
        Assert.Equal(4, port.GetProperty("articles").GetInt32());
        Assert.Equal(1, port.GetProperty("copies").GetInt32());
        Assert.Equal("2026-03-02", port.GetProperty("first").GetString());
        Assert.Equal("2026-03-05", port.GetProperty("last").GetString());
        var members = port.GetProperty("members").EnumerateArray().ToArray();
        Assert.Equal(["port-1", "port-2", "port-3", "port-4"], members.Select(m => m.GetProperty("id").GetString()));
        var copy = Assert.Single(members[0].GetProperty("copies").EnumerateArray());
        Assert.Equal(("port-1-copy", "exact"), (copy.GetProperty("id").GetString(), copy.GetProperty("kind").GetString()));
        // Every sentence names its article, and its offsets index that article's text as given.
        var texts = StoryCorpus.Articles.ToDictionary(a => a.Id, a => a.Text);
        var sentences = port.GetProperty("sentences").EnumerateArray().ToArray();
        Assert.Equal(3, sentences.Length);
        Assert.All(sentences, s => Assert.Equal(s.GetProperty("text").GetString(),
            texts[s.GetProperty("articleId").GetString()!][s.GetProperty("start").GetInt32()..s.GetProperty("end").GetInt32()]));
        Assert.Contains(port.GetProperty("entities").EnumerateArray(), e => e.GetProperty("entity").GetString() == "Marek Zielinski");
        Assert.Contains("16 articles, 2 copies (1 exact, 1 near), 7 stories (3 with several articles)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stories_TextWithRequestOptions_LeadSentencesOfStoriesWithSeveralArticles()
    {
        var (code, output, _) = await CliRunner.RunAsync(null, "stories", _feed, "--method", "lead", "--sentences", "2", "--min-articles", "2");

        Assert.Equal(0, code);
        var headings = output.Split('\n').Where(l => l.StartsWith("== ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(3, headings.Length);
        Assert.Contains("== s1: ", headings[0], StringComparison.Ordinal);
        Assert.Contains("(4 articles, 1 copy; 2026-03-02 to 2026-03-05)", headings[0], StringComparison.Ordinal);
        Assert.Equal(6, output.Split('\n').Count(l => l.StartsWith("- ", StringComparison.Ordinal)));
        Assert.Contains("   2026-03-02 port-1: Dockworkers strike at Gdańsk port over pay (copies: port-1-copy)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stories_Markdown_ArticleTextCannotBecomeMarkup()
    {
        var path = Path.Combine(_dir, "odd.jsonl");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(new
        {
            id = "odd",
            title = "A [link](http://example.invalid) and <b>bold</b>",
            text = "Click [here](http://example.invalid) for *free* prizes. The offer ends <script>soon</script> on Friday.",
        }) + "\n");

        var (code, output, _) = await CliRunner.RunAsync(null, "stories", path, "-f", "markdown");

        Assert.Equal(0, code);
        Assert.Contains(@"## s1: A \[link\](http://example.invalid) and \<b\>bold\</b\>", output, StringComparison.Ordinal);
        Assert.Contains(@"\*free\*", output, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stories_LlmOptionWithExtractiveMethod_UsageErrorAsSummarizeGives()
    {
        var (code, _, error) = await CliRunner.RunAsync(null, "stories", _feed, "--style", "bullets");

        Assert.Equal(1, code);
        Assert.Contains("--style applies to --method llm only", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stories_ThresholdOutOfRange_UsageError()
    {
        var (code, _, error) = await CliRunner.RunAsync(null, "stories", _feed, "--threshold", "1.5");

        Assert.Equal(1, code);
        Assert.Contains("--threshold must be above 0 and at most 1", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stories_MissingInput_ReportedAndExitTwo()
    {
        var (code, output, _) = await CliRunner.RunAsync(null, "stories", _feed, Path.Combine(_dir, "missing.txt"), "-f", "jsonl");

        Assert.Equal(2, code);
        var last = JsonDocument.Parse(output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]).RootElement;
        Assert.Contains("missing.txt", last.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stories_MethodLlm_DigestPerStoryThroughTheLoopbackServer()
    {
        await using var server = new LoopbackChatServer
        {
            Default = _ => Reply.Text("Dockworkers at the port of Gdańsk walked out on Monday after pay talks with Baltic Gate collapsed."),
        };
        var env = new Dictionary<string, string> { ["OPENAI_API_KEY"] = Key, ["OPENAI_BASE_URL"] = server.OpenAIEndpoint.ToString() };

        var (code, output, error) = await CliRunner.RunWithEnvironmentAsync(env, null, "stories", _feed, "--method", "llm", "--model", "local-model",
            "--cache-dir", Path.Combine(_dir, "cache"), "--min-articles", "3", "-f", "jsonl");

        Assert.True(code == 0, error);
        var records = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(3, records.Length);
        Assert.All(records, r => Assert.Equal("llm", r.GetProperty("method").GetString()));
        Assert.Equal(3, server.Requests.Count);
        Assert.Contains(server.Requests, r => r.UserText.Contains("4 news articles on one story", StringComparison.Ordinal));
        var supports = records[0].GetProperty("sentences").EnumerateArray().SelectMany(s => s.GetProperty("support").EnumerateArray()).ToArray();
        Assert.NotEmpty(supports);
        Assert.All(supports, s => Assert.StartsWith("port-", s.GetProperty("articleId").GetString(), StringComparison.Ordinal));
        Assert.DoesNotContain(Key, output + error, StringComparison.Ordinal);
    }
}
