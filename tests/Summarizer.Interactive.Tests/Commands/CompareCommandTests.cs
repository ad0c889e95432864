using Microsoft.Data.Analysis;
using Summarizer.Interactive.Tests.TestSupport;

namespace Summarizer.Interactive.Tests.Commands;

public sealed class CompareCommandTests : KernelTest
{
    [Fact]
    public async Task Compare_CellText_ShowsASentenceByMethodMatrixAndSetsFrame()
    {
        var result = await Kernel.SubmitAsync("#!compare --methods lead,textrank --sentences 1\n" + Seeds.Read("geneva-talks.txt"));

        result.Succeeded();
        var frame = Kernel.Variable<DataFrame>("comparison");
        Assert.Equal(2, frame.Rows.Count);
        Assert.Equal("0", frame.Columns["sentences"][0]);
        var html = result.SingleValue("text/html", v => v.Contains("summarizer-comparison", StringComparison.Ordinal));
        Assert.Contains("<code>lead</code></th>", html, StringComparison.Ordinal);
        Assert.Contains("<code>textrank</code></th>", html, StringComparison.Ordinal);
        // A row per source sentence (15 in the seed), a mark per method that chose it: one sentence each.
        Assert.Equal(15, System.Text.RegularExpressions.Regex.Matches(html, "<tr style=\"border-top:1px solid #eaeef2;\">").Count);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(html, "class=\"summarizer-chosen\"").Count);
        var text = result.SingleValue("text/plain", v => v.StartsWith("Methods:", StringComparison.Ordinal));
        Assert.Contains("  1 x", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_NoMethods_ComparesTheDefaultSet()
    {
        var result = await Kernel.SubmitAsync("#!compare\n" + Seeds.Read("geneva-talks.txt"));

        result.Succeeded();
        var frame = Kernel.Variable<DataFrame>("comparison");
        Assert.Equal(["lead", "centrality", "textrank", "lexrank", "luhn", "lsa"], frame.Columns["method"].Cast<string>());
    }

    [Fact]
    public async Task Compare_FromDataFrameRow_UsesThatRow()
    {
        (await Kernel.SubmitAsync("var texts = new[] { \"A one. A two.\", \"B one. B two.\" };")).Succeeded();

        (await Kernel.SubmitAsync("#!compare --from texts --row 1 --methods lead --sentences 1 --name cmp")).Succeeded();

        Assert.Equal("B one.", Kernel.Variable<DataFrame>("cmp").Columns["summary"][0]);
    }

    [Fact]
    public async Task Compare_RowOutOfRange_FailsNamingVariable()
    {
        (await Kernel.SubmitAsync("var texts = new[] { \"A one.\" };")).Succeeded();

        var message = (await Kernel.SubmitAsync("#!compare --from texts --row 5")).Failed();

        Assert.Contains("'texts' has 1 rows", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_UnknownMethod_FailsValidation()
    {
        var message = (await Kernel.SubmitAsync("#!compare --methods lead,bogus\nSome text.")).Failed();

        Assert.Contains("Unknown method 'bogus'", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_WithReference_AddsRougeColumnsAndRows()
    {
        var result = await Kernel.SubmitAsync("#!compare --methods lead --sentences 1 --reference \"Alpha beta gamma.\"\nAlpha beta gamma. Delta epsilon.");

        result.Succeeded();
        var frame = Kernel.Variable<DataFrame>("comparison");
        Assert.Equal(1.0, (double)frame.Columns["rouge1"][0]!, 3);
        var html = result.SingleValue("text/html", v => v.Contains("summarizer-comparison", StringComparison.Ordinal));
        Assert.Contains("100.0</td><td style=\"padding:2px 6px;opacity:0.75;\">ROUGE-L F</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_ReferenceColumn_ScoresAgainstThatRowsReference()
    {
        (await Kernel.SubmitAsync("""
            using Microsoft.Data.Analysis;
            var eval = new DataFrame(
                new StringDataFrameColumn("text", new[] { "Cats sleep. Dogs bark.", "Birds sing. Fish swim." }),
                new StringDataFrameColumn("highlights", new[] { "Dogs bark.", "Fish swim." }));
            """)).Succeeded();

        (await Kernel.SubmitAsync("#!compare --from eval --row 1 --methods lead --sentences 1 --reference-column highlights")).Succeeded();

        var frame = Kernel.Variable<DataFrame>("comparison");
        Assert.Equal("Birds sing.", frame.Columns["summary"][0]);
        Assert.Equal(0.0, (double)frame.Columns["rouge1"][0]!, 3);
    }

    [Fact]
    public async Task Compare_BothReferenceOptions_FailsValidation()
    {
        var message = (await Kernel.SubmitAsync("#!compare --reference x --reference-column y\nSome text.")).Failed();

        Assert.Contains("either --reference or --reference-column", message, StringComparison.Ordinal);
    }
}
