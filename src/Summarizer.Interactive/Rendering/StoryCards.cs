using System.Globalization;
using System.Net;
using System.Text;
using Summarizer.Requests;
using Summarizer.Stories;

namespace Summarizer.Interactive.Rendering;

/// <summary>
/// The cards of <c>#!stories</c>: one per story with its headline, date span, article count (copies apart), key
/// phrases and entities, its summary with each sentence attributed to its article, and a collapsible list of its
/// articles. Every article- or model-derived string is HTML-encoded.
/// </summary>
/// <param name="Results">The stories to show, in order.</param>
/// <param name="Total">How many stories there are in all (more than shown when the list was cut).</param>
public sealed record StoryCards(IReadOnlyList<StoryResult> Results, int Total)
{
    private const string Box = "border:1px solid #d0d7de;border-radius:6px;padding:0.6em 0.9em;margin:0.4em 0;";

    /// <summary>The cards as one HTML fragment.</summary>
    public string ToHtml()
    {
        var html = new StringBuilder("<div class=\"summarizer-stories\">");
        foreach (var result in Results)
        {
            Card(html, result);
        }

        if (Total > Results.Count)
        {
            html.Append("<div style=\"opacity:0.7;font-size:0.85em;\">").Append(E(More())).Append("</div>");
        }

        return html.Append("</div>").ToString();
    }

    /// <summary>The cards as plain text.</summary>
    public string ToPlainText()
    {
        var text = new StringBuilder();
        foreach (var (story, summary) in Results)
        {
            text.Append(story.Id).Append(": ").Append(story.Headline).Append(" (").Append(Describe(story)).Append(")\n");
            if (story.Keyphrases.Count > 0)
            {
                text.Append("  key phrases: ").Append(string.Join(", ", story.Keyphrases)).Append('\n');
            }

            if (story.Entities.Count > 0)
            {
                text.Append("  who and where: ").Append(string.Join(", ", story.Entities.Select(e => e.Entity))).Append('\n');
            }

            if (summary.Error is not null)
            {
                text.Append("  error: ").Append(summary.Error).Append('\n');
            }
            else if (summary.Llm is not null)
            {
                text.Append("  ").Append(summary.Text).Append('\n');
            }
            else
            {
                foreach (var sentence in summary.Sentences)
                {
                    text.Append("  - ").Append(ExtractiveMethod.OneLine(sentence.Text)).Append(" [").Append(Source(story, sentence.ArticleId)).Append("]\n");
                }
            }

            foreach (var a in story.Articles)
            {
                text.Append("    ").Append(Day(a.Article.Date) ?? "undated").Append("  ").Append(a.Article.Title ?? a.Article.Id)
                    .Append(Copies(a)).Append('\n');
            }

            text.Append('\n');
        }

        if (Total > Results.Count)
        {
            text.Append(More()).Append('\n');
        }

        return text.ToString();
    }

    private static void Card(StringBuilder html, StoryResult result)
    {
        var (story, summary) = result;
        html.Append("<div class=\"summarizer-story-card\" style=\"").Append(Box).Append("\">")
            .Append("<div style=\"font-weight:600;\">").Append(E(story.Id)).Append(" · ").Append(E(story.Headline)).Append("</div>")
            .Append("<div style=\"opacity:0.75;font-size:0.9em;margin:0.2em 0 0.4em;\">").Append(E(Describe(story)));
        if (story.Keyphrases.Count > 0)
        {
            html.Append(" · ").Append(E(string.Join(", ", story.Keyphrases)));
        }

        html.Append("</div>");
        if (story.Entities.Count > 0)
        {
            html.Append("<div style=\"font-size:0.9em;margin-bottom:0.3em;\">Who and where: ")
                .Append(E(string.Join(", ", story.Entities.Select(e => e.Entity)))).Append("</div>");
        }

        if (summary.Error is not null)
        {
            html.Append("<p><em>").Append(E(summary.Error)).Append("</em></p>");
        }
        else if (summary.Llm is not null)
        {
            html.Append("<p class=\"summarizer-llm-text\" style=\"white-space:pre-wrap;\">").Append(E(summary.Text)).Append("</p>")
                .Append("<details><summary>Grounding (").Append(Count(summary.Sentences.Count, "sentence")).Append(", ")
                .Append(summary.Sentences.Count(s => s.Unsupported).ToString(CultureInfo.InvariantCulture)).Append(" unsupported)</summary><ol>");
            foreach (var s in summary.Sentences)
            {
                html.Append(s.Unsupported ? "<li class=\"summarizer-unsupported\" style=\"color:#b42318;\">" : "<li>").Append(E(s.Text));
                if (s.Unsupported)
                {
                    html.Append(" <strong>⚠ unsupported: no article sentence supports this</strong>");
                }

                html.Append("<ul style=\"opacity:0.8;font-size:0.9em;\">");
                foreach (var support in s.Support)
                {
                    html.Append("<li>").Append(E(ExtractiveMethod.OneLine(support.Text))).Append(" <em>(")
                        .Append(E(Source(story, support.ArticleId))).Append(")</em></li>");
                }

                html.Append("</ul></li>");
            }

            html.Append("</ol></details>");
        }
        else
        {
            html.Append("<ul class=\"summarizer-story-summary\" style=\"margin:0.2em 0 0.5em 1.2em;padding:0;\">");
            foreach (var s in summary.Sentences)
            {
                html.Append("<li>").Append(E(ExtractiveMethod.OneLine(s.Text)))
                    .Append(" <span class=\"summarizer-attribution\" style=\"opacity:0.7;font-size:0.9em;\">— ")
                    .Append(E(Source(story, s.ArticleId))).Append("</span></li>");
            }

            html.Append("</ul>");
        }

        html.Append("<details><summary>Articles (").Append(E(Describe(story))).Append(")</summary><ol style=\"margin:0.3em 0 0 1.2em;padding:0;\">");
        foreach (var a in story.Articles)
        {
            html.Append("<li>").Append(E(Day(a.Article.Date) ?? "undated")).Append(" · ").Append(E(a.Article.Title ?? a.Article.Id));
            if (a.Article.Source is { } source)
            {
                html.Append(" <span style=\"opacity:0.7;\">(").Append(E(source)).Append(")</span>");
            }

            html.Append(E(Copies(a))).Append("</li>");
        }

        html.Append("</ol></details></div>");
    }

    private string More() => $"Showing {Results.Count} of {Total} stories; the DataFrame holds them all.";

    private static string Describe(Story story)
    {
        var text = Count(story.Articles.Count, "article");
        if (story.CopyCount > 0)
        {
            text += ", " + Count(story.CopyCount, "copy", "copies");
        }

        return text + " · " + (story.First is null ? "undated" : story.First.Value.Date == story.Last!.Value.Date
            ? Day(story.First)! : $"{Day(story.First)} to {Day(story.Last)}");
    }

    private static string Copies(StoryArticle article) =>
        article.Copies.Count == 0 ? "" : $" (copies: {string.Join(", ", article.Copies.Select(c => c.Id))})";

    private static string Source(Story story, string? articleId)
    {
        var article = story.Articles.FirstOrDefault(a => a.Article.Id == articleId)?.Article;
        if (article is null)
        {
            return articleId ?? "";
        }

        var name = article.Title ?? article.Source ?? article.Id;
        return article.Date is null ? name : $"{name}, {Day(article.Date)}";
    }

    private static string Count(int n, string one, string? many = null) =>
        n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many ?? one + "s");

    private static string? Day(DateTimeOffset? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
}
