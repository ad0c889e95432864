using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Events;
using Summarizer.Interactive.Tests.TestSupport;
using Summarizer.Requests;
using Summarizer.Core.Tests.Llm;

namespace Summarizer.Interactive.Tests.Llm;

public sealed class LlmCommandsTests : IAsyncLifetime
{
    private const string Key = "sk-loopback-SECRET-4711";
    private const string Article =
        "Talks resumed in Geneva on Monday between the two delegations. The negotiators discussed a ceasefire along the border. "
        + "Observers said the mood was cautious but constructive. A second round is planned for next week.";

    private KernelFixture _k = null!;
    private LoopbackChatServer _server = null!;

    public async Task InitializeAsync()
    {
        _k = await KernelFixture.CreateAsync();
        _server = new LoopbackChatServer();
    }

    public async Task DisposeAsync()
    {
        _k.Dispose();
        await _server.DisposeAsync();
    }

    private async Task ConfigureAsync() =>
        (await _k.SubmitAsync($"#!llm-config --provider openai --endpoint {_server.OpenAIEndpoint} --model loop-model --api-key {Key}")).Succeeded();

    [Fact]
    public async Task SummarizeLlm_CellText_StreamsIntoOneDisplayThatEndsWithTheCard()
    {
        await ConfigureAsync();
        _server.Enqueue(Reply.Stream("Talks resumed ", "in Geneva ", "on Monday."));

        var result = await _k.SubmitAsync("#!summarize --method llm --no-cache --name gist\n" + Article);

        result.Succeeded();
        var produced = Assert.Single(result.Events.OfType<DisplayedValueProduced>(), e => e.ValueId is not null && Html(e).Contains("summarizer-llm-streaming", StringComparison.Ordinal));
        var updates = result.Events.OfType<DisplayedValueUpdated>().Where(e => e.ValueId == produced.ValueId).ToArray();
        Assert.True(updates.Length >= 2, $"Expected streamed updates and the final card, got {updates.Length} updates.");
        Assert.Contains("Talks resumed", Html(updates[0]), StringComparison.Ordinal);
        var card = Html(updates[^1]);
        Assert.Contains("summarizer-llm-card", card, StringComparison.Ordinal);
        Assert.Contains("openai / loop-model", card, StringComparison.Ordinal);
        Assert.Contains("Talks resumed in Geneva on Monday between the two delegations.", card, StringComparison.Ordinal);
        Assert.Contains("LLM summary by openai / loop-model", Plain(updates[^1]), StringComparison.Ordinal);
        var summary = _k.Variable<SummaryResult>("gist");
        Assert.Equal("Talks resumed in Geneva on Monday.", summary.Text);
        Assert.False(summary.Sentences[0].Unsupported);
    }

