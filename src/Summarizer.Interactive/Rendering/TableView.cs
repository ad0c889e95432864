using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Formatting;

namespace Summarizer.Interactive.Rendering;

/// <summary>
/// How a magic command shows a DataFrame: a static HTML table (no script needed, so GitHub and other script-free
/// viewers show the rows) with long text cut short, and the same rows as text. A frame longer than
/// <see cref="MaxRows"/> shows its first rows and, below them, Microsoft.Data.Analysis' own paged table for live
/// notebooks. The C# variable keeps the whole frame.
/// </summary>
/// <param name="Frame">The frame.</param>
/// <param name="Variable">The C# variable holding it, named in the caption.</param>
public sealed record TableView(DataFrame Frame, string? Variable)
{
    /// <summary>The columns shown, in order; null (the default) shows every column. The variable keeps them all.</summary>
    public IReadOnlyList<string>? Shown { get; init; }

    private IReadOnlyList<DataFrameColumn> Columns =>
        Shown is null ? Frame.Columns.ToArray() : Shown.Select(n => Frame.Columns.FirstOrDefault(c => c.Name == n)).OfType<DataFrameColumn>().ToArray();

    /// <summary>Frames up to this many rows are shown whole.</summary>
    public const int MaxRows = 100;

    /// <summary>Rows shown of a longer frame.</summary>
    public const int PreviewRows = 20;

    /// <summary>Most rows the interactive pager below a long frame's preview carries, so one output stays small.</summary>
    public const int MaxPagerRows = 1_000;

    /// <summary>Longest cell text shown; the rest is cut with an ellipsis.</summary>
    public const int MaxCellChars = 80;

    private long ShownRows => Frame.Rows.Count <= MaxRows ? Frame.Rows.Count : PreviewRows;

    /// <summary>The table as HTML; cell text is HTML-encoded.</summary>
    public string ToHtml()
    {
        // A wide frame scrolls sideways in its own box rather than overflowing a narrow page.
        var html = new StringBuilder("<div class=\"summarizer-table\" style=\"overflow-x:auto;max-width:100%;\"><table style=\"border-collapse:collapse;font-size:0.9em;\"><thead><tr>");
        foreach (var column in Columns)
        {
            html.Append("<th style=\"text-align:left;padding:2px 8px;border-bottom:1px solid #d0d7de;\">").Append(E(column.Name)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        for (long row = 0; row < ShownRows; row++)
        {
            html.Append("<tr>");
            foreach (var column in Columns)
            {
                var numeric = column is PrimitiveDataFrameColumn<int> or PrimitiveDataFrameColumn<double> or PrimitiveDataFrameColumn<long> or PrimitiveDataFrameColumn<float>;
                html.Append("<td style=\"padding:2px 8px;vertical-align:top;border-bottom:1px solid #eaeef2;")
                    .Append(numeric ? "text-align:right;" : "").Append("\">").Append(E(Cell(column[row]))).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table><div style=\"opacity:0.7;font-size:0.85em;margin-top:0.2em;\">").Append(E(Caption())).Append("</div>");
        if (Frame.Rows.Count > MaxRows)
        {
            // The shown columns with cells cut short, so the pager's output stays small however long the articles.
            var rows = (int)Math.Min(Frame.Rows.Count, MaxPagerRows);
            var head = Frame.Head(rows);
            var compact = new DataFrame(Columns.Select(c => head.Columns[c.Name]).Select(c => c is StringDataFrameColumn text
                ? new StringDataFrameColumn(c.Name, text.Select(v => v is null ? null : Cell(v)))
                : c));
            var label = rows == Frame.Rows.Count ? "All rows" : $"The first {rows} rows";
            html.Append("<details><summary>").Append(label).Append(" (interactive)</summary>").Append(compact.ToDisplayString("text/html")).Append("</details>");
        }

        return html.Append("</div>").ToString();
    }

    /// <summary>The same rows as fixed-width text.</summary>
    public string ToPlainText()
    {
        var columns = Columns;
        var cells = new string[ShownRows + 1, columns.Count];
        var widths = new int[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            cells[0, c] = columns[c].Name;
            for (long row = 0; row < ShownRows; row++)
            {
                cells[row + 1, c] = Cell(columns[c][row], 40);
            }

            for (long row = 0; row <= ShownRows; row++)
            {
                widths[c] = Math.Max(widths[c], cells[row, c].Length);
            }
        }

        var text = new StringBuilder();
        for (long row = 0; row <= ShownRows; row++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                text.Append(cells[row, c].PadRight(widths[c])).Append(c < columns.Count - 1 ? "  " : "");
            }

            text.Append('\n');
        }

        return text.Append(Caption()).Append('\n').ToString();
    }

    private string Caption()
    {
        var rows = Frame.Rows.Count;
        var shown = rows == ShownRows ? (rows == 1 ? "1 row" : $"{rows} rows") : $"first {ShownRows} of {rows} rows";
        if (Columns.Count < Frame.Columns.Count)
        {
            shown += $", {Columns.Count} of {Frame.Columns.Count} columns";
        }

        return Variable is null ? shown : $"{shown}; the variable '{Variable}' holds the whole table";
    }

    private static string Cell(object? value, int max = MaxCellChars)
    {
        var text = value switch
        {
            null => "",
            double d => d.ToString("0.####", CultureInfo.InvariantCulture),
            float f => f.ToString("0.####", CultureInfo.InvariantCulture),
            DateTime dt => dt.ToString(dt.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        text = text.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');
        return text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
