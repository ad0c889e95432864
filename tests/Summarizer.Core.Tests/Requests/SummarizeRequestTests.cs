using Summarizer.Llm;
using Summarizer.Requests;
using Summarizer.Summarization;

namespace Summarizer.Core.Tests.Requests;

public sealed class SummarizeRequestTests
{
    private static (SummarizeRequest? Request, IReadOnlyList<string> Problems) Parse(params string?[] pairs)
    {
        var options = new List<KeyValuePair<string, string?>>();
        for (var i = 0; i < pairs.Length; i += 2)
        {
            options.Add(new(pairs[i]!, pairs[i + 1]));
        }

        return SummarizeRequest.TryParse(options);
    }

    [Theory]
    [InlineData("0.2", 0.2)]
    [InlineData("20%", 0.2)]
    [InlineData(" 20 % ", 0.2)]
    [InlineData("1", 1.0)]
    [InlineData("100%", 1.0)]
    public void TryParse_RatioForms_AllReadAsAShare(string value, double expected)
    {
        var (request, problems) = Parse("--ratio", value);

        Assert.Empty(problems);
        Assert.Equal(SummaryLengthUnit.Ratio, request!.Length.Unit);
        Assert.Equal(expected, request.Length.Value, 9);
    }

    [Theory]
    [InlineData("20")]
    [InlineData("0")]
    [InlineData("150%")]
    [InlineData("a fifth")]
    public void TryParse_RatioOutOfRange_NamesTheOptionAndTheValue(string value)
    {
        var (request, problems) = Parse("--ratio", value);

        Assert.Null(request);
        Assert.Equal($"--ratio must be a share of the sentences greater than 0 and at most 1, such as 0.2 or 20%, not '{value}'.", Assert.Single(problems));
    }

    [Fact]
    public void TryParse_NoOptions_IsTheDefaultRequest()
    {
        var (request, problems) = Parse();

        Assert.Empty(problems);
        Assert.Same(SummarizerCatalog.Default, request!.Method);
        Assert.Equal(SummaryLength.Default, request.Length);
        Assert.Null(request.Language);
    }

    [Fact]
    public void TryParse_ShortAliasesAndMethodAlias_AreRead()
    {
        var (request, problems) = Parse("-m", "Text-Rank", "-n", "4", "-o", "damping=0.7");

        Assert.Empty(problems);
        Assert.Equal("textrank", request!.Method.Name);
        Assert.Equal(SummaryLength.Sentences(4), request.Length);
        Assert.Equal("0.7", request.MethodOptions["damping"]);
    }

    [Fact]
    public void TryParse_MethodOptionsRepeatedAndCommaSeparated_AreAllKept()
    {
        var (request, problems) = Parse("--method", "lexrank", "--option", "damping=0.8,threshold=0.1", "--option", "max-iterations=50");

        Assert.Empty(problems);
        Assert.Equal(["damping", "threshold", "max-iterations"], request!.MethodOptions.Keys);
    }

    [Fact]
    public void TryParse_SeveralProblems_ReportsEachOnce()
    {
        var (request, problems) = Parse("--method", "magic", "--sentences", "2", "--words", "0", "--bogus", "1");

        Assert.Null(request);
        Assert.Contains("Unknown option '--bogus'.", problems);
        Assert.Contains(problems, p => p.StartsWith("Unknown method 'magic'. Known methods: centrality, lead", StringComparison.Ordinal));
        Assert.Contains("Give only one of --sentences, --ratio and --words.", problems);
        Assert.Contains("--words must be a whole number of at least 1, not '0'.", problems);
    }

    [Fact]
    public void TryParse_OptionTheMethodDoesNotHave_IsAProblemNamingTheOptions()
    {
        var (_, problems) = Parse("--method", "klsum", "--option", "damping=0.5");

        Assert.Equal("Method 'klsum' has no option 'damping'. Its options: smoothing.", Assert.Single(problems));
    }

