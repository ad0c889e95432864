using System.Globalization;
using System.Net;
using System.Text;
using Summarizer.Llm;

namespace Summarizer.Interactive.Rendering;

/// <summary>An LLM summary with the provider that wrote it, as the notebook shows it.</summary>
/// <param name="Summary">The summary.</param>
/// <param name="Provider">The provider name (<c>azure</c>, <c>openai</c>).</param>
public sealed record LlmSummaryView(LlmSummary Summary, string? Provider);

/// <summary>The summary so far while it streams in.</summary>
/// <param name="Text">The text received so far.</param>
/// <param name="Provider">The provider name.</param>
/// <param name="Model">The model or deployment.</param>
public sealed record LlmStreamingView(string Text, string? Provider, string? Model);

/// <summary>
/// The LLM summary card: the summary, provider and model, token usage, and each summary sentence with the source
/// sentences that support it; unsupported sentences are flagged. Every model- or article-derived string is HTML-encoded.
/// </summary>
public static class LlmSummaryCard
{
    private const string Box = "border:1px solid #d0d7de;border-radius:6px;padding:0.6em 0.9em;margin:0.3em 0;";

    /// <summary>The card as an HTML fragment.</summary>
    public static string ToHtml(LlmSummaryView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var s = view.Summary;
        var html = new StringBuilder();
        html.Append("<div class=\"summarizer-llm-card\" style=\"").Append(Box).Append("\">");
        html.Append("<div style=\"opacity:0.75;font-size:0.9em;margin-bottom:0.4em;\">LLM summary · ")
            .Append(E(Origin(view.Provider, s.Model))).Append(" · ").Append(E(Usage(s))).Append("</div>");
        html.Append("<p class=\"summarizer-llm-text\" style=\"white-space:pre-wrap;\">").Append(E(s.Text)).Append("</p>");
        if (s.Grounding.Count > 0)
        {
            html.Append("<details open><summary>Grounding (").Append(s.Grounding.Count.ToString(CultureInfo.InvariantCulture))
                .Append(" sentences, ").Append(s.UnsupportedSentences.Count.ToString(CultureInfo.InvariantCulture))
                .Append(" unsupported)</summary><ol style=\"margin:0.3em 0 0 1.2em;padding:0;\">");
            foreach (var g in s.Grounding)
            {
                if (g.Unsupported)
                {
                    html.Append("<li class=\"summarizer-unsupported\" style=\"color:#b42318;\">").Append(E(g.Text))
                        .Append(" <strong>⚠ unsupported: no source sentence supports this</strong></li>");
                    continue;
                }

                html.Append("<li>").Append(E(g.Text)).Append("<ul style=\"opacity:0.8;font-size:0.9em;\">");
                foreach (var source in g.Sources)
                {
                    html.Append("<li>").Append(E(source.Text)).Append(" <code>")
                        .Append(source.Score.ToString("0.00", CultureInfo.InvariantCulture)).Append("</code></li>");
                }

                html.Append("</ul></li>");
            }

            html.Append("</ol></details>");
        }

        return html.Append("</div>").ToString();
    }

    /// <summary>The card as plain text.</summary>
    public static string ToPlainText(LlmSummaryView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var s = view.Summary;
        var text = new StringBuilder();
        text.Append("LLM summary by ").Append(Origin(view.Provider, s.Model)).Append(" (").Append(Usage(s)).Append("):\n")
            .Append(s.Text.Trim()).Append('\n');
        foreach (var g in s.Grounding)
        {
            text.Append(g.Unsupported ? "! UNSUPPORTED: " : "- ").Append(g.Text).Append('\n');
            foreach (var source in g.Sources)
            {
                text.Append("    <- ").Append(source.Text)
                    .Append(string.Create(CultureInfo.InvariantCulture, $" ({source.Score:0.00})")).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>The text so far, as HTML.</summary>
    public static string ToHtml(LlmStreamingView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new StringBuilder("<div class=\"summarizer-llm-streaming\" style=\"").Append(Box).Append("\">")
            .Append("<div style=\"opacity:0.75;font-size:0.9em;\">Writing with ").Append(E(Origin(view.Provider, view.Model)))
            .Append("…</div><p style=\"white-space:pre-wrap;\">").Append(E(view.Text)).Append("</p></div>").ToString();
    }

    /// <summary>The text so far, as plain text.</summary>
    public static string ToPlainText(LlmStreamingView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return $"Writing with {Origin(view.Provider, view.Model)}...\n{view.Text}";
    }

    private static string Origin(string? provider, string? model) =>
        (provider, model) switch
        {
            (null, null) => "an unnamed model",
            (null, _) => model!,
            (_, null) => provider!,
            _ => $"{provider} / {model}",
        };

    private static string Usage(LlmSummary s)
    {
        var usage = string.Create(CultureInfo.InvariantCulture,
            $"{s.Usage.InputTokens} prompt + {s.Usage.OutputTokens} completion tokens");
        if (s.FromCache)
        {
            usage += ", from cache";
        }

        if (s.Cost is { } cost)
        {
            usage += string.Create(CultureInfo.InvariantCulture, $", cost {cost:0.####}");
        }

        return usage;
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
}
