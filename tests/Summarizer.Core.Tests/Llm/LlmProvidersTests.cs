using Summarizer;
using Summarizer.Llm;

namespace Summarizer.Core.Tests.Llm;

public sealed class LlmProvidersTests
{
    private const string Secret = "sk-proj-abcdefghijklmnop0123456789";

    private static Func<string, string?> Env(params (string Name, string Value)[] vars) =>
        name => vars.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void FromEnvironment_AzureVariables_BuildAzureConfiguration()
    {
        var config = LlmProviders.FromEnvironment(null, Env(
            ("AZURE_OPENAI_ENDPOINT", "https://res.openai.azure.com/"), ("AZURE_OPENAI_API_KEY", Secret), ("AZURE_OPENAI_DEPLOYMENT", "gpt4o")));

        Assert.Equal(LlmProvider.Azure, config.Provider);
        Assert.Equal(new Uri("https://res.openai.azure.com/"), config.Endpoint);
        Assert.Equal("gpt4o", config.Model);
        Assert.Equal(Secret, config.ApiKey);
        Assert.Empty(config.Missing);
    }

    [Fact]
    public void FromEnvironment_OnlyOpenAIKey_ChoosesOpenAIAndNeedsModel()
    {
        var config = LlmProviders.FromEnvironment(null, Env(("OPENAI_API_KEY", Secret)));

        Assert.Equal(LlmProvider.OpenAI, config.Provider);
        Assert.Equal(["model (--model)"], config.Missing);
    }

    [Fact]
    public void FromEnvironment_CompatibleBaseUrlWithoutKey_IsComplete()
    {
        var config = LlmProviders.FromEnvironment(LlmProvider.OpenAI, Env(("OPENAI_BASE_URL", "http://localhost:11434/v1"))) with { Model = "llama3.2" };

        Assert.Empty(config.Missing);
    }

    [Fact]
    public void FromEnvironment_BadEndpoint_NamesTheVariable()
    {
        var ex = Assert.Throws<UserInputException>(() => LlmProviders.FromEnvironment(LlmProvider.Azure, Env(("AZURE_OPENAI_ENDPOINT", "not a url"))));

        Assert.Contains("AZURE_OPENAI_ENDPOINT", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_WithKey_MasksIt()
    {
        var config = new LlmConfiguration { Provider = LlmProvider.OpenAI, ApiKey = Secret, Model = "gpt-4o" };

        var text = config.ToString();

        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.Contains("ApiKey = ***", text, StringComparison.Ordinal);
        Assert.Contains("gpt-4o", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_KeysSet_ShowsStateNeverValue()
    {
        var statuses = LlmProviders.Describe(Env(("AZURE_OPENAI_ENDPOINT", "https://res.openai.azure.com/"), ("AZURE_OPENAI_API_KEY", Secret),
            ("OPENAI_API_KEY", Secret)));

        var all = string.Join("\n", statuses.SelectMany(s => s.Settings.Select(x => x.State).Concat(s.Missing)));
        Assert.DoesNotContain(Secret, all, StringComparison.Ordinal);
        var azure = statuses.Single(s => s.Name == "azure");
        Assert.False(azure.IsConfigured);
        Assert.Equal(["AZURE_OPENAI_DEPLOYMENT"], azure.Missing);
        Assert.Equal("set", azure.Settings.Single(s => s.Name == "AZURE_OPENAI_API_KEY").State);
    }

    [Fact]
    public void Describe_WithModel_BothConfigured()
    {
        var statuses = LlmProviders.Describe(Env(("AZURE_OPENAI_ENDPOINT", "https://res.openai.azure.com/"), ("OPENAI_API_KEY", Secret)), "gpt-4o");

        Assert.All(statuses, s => Assert.True(s.IsConfigured, s.Name));
    }

    [Fact]
    public void CreateChatClient_Incomplete_ThrowsListingMissing()
    {
        var ex = Assert.Throws<UserInputException>(() => LlmProviders.CreateChatClient(new LlmConfiguration { Provider = LlmProvider.Azure }));

        Assert.Contains("AZURE_OPENAI_ENDPOINT", ex.Message, StringComparison.Ordinal);
        Assert.Contains("AZURE_OPENAI_DEPLOYMENT", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Azure", LlmProvider.Azure)]
    [InlineData("ollama", LlmProvider.OpenAI)]
    [InlineData("openai", LlmProvider.OpenAI)]
    public void ParseProvider_KnownNames_Parse(string name, LlmProvider expected) =>
        Assert.Equal(expected, LlmProviders.ParseProvider(name));

    [Fact]
    public void ParseProvider_Unknown_ListsKnown()
    {
        var ex = Assert.Throws<UserInputException>(() => LlmProviders.ParseProvider("bard"));

        Assert.Contains("azure, openai", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Incorrect API key provided: sk-abcdefghijklmnop1234.")]
    [InlineData("Authorization: Bearer abcdefghijklmnop1234")]
    [InlineData("header api-key=abcdefghijklmnop1234")]
    public void Redact_KeyShapedText_IsMasked(string text)
    {
        var redacted = Secrets.Redact(text);

        Assert.DoesNotContain("abcdefghijklmnop1234", redacted, StringComparison.Ordinal);
        Assert.Contains("***", redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void Redact_GivenSecret_IsMaskedAnywhere()
    {
        Assert.Equal("key was *** here", Secrets.Redact("key was hunter2-azure here", "hunter2-azure"));
    }

    [Theory]
    [InlineData("gpt-4o-mini", "o200k_base")]
    [InlineData("gpt-4.1", "o200k_base")]
    [InlineData("gpt-4", "cl100k_base")]
    [InlineData("gpt-35-turbo", "cl100k_base")]
    [InlineData("llama3.2", "o200k_base")]
    [InlineData(null, "o200k_base")]
    public void EncodingFor_Model_PicksTiktokenEncoding(string? model, string expected) =>
        Assert.Equal(expected, LlmTokenCounter.EncodingFor(model));

    [Fact]
    public void Count_KnownText_MatchesTiktoken()
    {
        // "hello world" is two tokens in both encodings.
        Assert.Equal(2, LlmTokenCounter.ForModel("gpt-4o").Count("hello world"));
        Assert.Equal(2, LlmTokenCounter.ForModel("gpt-4").Count("hello world"));
    }

    [Theory]
    [InlineData("5", 5)]
    [InlineData("0.5", 0.5)]
    public void RetryAfterParser_Seconds_Parse(string value, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryAfterParser.Parse(value, DateTimeOffset.UnixEpoch));

    [Fact]
    public void RetryAfterParser_HttpDate_IsTimeUntilThen()
    {
        var now = new DateTimeOffset(2026, 11, 27, 5, 0, 0, TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromSeconds(30), RetryAfterParser.Parse("Fri, 27 Nov 2026 05:00:30 GMT", now));
    }
}
