using System.Globalization;
using System.Net;
using System.Text;
using Summarizer.Evaluation;
using Summarizer.Summarization;

namespace Summarizer.Interactive.Rendering;

/// <summary>Summaries of one text by several methods, shown side by side.</summary>
/// <param name="Summaries">One summary per method, all of the same document.</param>
public sealed record SummaryComparison(IReadOnlyList<ExtractiveSummary> Summaries)
{
    /// <summary>ROUGE scores against a reference, one per summary; null when no reference was given.</summary>
    public IReadOnlyList<RougeScores>? Scores { get; init; }

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

        if (Scores is not null)
        {
            foreach (var (label, pick) in Measures)
            {
                html.Append("</tr><tr><th>").Append(label).Append(" F</th>");
                foreach (var score in Scores)
                {
                    html.Append("<td>").Append(pick(score).F.ToString("0.000", CultureInfo.InvariantCulture)).Append("</td>");
                }
            }
        }

        html.Append("</tr></tbody></table>");
        return html.ToString();
    }

    /// <summary>One block per method.</summary>
    public string ToPlainText()
    {
        var text = new StringBuilder();
        for (var i = 0; i < Summaries.Count; i++)
        {
            text.Append(SummaryCard.ToPlainText(Summaries[i]));
            if (Scores is not null)
            {
                text.Append(string.Join("; ", Measures.Select(m => $"{m.Label} F {m.Pick(Scores[i]).F.ToString("0.000", CultureInfo.InvariantCulture)}"))).Append('\n');
            }

            text.Append('\n');
        }

        return text.ToString().TrimEnd() + "\n";
    }

    private static readonly (string Label, Func<RougeScores, RougeScore> Pick)[] Measures =
    [
        ("ROUGE-1", r => r.Rouge1),
        ("ROUGE-2", r => r.Rouge2),
        ("ROUGE-L", r => r.RougeL),
    ];

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
