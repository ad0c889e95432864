using System.Xml.Linq;
using Summarizer.Charts;
using Summarizer.Interactive.Rendering;

namespace Summarizer.Interactive.Tests.Rendering;

public sealed class SvgChartTests
{
    private static XDocument Parse(string svg) => XDocument.Parse(svg);

    private static IEnumerable<XElement> All(XDocument svg, string name) => svg.Descendants(XName.Get(name, "http://www.w3.org/2000/svg"));

    [Fact]
    public void ToSvg_HorizontalBars_OneBarPerLabelWidthByValueAndTooltips()
    {
        var spec = ChartSpec.Single(ChartKind.HorizontalBar, "count", ["blinken", "russia", "geneva"], [8, 4, 2]) with { Title = "Top words", XLabel = "Count" };

        var svg = Parse(SvgChart.ToSvg(spec));

        var bars = All(svg, "rect").Where(r => r.Element(XName.Get("title", "http://www.w3.org/2000/svg")) is not null).ToArray();
        Assert.Equal(3, bars.Length);
        var widths = bars.Select(b => double.Parse(b.Attribute("width")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(widths[0] / 2, widths[1], 1);
        Assert.Equal(widths[0] / 4, widths[2], 1);
        Assert.Equal(["blinken: 8", "russia: 4", "geneva: 2"], bars.Select(b => b.Value));
        Assert.Contains(All(svg, "text"), t => t.Value == "Top words");
        Assert.Contains(All(svg, "text"), t => t.Value == "Count");
    }

    [Fact]
    public void ToSvg_HostileLabelsAndTitle_AreEscapedAsText()
    {
        var spec = ChartSpec.Single(ChartKind.HorizontalBar, "c", ["</text><script>alert(1)</script>", "a & b"], [2, 1]) with { Title = "<img src=x onerror=alert(2)>" };

        var text = SvgChart.ToSvg(spec);
        var svg = Parse(text);

        Assert.DoesNotContain("<script", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(All(svg, "title"), t => t.Value == "</text><script>alert(1)</script>");
        Assert.Contains(All(svg, "text"), t => t.Value == "<img src=x onerror=alert(2)>");
    }

    [Fact]
    public void ToSvg_GroupedSeries_DrawsEverySeriesWithALegend()
    {
        var spec = new ChartSpec(ChartKind.HorizontalBar,
        [
            new ChartSeries("europe", ["talks", "geneva"], [3, 2]),
            new ChartSeries("russia", ["talks", "moscow"], [1, 4]),
        ]);

        var svg = Parse(SvgChart.ToSvg(spec));

        var tooltips = All(svg, "rect").Select(r => r.Value).Where(v => v.Length > 0).ToArray();
        Assert.Contains("europe · talks: 3", tooltips);
        Assert.Contains("russia · moscow: 4", tooltips);
        Assert.Contains("russia · geneva: 0", tooltips);
        Assert.Contains(All(svg, "text"), t => t.Value == "europe");
    }

    [Fact]
    public void ToSvg_LineOverDates_APointPerLabelOnOnePolyline()
    {
        var spec = ChartSpec.Single(ChartKind.Line, "stories", ["2026-01-01", "2026-01-02", "2026-01-03"], [1, 5, 2]) with { YLabel = "Articles" };

        var svg = Parse(SvgChart.ToSvg(spec));

        Assert.Single(All(svg, "polyline"));
        Assert.Equal(3, All(svg, "circle").Count());
        var ys = All(svg, "circle").Select(c => double.Parse(c.Attribute("cy")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.True(ys[1] < ys[2] && ys[2] < ys[0], "the highest value is drawn highest");
    }
}
