using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive;
using Summarizer.Interactive.Tests.TestSupport;
using Summarizer.Requests;

namespace Summarizer.Interactive.Tests.Commands;

public sealed class SummarizeCommandTests : KernelTest
{
    [Fact]
    public async Task Summarize_CellText_DisplaysCardAndSetsSummaryVariable()
    {
        var article = Seeds.Read("geneva-talks.txt");

        var result = await Kernel.SubmitAsync("#!summarize --method lead --sentences 2\n" + article);

        result.Succeeded();
        var summary = Kernel.Variable<SummaryResult>("summary");
        Assert.Equal("lead", summary.Method);
        Assert.Equal([0, 1], summary.Indices);
        var html = result.SingleValue("text/html", v => v.Contains("summarizer-card", StringComparison.Ordinal));
        Assert.Contains("<details>", html, StringComparison.Ordinal);
        Assert.Contains("<mark>", html, StringComparison.Ordinal);
        var text = result.SingleValue("text/plain", v => v.StartsWith("Summary by lead", StringComparison.Ordinal));
        Assert.Contains("2 of", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summarize_FromStringVariable_UsesNameOption()
    {
        (await Kernel.SubmitAsync("var text = \"One sentence here. Two sentences here. Three sentences here.\";")).Succeeded();

        var result = await Kernel.SubmitAsync("#!summarize --from text --method lead --sentences 1 --name brief");

        result.Succeeded();
        var brief = Kernel.Variable<SummaryResult>("brief");
        Assert.Single(brief.Sentences);
        Assert.Equal("One sentence here.", brief.Text);
    }

    [Fact]
    public async Task Summarize_FromDataFrame_AddsSummaryColumns()
    {
        (await Kernel.SubmitAsync("#!load-articles " + Seeds.Path("geneva-talks.txt"))).Succeeded();

        var result = await Kernel.SubmitAsync("#!summarize --from articles --ratio 20%");

        result.Succeeded();
        var frame = Kernel.Variable<DataFrame>("articles");
        Assert.Contains(frame.Columns, c => c.Name == "summary");
        Assert.Contains(frame.Columns, c => c.Name == "compression");
        var summaries = Kernel.Variable<SummaryResult[]>("articlesSummaries");
        Assert.Equal(summaries[0].Text!.Replace('\n', ' '), frame.Columns["summary"][0]);
    }

    [Fact]
    public async Task Summarize_FromStringSequence_CreatesSummariesFrame()
    {
        (await Kernel.SubmitAsync("var texts = new[] { \"A first. A second.\", \"B first. B second. B third.\" };")).Succeeded();

        (await Kernel.SubmitAsync("#!summarize --from texts --method lead --sentences 1")).Succeeded();

        var frame = Kernel.Variable<DataFrame>("summaries");
        Assert.Equal(2, frame.Rows.Count);
        Assert.Equal("B first.", frame.Columns["summary"][1]);
    }

    [Fact]
    public async Task Summarize_UnknownOption_FailsWithParserError()
    {
        var message = (await Kernel.SubmitAsync("#!summarize --bogus 1\nSome text.")).Failed();

        Assert.Contains("--bogus", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summarize_UnknownMethod_FailsListingKnownMethods()
    {
        var message = (await Kernel.SubmitAsync("#!summarize --method nope\nSome text.")).Failed();

        Assert.Contains("Unknown method 'nope'", message, StringComparison.Ordinal);
        Assert.Contains("lead", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summarize_MissingVariable_FailsNamingIt()
    {
        var message = (await Kernel.SubmitAsync("#!summarize --from nothingHere")).Failed();

        Assert.Contains("'nothingHere'", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summarize_EmptyCell_FailsSayingThereIsNoText()
    {
        var message = (await Kernel.SubmitAsync("#!summarize --method lead")).Failed();

        Assert.Contains("no text", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summarize_TwoLengths_FailsValidation()
    {
        var message = (await Kernel.SubmitAsync("#!summarize --sentences 2 --words 10\nSome text.")).Failed();

        Assert.Contains("only one of", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summarize_NonNumericSentences_FailsNamingOption()
    {
        var message = (await Kernel.SubmitAsync("#!summarize --sentences two\nSome text.")).Failed();

        Assert.Contains("--sentences", message, StringComparison.Ordinal);
        Assert.Contains("'two'", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summarize_Help_ListsOptionsWithoutRunning()
    {
        var result = await Kernel.SubmitAsync("#!summarize -h");

        result.Succeeded();
        var help = result.SingleValue("text/markdown", v => v.Contains("--method", StringComparison.Ordinal));
        Assert.Contains("--sentences", help, StringComparison.Ordinal);
        Assert.False(Kernel.CSharp.TryGetValue<SummaryResult>("summary", out _));
    }

    [Fact]
    public async Task Summarize_TypedCommand_RunsWithoutParsing()
    {
        var kernel = Kernel.Kernel.FindKernelByName("summarize");

        var result = await kernel.SendAsync(new Interactive.Commands.SummarizeCommand
        {
            Text = "First one. Second one.",
            Options = [new("--method", "lead"), new("--sentences", "1")],
        });

        result.Succeeded();
        Assert.Equal("First one.", Kernel.Variable<SummaryResult>("summary").Text);
    }

    [Fact]
    public async Task Summarize_CellTextBeforeCSharpSection_LeavesCSharpToCSharpKernel()
    {
        var result = await Kernel.SubmitAsync("#!summarize --method lead --sentences 1\nFirst one. Second one.\n\n#!csharp\nvar n = summary.Sentences.Count;");

        result.Succeeded();
        Assert.Equal(1, Kernel.Variable<int>("n"));
    }

    [Fact]
    public async Task Summarize_LlmWithUnknownStyle_FailsValidation()
    {
        var message = (await Kernel.SubmitAsync("#!summarize --method llm --style sonnet\nSome text.")).Failed();

        Assert.Contains("Unknown --style 'sonnet'", message, StringComparison.Ordinal);
    }
}
