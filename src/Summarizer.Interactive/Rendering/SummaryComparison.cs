using System.Globalization;
using System.Net;
using System.Text;
using Summarizer.Analysis;
using Summarizer.Evaluation;
using Summarizer.Requests;

namespace Summarizer.Interactive.Rendering;

/// <summary>
/// Several methods' summaries of one article as a sentence × method matrix: each source sentence is a row with a mark
/// under every method that chose it, so agreement and disagreement show at a glance.
/// </summary>
/// <param name="Document">The analysed article every summary was made from.</param>
/// <param name="Results">One summary per method.</param>
public sealed record SummaryComparison(Document Document, IReadOnlyList<SummaryResult> Results)
{
    /// <summary>Most source sentences a matrix lists; past this, only sentences some method chose (and the first few).</summary>
    public const int MaxRows = 60;

    /// <summary>ROUGE scores against a reference, one per result; null when no reference was given.</summary>
    public IReadOnlyList<RougeScores>? Scores { get; init; }

    private static readonly (string Label, Func<RougeScores, RougeScore> Pick)[] Measures =
    [
        ("ROUGE-1", r => r.Rouge1),
        ("ROUGE-2", r => r.Rouge2),
        ("ROUGE-L", r => r.RougeL),
    ];

    /// <summary>The rows shown: every sentence of a short article; for a long one, the chosen ones and the first few.</summary>
    public IReadOnlyList<int> Rows
    {
        get
        {
            var n = Document.Sentences.Count;
            if (n <= MaxRows)
            {
                return Enumerable.Range(0, n).ToArray();
            }

            return Results.SelectMany(r => r.Indices).Concat(Enumerable.Range(0, 5)).Distinct().Order().ToArray();
        }
    }

    /// <summary>The matrix as an HTML table that fits 800 px: a narrow column per method, the sentence text wrapping
    /// in the last column. Article text is HTML-encoded.</summary>
    public string ToHtml()
    {
        var chosen = Results.Select(r => r.Indices.ToHashSet()).ToArray();
        var html = new StringBuilder();
        html.Append("<table class=\"summarizer-comparison\" style=\"border-collapse:collapse;max-width:100%;font-size:0.9em;\"><thead><tr>")
            .Append("<th style=\"text-align:right;padding:2px 6px;\">#</th>");
        foreach (var r in Results)
        {
            html.Append("<th style=\"padding:2px 4px;writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;\"><code>")
                .Append(E(r.Method)).Append("</code></th>");
        }

        html.Append("<th style=\"text-align:left;padding:2px 6px;\">Sentence</th></tr></thead><tbody>");
        var previous = -1;
        foreach (var i in Rows)
        {
            if (i > previous + 1)
            {
                html.Append("<tr class=\"summarizer-omitted\"><td></td><td colspan=\"").Append(Results.Count + 1)
                    .Append("\" style=\"opacity:0.6;font-style:italic;\">… ").Append((i - previous - 1).ToString(CultureInfo.InvariantCulture))
                    .Append(" sentences no method chose …</td></tr>");
            }

            previous = i;
            var votes = chosen.Count(c => c.Contains(i));
            var weight = votes == 0 ? "" : $"background:rgba(255,200,0,{Math.Min(0.15 + (0.6 * votes / Results.Count), 0.75).ToString("0.00", CultureInfo.InvariantCulture)});";
            html.Append("<tr style=\"border-top:1px solid #eaeef2;\"><td style=\"text-align:right;padding:2px 6px;vertical-align:top;\">")
                .Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append("</td>");
            foreach (var c in chosen)
            {
                html.Append(c.Contains(i)
                    ? "<td class=\"summarizer-chosen\" style=\"text-align:center;vertical-align:top;\" title=\"chosen\">●</td>"
                    : "<td style=\"text-align:center;vertical-align:top;opacity:0.25;\">·</td>");
            }

            html.Append("<td style=\"padding:2px 6px;").Append(weight).Append("\">")
                .Append(E(ExtractiveMethod.OneLine(Document.Sentences[i].Text))).Append("</td></tr>");
        }

        if (previous < Document.Sentences.Count - 1)
        {
            html.Append("<tr class=\"summarizer-omitted\"><td></td><td colspan=\"").Append(Results.Count + 1)
                .Append("\" style=\"opacity:0.6;font-style:italic;\">… ").Append((Document.Sentences.Count - previous - 1).ToString(CultureInfo.InvariantCulture))
                .Append(" more sentences no method chose …</td></tr>");
        }

        html.Append("</tbody><tfoot>");
        AppendFooter(html, "words", Results.Select(r => r.Words.ToString(CultureInfo.InvariantCulture)));
        if (Scores is not null)
        {
            foreach (var (label, pick) in Measures)
            {
                AppendFooter(html, label + " F", Scores.Select(s => (pick(s).F * 100).ToString("0.0", CultureInfo.InvariantCulture)));
            }
        }

        return html.Append("</tfoot></table>").ToString();
    }

    /// <summary>The matrix as text: a row per sentence, an <c>x</c> per method that chose it.</summary>
    public string ToPlainText()
    {
        var chosen = Results.Select(r => r.Indices.ToHashSet()).ToArray();
        var text = new StringBuilder();
        text.Append("Methods: ").Append(string.Join(", ", Results.Select((r, k) => $"{k + 1}={r.Method}"))).Append('\n');
        foreach (var i in Rows)
        {
            text.Append((i + 1).ToString(CultureInfo.InvariantCulture).PadLeft(3)).Append(' ');
            foreach (var c in chosen)
            {
                text.Append(c.Contains(i) ? 'x' : '.');
            }

            var sentence = ExtractiveMethod.OneLine(Document.Sentences[i].Text);
            text.Append("  ").Append(sentence.Length > 100 ? sentence[..99] + "…" : sentence).Append('\n');
        }

        if (Scores is not null)
        {
            for (var k = 0; k < Results.Count; k++)
            {
                text.Append(Results[k].Method).Append(": ")
                    .Append(string.Join("; ", Measures.Select(m => $"{m.Label} F {(m.Pick(Scores[k]).F * 100).ToString("0.0", CultureInfo.InvariantCulture)}")))
                    .Append('\n');
            }
        }

        return text.ToString();
    }

    private static void AppendFooter(StringBuilder html, string label, IEnumerable<string> values)
    {
        html.Append("<tr style=\"border-top:1px solid #d0d7de;\"><td style=\"text-align:right;padding:2px 6px;\"></td>");
        foreach (var v in values)
        {
            html.Append("<td style=\"text-align:center;font-size:0.85em;\">").Append(E(v)).Append("</td>");
        }

        html.Append("<td style=\"padding:2px 6px;opacity:0.75;\">").Append(E(label)).Append("</td></tr>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
