using System.Globalization;
using Summarizer.Charts;

namespace Summarizer.Stories;

/// <summary>Charts of a <see cref="StoryReport"/>: stories over time, and story sizes.</summary>
public static class StoryTimeline
{
    /// <summary>Periods a timeline may span day by day; a longer span is counted by week (weeks start on Monday).</summary>
    public const int MaxDays = 62;

    /// <summary>
    /// A line per story (the <paramref name="top"/> largest with dated articles): how many of its distinct articles
    /// (copies not counted) appeared each day, or each week over a span longer than <see cref="MaxDays"/> days, with
    /// every period of the span on the axis. Null when no article has a date.
    /// </summary>
    public static ChartSpec? Chart(StoryReport report, int top = 8)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        var stories = report.Stories.Where(s => s.First is not null).Take(top).ToArray();
        if (stories.Length == 0)
        {
            return null;
        }

        var first = stories.Min(s => s.First!.Value).UtcDateTime.Date;
        var last = stories.Max(s => s.Last!.Value).UtcDateTime.Date;
        var weekly = (last - first).TotalDays >= MaxDays;
        if (weekly)
        {
            first = first.AddDays(-(((int)first.DayOfWeek + 6) % 7));
        }

        var step = weekly ? 7 : 1;
        var periods = new List<DateTime>();
        for (var day = first; day <= last; day = day.AddDays(step))
        {
            periods.Add(day);
        }

        var labels = periods.Select(p => p.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray();
        var series = stories.Select(story =>
        {
            var counts = new double[periods.Count];
            foreach (var a in story.Articles.Where(a => a.Article.Date is not null))
            {
                counts[(int)((a.Article.Date!.Value.UtcDateTime.Date - first).TotalDays / step)]++;
            }

            return new ChartSeries(Name(story), labels, counts);
        }).ToArray();
        return new ChartSpec(ChartKind.Line, series)
        {
            Title = weekly ? "Articles per story and week" : "Articles per story and day",
            XLabel = weekly ? "Week starting" : "Day",
            YLabel = "Articles",
        };
    }

    /// <summary>The <paramref name="top"/> largest stories as horizontal bars: distinct articles each.</summary>
    public static ChartSpec Sizes(StoryReport report, int top = 15)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        var stories = report.Stories.Take(top).ToArray();
        return ChartSpec.Single(ChartKind.HorizontalBar, "articles", stories.Select(Name).ToArray(),
            stories.Select(s => (double)s.Articles.Count).ToArray()) with
        {
            Title = $"The {stories.Length} largest stories",
            XLabel = "Articles (copies not counted)",
        };
    }

    // Series and bar names must be unique: the id keeps two stories with one headline apart.
    private static string Name(Story story)
    {
        var headline = story.Headline.Length <= 40 ? story.Headline : story.Headline[..39].TrimEnd() + "…";
        return $"{story.Id} {headline}";
    }
}
