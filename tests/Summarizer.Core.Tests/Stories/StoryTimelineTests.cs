using Summarizer.Charts;
using Summarizer.Ingestion;
using Summarizer.Stories;

namespace Summarizer.Core.Tests.Stories;

public sealed class StoryTimelineTests
{
    [Fact]
    public void Chart_DatedFeed_OneLinePerStoryOverEveryDay()
    {
        var report = StoryFinder.Find(StoryCorpus.Articles);

        var chart = StoryTimeline.Chart(report, top: 3)!;

        Assert.Equal(ChartKind.Line, chart.Kind);
        Assert.Equal(3, chart.Series.Count);
        Assert.Equal(["2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"], chart.Series[0].Labels);
        // The port story: two articles on the 2nd (its exact copy not counted), then one on the 3rd and the 5th.
        Assert.StartsWith("s1 ", chart.Series[0].Name, StringComparison.Ordinal);
        Assert.Equal([0, 2, 1, 0, 1, 0], chart.Series[0].Values);
        Assert.Equal(report.Stories[0].Articles.Count, chart.Series[0].Values.Sum());
    }

    [Fact]
    public void Chart_LongSpan_CountsByWeekFromMonday()
    {
        var articles = new[]
        {
            new Article("a", "Volcano erupts near the village of Grindavik in Iceland.") { Date = new DateTimeOffset(2026, 1, 7, 9, 0, 0, TimeSpan.Zero) },
            new Article("b", "Volcano near Grindavik in Iceland erupts again, village evacuated.") { Date = new DateTimeOffset(2026, 4, 2, 9, 0, 0, TimeSpan.Zero) },
        };
        var report = StoryFinder.Find(articles, new StoryOptions { Threshold = 0.05 });

        var chart = StoryTimeline.Chart(report)!;

        Assert.Equal("2026-01-05", chart.Series[0].Labels[0]);
        Assert.All(chart.Series[0].Labels, l => Assert.Equal(DayOfWeek.Monday, DateTime.Parse(l, System.Globalization.CultureInfo.InvariantCulture).DayOfWeek));
        Assert.Equal(2, chart.Series.Sum(s => s.Values.Sum()));
        Assert.Equal("Week starting", chart.XLabel);
    }

    [Fact]
    public void Chart_NoDates_Null()
    {
        var report = StoryFinder.Find([new Article("a", "An undated text about a harbour.")]);

        Assert.Null(StoryTimeline.Chart(report));
    }

    [Fact]
    public void Sizes_LargestStoriesAsBars()
    {
        var report = StoryFinder.Find(StoryCorpus.Articles);

        var chart = StoryTimeline.Sizes(report, top: 2);

        Assert.Equal(ChartKind.HorizontalBar, chart.Kind);
        Assert.Equal([4.0, 3.0], chart.Series[0].Values);
    }
}