    [Fact]
    public void TryParse_LlmOptionWithAnExtractiveMethod_IsAProblem()
    {
        var (_, problems) = Parse("--method", "lead", "--style", "bullets");

        Assert.Equal("--style applies to --method llm only, not to lead.", Assert.Single(problems));
    }

    [Fact]
    public void TryParse_LengthWithLlm_PointsToTargetWords()
    {
        var (_, problems) = Parse("--method", "llm", "--sentences", "2");

        Assert.Equal("--sentences sets the length of extractive summaries; for llm use --target-words.", Assert.Single(problems));
    }

    [Fact]
    public void TryParse_LlmSettings_FillTheLlmRequest()
    {
        var (request, problems) = Parse("--method", "llm", "--provider", "openai", "--model", "m1", "--base-url", "http://127.0.0.1:9/v1",
            "--style", "TLDR", "--target-words", "25", "--temperature", "0.5", "--no-cache", null, "--price-input", "0.15", "--price-output", "0.6");

        Assert.Empty(problems);
        var llm = request!.Llm;
        Assert.Equal("openai", llm.Provider);
        Assert.Equal("m1", llm.Model);
        Assert.Equal(new Uri("http://127.0.0.1:9/v1"), llm.Endpoint);
        Assert.Equal(SummaryStyle.Tldr, llm.Options.Style);
        Assert.Equal(25, llm.Options.TargetWords);
        Assert.Equal(0.5f, llm.Options.Temperature);
        Assert.False(llm.Options.UseCache);
        Assert.Equal(new LlmPrices(0.15m, 0.6m), llm.Options.Prices);
    }

    [Theory]
    [InlineData("--temperature", "7", "--temperature must be a number from 0 to 2, not '7'.")]
    [InlineData("--target-words", "0", "--target-words must be a whole number of at least 1, not '0'.")]
    [InlineData("--style", "sonnet", "Unknown --style 'sonnet'. Known styles: paragraph, bullets, headline, tldr.")]
    [InlineData("--endpoint", "ftp://x", "--endpoint must be an http(s) URL, not 'ftp://x'.")]
    [InlineData("--preselect", "magic", "Preselect (--preselect): Unknown method 'magic'.")]
    public void TryParse_BadLlmValue_NamesTheOption(string option, string value, string message)
    {
        var (_, problems) = Parse("--method", "llm", option, value);

        Assert.StartsWith(message, Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_FlagPassedAsFalse_IsNotGiven()
    {
        var (request, problems) = Parse("--method", "lead", "--no-cache", "false");

        Assert.Empty(problems);
        Assert.True(request!.Llm.Options.UseCache);
    }

    [Fact]
    public void TryParse_UnknownLanguage_ListsKnownOnes()
    {
        var (_, problems) = Parse("--language", "xx");

        Assert.StartsWith("Unknown --language 'xx'. Known languages: ", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Problems_ThrowsUserInputExceptionWithEveryMessage()
    {
        var ex = Assert.Throws<UserInputException>(() => SummarizeRequest.Parse([new("--sentences", "0"), new("--ratio", "2")]));

        Assert.Equal(3, ex.Messages.Count);
        Assert.Equal(string.Join(Environment.NewLine, ex.Messages), ex.Message);
    }

    [Fact]
    public void SummaryLengthParse_BareOne_IsOneSentenceAndRatioOneIsTheWholeText()
    {
        Assert.Equal(SummaryLength.Sentences(1), SummaryLength.Parse("1"));
        Assert.Equal(SummaryLength.Ratio(1), SummaryLength.FromOptions(null, "1", null).Length);
        Assert.Equal(SummaryLength.Words(80), SummaryLength.Parse("80w"));
        Assert.Equal(SummaryLength.Sentences(3), SummaryLength.Parse("3s"));
        Assert.Equal(SummaryLength.Ratio(0.25), SummaryLength.Parse("0.25"));
    }
}
