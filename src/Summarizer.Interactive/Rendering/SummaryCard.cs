using System.Globalization;
using System.Net;
using System.Text;
using Summarizer.Summarization;

namespace Summarizer.Interactive.Rendering;

/// <summary>
/// The summary card: the chosen sentences, method and compression, and the source with the chosen sentences
/// highlighted. Every article-derived string is HTML-encoded, so markup in an article shows as text.
/// </summary>
public static class SummaryCard
{
    /// <summary>The card as an HTML fragment.</summary>
    public static string ToHtml(ExtractiveSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var doc = summary.Document;
        var html = new StringBuilder();
        html.Append("<div class=\"summarizer-card\" style=\"border:1px solid #d0d7de;border-radius:6px;padding:0.6em 0.9em;margin:0.3em 0;\">");
        if (!string.IsNullOrWhiteSpace(doc.Article.Title))
        {
            html.Append("<div style=\"font-weight:600;margin-bottom:0.3em;\">").Append(E(doc.Article.Title)).Append("</div>");
        }

        html.Append("<div style=\"opacity:0.75;font-size:0.9em;margin-bottom:0.4em;\">Summary by <code>").Append(E(summary.Method))
            .Append("</code> · ").Append(Describe(summary)).Append("</div>");
        if (summary.Sentences.Count == 0)
        {
            html.Append("<p><em>The text has no sentences to summarise.</em></p>");
        }
        else
        {
            html.Append("<ul class=\"summarizer-summary\" style=\"margin:0.2em 0 0.5em 1.2em;padding:0;\">");
            foreach (var s in summary.Sentences)
            {
                html.Append("<li>").Append(E(doc.Sentences[s.Index].Text)).Append("</li>");
            }

            html.Append("</ul>");
        }

        html.Append("<details><summary>Source (").Append(doc.Sentences.Count.ToString(CultureInfo.InvariantCulture))
            .Append(" sentences; chosen ones highlighted)</summary>")
            .Append("<div class=\"summarizer-source\" style=\"white-space:pre-wrap;margin-top:0.4em;\">");
        AppendHighlightedSource(html, summary);
        html.Append("</div></details></div>");
        return html.ToString();
    }

    /// <summary>The card as plain text, so saved notebooks and terminals read well.</summary>
    public static string ToPlainText(ExtractiveSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var text = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(summary.Document.Article.Title))
        {
            text.Append(summary.Document.Article.Title).Append('\n');
        }

        text.Append("Summary by ").Append(summary.Method).Append(" (").Append(Describe(summary)).Append("):\n");
        foreach (var s in summary.Sentences)
        {
            text.Append("- ").Append(summary.Document.Sentences[s.Index].Text).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>"3 of 15 sentences, 21% of the words".</summary>
    internal static string Describe(ExtractiveSummary summary) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{summary.Sentences.Count} of {summary.Document.Sentences.Count} sentences, {summary.WordCount} of {summary.Document.WordCount} words ({summary.Compression:P0})");

    private static void AppendHighlightedSource(StringBuilder html, ExtractiveSummary summary)
    {
        var doc = summary.Document;
        var text = doc.Text;
        var chosen = summary.Indices.ToHashSet();
        var at = 0;
        foreach (var sentence in doc.Sentences)
        {
            if (sentence.Start > at)
            {
                html.Append(E(text[at..sentence.Start]));
            }

            var body = E(text[sentence.Start..sentence.End]);
            if (chosen.Contains(sentence.Index))
            {
                html.Append("<mark>").Append(body).Append("</mark>");
            }
            else
            {
                html.Append(body);
            }

            at = Math.Max(at, sentence.End);
        }

        if (at < text.Length)
        {
            html.Append(E(text[at..]));
        }
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
}
