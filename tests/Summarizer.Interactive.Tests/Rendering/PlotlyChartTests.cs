using System.Text.Json;
using Summarizer.Charts;
using Summarizer.Interactive.Rendering;

namespace Summarizer.Interactive.Tests.Rendering;

public sealed class PlotlyChartTests
{
    private static readonly ChartSpec Words = ChartSpec.Single(ChartKind.HorizontalBar, "Count", ["blinken", "russia"], [7, 4]) with
    {
        Title = "Top words",
        XLabel = "Count",
    };

    [Fact]
    public void ToFigureJson_HorizontalBar_PutsLabelsOnYAndValuesOnX()
    {
        using var figure = JsonDocument.Parse(PlotlyChart.ToFigureJson(Words));

        var trace = figure.RootElement.GetProperty("data")[0];
        Assert.Equal("bar", trace.GetProperty("type").GetString());
        Assert.Equal("h", trace.GetProperty("orientation").GetString());
        Assert.Equal(["blinken", "russia"], trace.GetProperty("y").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([7.0, 4.0], trace.GetProperty("x").EnumerateArray().Select(e => e.GetDouble()));
        var layout = figure.RootElement.GetProperty("layout");
        Assert.Equal("Top words", layout.GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("reversed", layout.GetProperty("yaxis").GetProperty("autorange").GetString());
    }

    [Fact]
    public void ToFigureJson_LineWithTwoSeries_NamesEachTraceAndShowsLegend()
    {
        var spec = new ChartSpec(ChartKind.Line,
        [
            new ChartSeries("lead", ["1", "2"], [0.5, 0.6]),
            new ChartSeries("textrank", ["1", "2"], [0.4, double.NaN]),
        ]);

        using var figure = JsonDocument.Parse(PlotlyChart.ToFigureJson(spec));

        var data = figure.RootElement.GetProperty("data");
        Assert.Equal("scatter", data[0].GetProperty("type").GetString());
        Assert.Equal("textrank", data[1].GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, data[1].GetProperty("y")[1].ValueKind);
        Assert.True(figure.RootElement.GetProperty("layout").GetProperty("showlegend").GetBoolean());
    }

    [Fact]
    public void ToFigureJson_HostileLabels_AreHtmlEscapedAndNoRawAngleBrackets()
    {
        var spec = ChartSpec.Single(ChartKind.Bar, "<b>s</b>", ["</script><script>alert(1)</script>", "<a href=\"javascript:x\">y</a>"], [1, 2]) with
        {
            Title = "<img src=x onerror=alert(1)>",
        };

        var json = PlotlyChart.ToFigureJson(spec);
        using var figure = JsonDocument.Parse(json);

        Assert.DoesNotContain('<', json);
        Assert.DoesNotContain('>', json);
        var labels = figure.RootElement.GetProperty("data")[0].GetProperty("x").EnumerateArray().Select(e => e.GetString()).ToArray();
        Assert.Equal("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;", labels[0]);
        Assert.Equal("&lt;img src=x onerror=alert(1)&gt;", figure.RootElement.GetProperty("layout").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void ToHtml_Embed_IncludesGuardedLibraryHiddenFromAmdLoaders()
    {
        var html = PlotlyChart.ToHtml(Words, PlotlyScript.Embed, "chart-1");

        Assert.StartsWith("<div class=\"summarizer-chart\" id=\"chart-1\"", html, StringComparison.Ordinal);
        Assert.Contains("if (!window.Plotly) { (function (define, module, exports) {", html, StringComparison.Ordinal);
        Assert.Contains(PlotlyChart.LibraryBanner, html, StringComparison.Ordinal);
        Assert.Contains("window.Plotly.newPlot(el, fig.data, fig.layout", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_AssumeLoaded_OmitsLibraryAndKeepsTheStaticChartWhenPlotlyIsMissing()
    {
        var html = PlotlyChart.ToHtml(Words, PlotlyScript.AssumeLoaded, "chart-2", fallback: "<svg id=\"static\"></svg>");

        Assert.DoesNotContain(PlotlyChart.LibraryBanner, html, StringComparison.Ordinal);
        Assert.Contains("id=\"chart-2\" style=\"width:100%;\"><svg id=\"static\"></svg></div>", html, StringComparison.Ordinal);
        // Without plotly the script returns before touching the static chart.
        Assert.Contains("if (!el || !window.Plotly) { return; }", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("if (!el || !window.Plotly) { return; }", StringComparison.Ordinal) < html.IndexOf("el.textContent = ''", StringComparison.Ordinal));
        Assert.True(html.Length < 3000, $"Expected a small fragment, got {html.Length} characters.");
    }

    [Fact]
    public void ToHtml_HostileElementId_IsEscapedInAttributeAndScript()
    {
        var html = PlotlyChart.ToHtml(Words, PlotlyScript.AssumeLoaded, "x\"><script>alert(1)</script>");

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<script"));
        Assert.Contains("id=\"x&quot;&gt;&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void LibrarySource_HasNoScriptEndTag()
    {
        Assert.True(PlotlyChart.LibrarySource.Length > 1_000_000);
        Assert.DoesNotContain("</script", PlotlyChart.LibrarySource, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ChartSpec_MismatchedLabelsAndValues_ThrowsNamingSeries()
    {
        var e = Assert.Throws<ArgumentException>(() => ChartSpec.Single(ChartKind.Bar, "counts", ["a", "b"], [1]));

        Assert.Contains("'counts' has 2 labels but 1 values", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HeightOf_HorizontalBar_GrowsWithLabels()
    {
        var few = ChartSpec.Single(ChartKind.HorizontalBar, "c", ["a"], [1]);
        var many = ChartSpec.Single(ChartKind.HorizontalBar, "c", Enumerable.Range(0, 40).Select(i => i.ToString()).ToArray(), new double[40]);

        Assert.True(PlotlyChart.HeightOf(many) > PlotlyChart.HeightOf(few));
    }
}