    [Fact]
    public async Task SummarizeLlm_UnsupportedSentence_IsFlaggedAndEscapedInTheCard()
    {
        await ConfigureAsync();
        _server.Enqueue(Reply.Stream("Penguins <b>juggle</b> volcanic marmalade."));

        var result = await _k.SubmitAsync("#!summarize --method llm --no-cache\n" + Article);

        result.Succeeded();
        var card = Html(result.Events.OfType<DisplayedValueUpdated>().Last());
        Assert.Contains("summarizer-unsupported", card, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;juggle&lt;/b&gt;", card, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>juggle", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SummarizeLlm_ModelOption_IsSentInTheRequestBody()
    {
        await ConfigureAsync();

        var result = await _k.SubmitAsync("#!summarize --method llm --no-cache --model other-model --temperature 0.5\n" + Article);

        result.Succeeded();
        var request = Assert.Single(_server.Requests);
        Assert.Equal("other-model", request.Model);
        Assert.Equal(0.5, request.Temperature!.Value, 3);
    }

    [Fact]
    public async Task SummarizeLlm_DataFrameWithOneFailingRow_KeepsTheOtherRows()
    {
        await ConfigureAsync();
        (await _k.SubmitAsync(
            "var docs = new Microsoft.Data.Analysis.DataFrame(new Microsoft.Data.Analysis.StringDataFrameColumn(\"text\", new[] { "
            + "\"First text about rain. It rained all day.\", \"Second text about sun. The sun shone.\", \"Third text about snow. It snowed.\" }));")).Succeeded();
        _server.Enqueue(Reply.Status(500));

        var result = await _k.SubmitAsync("#!summarize --from docs --method llm --no-cache --max-retries 0 --concurrency 1");

        result.Succeeded();
        var frame = _k.Variable<DataFrame>("docs");
        var summaries = frame.Columns["summary"];
        var errors = frame.Columns["error"];
        var expected = new[] { "First text about rain.", "Second text about sun.", "Third text about snow." };
        var failed = Enumerable.Range(0, 3).Where(i => errors[i] is not null).ToArray();
        var failedRow = Assert.Single(failed);
        Assert.Null(summaries[failedRow]);
        Assert.Contains("500", (string)errors[failedRow], StringComparison.Ordinal);
        foreach (var i in Enumerable.Range(0, 3).Where(i => i != failedRow))
        {
            Assert.Equal(expected[i], summaries[i]);
        }
    }

    [Fact]
    public async Task LlmCommands_ApiKey_NeverAppearsInAnyOutput()
    {
        await ConfigureAsync();
        var results = new List<KernelCommandResult>
        {
            await _k.SubmitAsync($"#!llm-config --provider openai --endpoint {_server.OpenAIEndpoint} --model loop-model --api-key {Key}"),
            await _k.SubmitAsync("#!summarize --method llm --no-cache\n" + Article),
            await _k.SubmitAsync("#!llm-providers"),
        };
        _server.Enqueue(Reply.Status(401, body: "{\"error\":{\"message\":\"bad key " + Key + "\"}}"));
        results.Add(await _k.SubmitAsync("#!summarize --method llm --no-cache --max-retries 0\n" + Article));

        Assert.Equal("Bearer " + Key, _server.Requests.First().Headers["Authorization"]);
        foreach (var result in results)
        {
            foreach (var e in result.Events)
            {
                var texts = e switch
                {
                    DisplayEvent d => d.FormattedValues.Select(v => v.Value),
                    CommandFailed f => [f.Message],
                    _ => [],
                };
                foreach (var text in texts)
                {
                    Assert.DoesNotContain(Key, text, StringComparison.Ordinal);
                }
            }
        }
    }

    [Fact]
    public async Task LlmProviders_AfterConfig_ShowsConfiguredWithoutTheKey()
    {
        await ConfigureAsync();

        var result = await _k.SubmitAsync("#!llm-providers");

        result.Succeeded();
        var table = result.SingleValue("text/html", v => v.Contains("summarizer-llm-providers", StringComparison.Ordinal));
        Assert.Contains("loop-model", table, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, table, StringComparison.Ordinal);
        var text = result.SingleValue("text/plain", v => v.Contains("openai: configured", StringComparison.Ordinal));
        Assert.DoesNotContain(Key, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SummarizeLlm_NothingConfigured_FailsNamingWhatIsMissing()
    {
        var message = (await _k.SubmitAsync("#!summarize --method llm --provider openai\n" + Article)).Failed();

        Assert.Contains("not configured", message, StringComparison.Ordinal);
        Assert.Contains("model (--model)", message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task LlmConfig_ApiKeyWithoutValue_AsksWithAMaskedPromptAndUsesTheAnswer()
    {
        var asked = new List<RequestInput>();
        _k.Kernel.RegisterCommandHandler<RequestInput>((request, context) =>
        {
            asked.Add(request);
            context.Publish(new InputProduced(Key, request));
            return Task.CompletedTask;
        });

        var config = await _k.SubmitAsync($"#!llm-config --provider openai --endpoint {_server.OpenAIEndpoint} --model loop-model --api-key");
        var result = await _k.SubmitAsync("#!summarize --method llm --no-cache\n" + Article);

        config.Succeeded();
        result.Succeeded();
        var prompt = Assert.Single(asked);
        Assert.True(prompt.IsPassword);
        Assert.Equal("Bearer " + Key, Assert.Single(_server.Requests).Headers["Authorization"]);
        Assert.DoesNotContain(config.Values("text/plain"), v => v.Contains(Key, StringComparison.Ordinal));
    }

    private static string Html(DisplayEvent e) => e.FormattedValues.Single(v => v.MimeType == "text/html").Value;

    private static string Plain(DisplayEvent e) => e.FormattedValues.Single(v => v.MimeType == "text/plain").Value;
}
