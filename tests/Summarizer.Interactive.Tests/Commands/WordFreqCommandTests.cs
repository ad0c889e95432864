using Microsoft.Data.Analysis;
using Summarizer.Interactive.Rendering;
using Summarizer.Interactive.Tests.TestSupport;

namespace Summarizer.Interactive.Tests.Commands;

public sealed class WordFreqCommandTests : KernelTest
{
    [Fact]
    public async Task WordFreq_CellText_ChartsAndCountsWithoutStopWords()
    {
        var result = await Kernel.SubmitAsync("#!word-freq --top 3\nThe talks went on. The talks ended. Talks resume and the talks matter.");

        result.Succeeded();
        var frame = Kernel.Variable<DataFrame>("wordFreq");
        Assert.Equal("talks", frame.Columns["term"][0]);
        Assert.Equal(4, frame.Columns["count"][0]);
        Assert.DoesNotContain("the", frame.Columns["term"].Cast<string>());
        var chart = result.SingleValue("text/html", v => v.Contains("summarizer-chart", StringComparison.Ordinal));
        Assert.Contains("\"orientation\":\"h\"", chart, StringComparison.Ordinal);
        Assert.Contains(result.Values("text/plain"), v => v.Contains("talks", StringComparison.Ordinal) && v.Contains('4'));
        // A static rendering for viewers without scripts, inside the HTML and on its own.
        Assert.Contains("<svg", chart, StringComparison.Ordinal);
        Assert.Contains(result.Values("image/svg+xml"), v => v.StartsWith("<svg", StringComparison.Ordinal) && v.Contains("talks: 4", StringComparison.Ordinal));
        Assert.Contains(result.Values("text/html"), v => v.Contains("summarizer-table", StringComparison.Ordinal) && v.Contains("<td", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WordFreq_FrenchArticle_LeavesOutFrenchStopWords()
    {
        (await Kernel.SubmitAsync("#!load-articles " + Seeds.Path("articles.jsonl"))).Succeeded();
        (await Kernel.SubmitAsync("var french = articles.Filter(articles[\"language\"].ElementwiseEquals(\"fr\"));")).Succeeded();

        (await Kernel.SubmitAsync("#!word-freq --from french --top 30")).Succeeded();

        var terms = Kernel.Variable<DataFrame>("wordFreq").Columns["term"].Cast<string>().ToArray();
        Assert.Equal(30, terms.Length);
        Assert.DoesNotContain("la", terms);
        Assert.DoesNotContain("les", terms);
        Assert.DoesNotContain("de", terms);
    }

    [Fact]
    public async Task WordFreq_Bigrams_CountsPairsWithinSentences()
    {
        (await Kernel.SubmitAsync("#!word-freq --ngram 2 --name pairs\nForeign minister spoke. Foreign minister left. Minister foreign.")).Succeeded();

        var frame = Kernel.Variable<DataFrame>("pairs");
        Assert.Equal("foreign minister", frame.Columns["term"][0]);
        Assert.Equal(2, frame.Columns["count"][0]);
    }

    [Fact]
    public async Task WordFreq_Stem_MergesWordForms()
    {
        (await Kernel.SubmitAsync("#!word-freq --stem\nTalks talked talking talk.")).Succeeded();

        var frame = Kernel.Variable<DataFrame>("wordFreq");
        Assert.Equal(1, frame.Rows.Count);
        Assert.Equal(4, frame.Columns["count"][0]);
    }

    [Fact]
    public async Task WordFreq_GroupBy_OneSeriesPerGroup()
    {
        (await Kernel.SubmitAsync("""
            using Microsoft.Data.Analysis;
            var df = new DataFrame(
                new StringDataFrameColumn("text", new[] { "Geneva talks.", "Geneva talks again.", "Moscow reply." }),
                new StringDataFrameColumn("Desk", new[] { "europe", "europe", "russia" }));
            """)).Succeeded();

        var result = await Kernel.SubmitAsync("#!word-freq --from df --group-by Desk --top 2");

        result.Succeeded();
        var frame = Kernel.Variable<DataFrame>("wordFreq");
        Assert.Equal(4, frame.Rows.Count);
        var chart = result.SingleValue("text/html", v => v.Contains("summarizer-chart", StringComparison.Ordinal));
        Assert.Contains("\"name\":\"europe\"", chart, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"russia\"", chart, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WordFreq_MissingColumn_FailsListingColumns()
    {
        (await Kernel.SubmitAsync("#!load-articles\nSome article text.")).Succeeded();

        var message = (await Kernel.SubmitAsync("#!word-freq --from articles --column Body")).Failed();

        Assert.Contains("no column 'Body'", message, StringComparison.Ordinal);
        Assert.Contains("text", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WordFreq_SecondChart_ReusesLoadedPlotly()
    {
        var first = await Kernel.SubmitAsync("#!word-freq\nAlpha beta alpha.");
        var second = await Kernel.SubmitAsync("#!word-freq\nGamma delta gamma.");

        Assert.Contains(PlotlyChart.LibraryBanner, first.SingleValue("text/html", v => v.Contains("summarizer-chart", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.DoesNotContain(PlotlyChart.LibraryBanner, second.SingleValue("text/html", v => v.Contains("summarizer-chart", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WordFreq_BadTop_FailsValidation()
    {
        var message = (await Kernel.SubmitAsync("#!word-freq --top 0\nSome text.")).Failed();

        Assert.Contains("--top must be at least 1", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WordFreq_CopiedArticle_CountedOnceUnlessKeepDuplicates()
    {
        (await Kernel.SubmitAsync("""
            var texts = new[] { "Storm floods the harbour town. The storm closes roads.", "storm floods the harbour town... the STORM closes roads!", "Sunny day at the beach." };
            """)).Succeeded();

        var once = await Kernel.SubmitAsync("#!word-freq --from texts --top 3");
        var onceCount = Kernel.Variable<DataFrame>("wordFreq").Columns["count"][0];
        var twice = await Kernel.SubmitAsync("#!word-freq --from texts --top 3 --keep-duplicates");

        once.Succeeded();
        twice.Succeeded();
        Assert.Equal(2, onceCount);
        Assert.Equal(4, Kernel.Variable<DataFrame>("wordFreq").Columns["count"][0]);
        Assert.Contains("(1 copy not counted)", once.SingleValue("text/html", v => v.Contains("summarizer-chart", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.DoesNotContain("not counted", twice.SingleValue("text/html", v => v.Contains("summarizer-chart", StringComparison.Ordinal)), StringComparison.Ordinal);
    }
}
