using System.Globalization;
using System.Net;
using System.Text;
using Summarizer.Summarization;

namespace Summarizer.Interactive.Rendering;

/// <summary>Summaries of one text by several methods, shown side by side.</summary>
/// <param name="Summaries">One summary per method, all of the same document.</param>
public sealed record SummaryComparison(IReadOnlyList<ExtractiveSummary> Summaries)
{
    /// <summary>A table with one column per method; article text is HTML-encoded.</summary>
    public string ToHtml()
    {
        var html = new StringBuilder();
        html.Append("<table class=\"summarizer-comparison\"><thead><tr><th></th>");
        foreach (var s in Summaries)
        {
            html.Append("<th><code>").Append(E(s.Method)).Append("</code></th>");
        }

        html.Append("</tr></thead><tbody><tr><th>Summary</th>");
        foreach (var s in Summaries)
        {
            html.Append("<td style=\"vertical-align:top;\"><ul style=\"margin:0;padding-left:1.1em;\">");
            foreach (var sentence in s.Sentences)
            {
                html.Append("<li>").Append(E(s.Document.Sentences[sentence.Index].Text)).Append("</li>");
            }

            html.Append("</ul></td>");
        }

        html.Append("</tr><tr><th>Sentences</th>");
        foreach (var s in Summaries)
        {
            html.Append("<td>").Append(E(string.Join(", ", s.Indices.Select(i => (i + 1).ToString(CultureInfo.InvariantCulture))))).Append("</td>");
        }

        html.Append("</tr><tr><th>Compression</th>");
        foreach (var s in Summaries)
        {
            html.Append("<td>").Append(E(SummaryCard.Describe(s))).Append("</td>");
        }

        html.Append("</tr></tbody></table>");
        return html.ToString();
    }

    /// <summary>One block per method.</summary>
    public string ToPlainText()
    {
        var text = new StringBuilder();
        foreach (var s in Summaries)
        {
            text.Append(SummaryCard.ToPlainText(s)).Append('\n');
        }

        return text.ToString().TrimEnd() + "\n";
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
