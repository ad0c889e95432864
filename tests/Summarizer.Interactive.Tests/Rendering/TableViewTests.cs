using Microsoft.Data.Analysis;
using Summarizer.Interactive.Rendering;

namespace Summarizer.Interactive.Tests.Rendering;

public sealed class TableViewTests
{
    [Fact]
    public void ToHtml_SmallFrame_EveryRowAsStaticHtmlWithCellsEscapedAndCut()
    {
        var frame = new DataFrame(
            new StringDataFrameColumn("title", ["<b>bold</b>", new string('x', 200)]),
            new Int32DataFrameColumn("words", [12, 7]));

        var html = new TableView(frame, "articles").ToHtml();

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;bold&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains(new string('x', TableView.MaxCellChars - 1) + "…", html, StringComparison.Ordinal);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(html, "<tr>").Count);
        Assert.Contains("2 rows; the variable &#39;articles&#39; holds the whole table", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<details>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToPlainText_ColumnsAligned()
    {
        var frame = new DataFrame(new StringDataFrameColumn("term", ["talks", "geneva"]), new Int32DataFrameColumn("count", [12, 7]));

        var text = new TableView(frame, null).ToPlainText();

        Assert.Equal("term    count\ntalks   12   \ngeneva  7    \n2 rows\n", text);
    }

    [Fact]
    public void ToHtml_LongFrame_ShowsFirstRowsStaticallyAndSaysHowManyThereAre()
    {
        var frame = new DataFrame(new Int32DataFrameColumn("n", Enumerable.Range(0, 500)));

        var view = new TableView(frame, "big");
        var html = view.ToHtml();

        var staticPart = html[..html.IndexOf("<details>", StringComparison.Ordinal)];
        Assert.Equal(TableView.PreviewRows + 1, System.Text.RegularExpressions.Regex.Matches(staticPart, "<tr>").Count);
        Assert.Contains("first 20 of 500 rows", html, StringComparison.Ordinal);
        Assert.Contains("<details><summary>All rows (interactive)</summary>", html, StringComparison.Ordinal);
        Assert.Contains("first 20 of 500 rows", view.ToPlainText(), StringComparison.Ordinal);
    }
}
