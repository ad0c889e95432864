using Microsoft.Data.Analysis;

namespace Summarizer.Interactive.Rendering;

/// <summary>
/// What a cell shows of a DataFrame: the same rows and columns with long text cut short, so an article's body does not
/// fill the screen. The C# variable keeps the full frame; MDA's own formatter renders the preview.
/// </summary>
internal static class DataFramePreview
{
    public const int MaxChars = 60;

    public static DataFrame Of(DataFrame frame)
    {
        var columns = new List<DataFrameColumn>(frame.Columns.Count);
        foreach (var column in frame.Columns)
        {
            if (column is StringDataFrameColumn text && text.Any(v => v is { Length: > MaxChars }))
            {
                columns.Add(new StringDataFrameColumn(column.Name, text.Select(v => v is { Length: > MaxChars } ? v[..(MaxChars - 1)].TrimEnd() + "…" : v)));
            }
            else
            {
                columns.Add(column.Clone());
            }
        }

        return new DataFrame(columns);
    }
}
