using Microsoft.Data.Analysis;
using Summarizer.Stories;

namespace Summarizer.Tables;

/// <summary>Stories as a <see cref="DataFrame"/>, one row each.</summary>
public static class StoryTable
{
    /// <summary>The column names of <see cref="ToDataFrame"/>, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["id", "headline", "keyphrases", "articles", "copies", "first", "last", "entities", "cohesion", "summary", "error"];

    /// <summary>
    /// One row per story with columns <c>id, headline, keyphrases, articles, copies, first, last, entities, cohesion,
    /// summary, error</c>: <c>articles</c> counts distinct articles and <c>copies</c> the copies set apart; <c>first</c>
    /// and <c>last</c> are UTC <see cref="DateTime"/>s (null when no article is dated); key phrases and entities are
    /// joined with commas and the summary's sentences with spaces.
    /// </summary>
    public static DataFrame ToDataFrame(IReadOnlyList<StoryResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return new DataFrame(
            new StringDataFrameColumn("id", results.Select(r => r.Story.Id)),
            new StringDataFrameColumn("headline", results.Select(r => r.Story.Headline)),
            new StringDataFrameColumn("keyphrases", results.Select(r => string.Join(", ", r.Story.Keyphrases))),
            new Int32DataFrameColumn("articles", results.Select(r => r.Story.Articles.Count)),
            new Int32DataFrameColumn("copies", results.Select(r => r.Story.CopyCount)),
            new DateTimeDataFrameColumn("first", results.Select(r => r.Story.First?.UtcDateTime)),
            new DateTimeDataFrameColumn("last", results.Select(r => r.Story.Last?.UtcDateTime)),
            new StringDataFrameColumn("entities", results.Select(r => string.Join(", ", r.Story.Entities.Select(e => e.Entity)))),
            new DoubleDataFrameColumn("cohesion", results.Select(r => r.Story.Cohesion)),
            new StringDataFrameColumn("summary", results.Select(r => r.Summary.Text?.Replace('\n', ' '))),
            new StringDataFrameColumn("error", results.Select(r => r.Summary.Error)));
    }
}
