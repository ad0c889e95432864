using System.Globalization;
using System.Net;
using System.Text;
using Summarizer.Requests;

namespace Summarizer.Interactive.Rendering;

/// <summary>
/// The summary card of a <see cref="SummaryResult"/>. An extractive summary shows the chosen sentences, method and
/// compression, and the source with the chosen sentences marked; an LLM summary shows the text, model and tokens, and
/// each sentence with the source sentences that support it (unsupported ones flagged). A long source is shown as
/// excerpts around the chosen sentences, so one card stays small whatever the article. Every article- or model-derived
/// string is HTML-encoded, so markup in them shows as text.
/// </summary>
public static class SummaryCard
{
    /// <summary>Most characters of the source a card shows; past this, only the chosen sentences and their
    /// neighbours are shown, with a note of what was left out.</summary>
    public const int MaxSourceChars = 20_000;

    private const string Box = "border:1px solid #d0d7de;border-radius:6px;padding:0.6em 0.9em;margin:0.3em 0;";

    /// <summary>The card as an HTML fragment.</summary>
    public static string ToHtml(SummaryResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Llm is null ? ExtractiveHtml(result) : LlmHtml(result);
    }

    /// <summary>The card as plain text, so saved notebooks and terminals read well.</summary>
    public static string ToPlainText(SummaryResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        if (result.Error is not null)
        {
            return $"Summary by {result.Method} failed: {result.Error}\n";
        }

        if (!string.IsNullOrWhiteSpace(result.Title))
        {
            text.Append(result.Title).Append('\n');
        }

        if (result.Llm is { } llm)
        {
            text.Append("LLM summary by ").Append(Origin(llm.Provider, llm.Model)).Append(" (").Append(Usage(llm)).Append("):\n")
                .Append(result.Text).Append('\n');
            foreach (var s in result.Sentences)
            {
                text.Append(s.Unsupported ? "! UNSUPPORTED: " : "- ").Append(s.Text).Append('\n');
                foreach (var source in s.Support)
                {
                    text.Append("    <- ").Append(source.Text).Append(string.Create(CultureInfo.InvariantCulture, $" ({source.Score:0.00})")).Append('\n');
                }
            }

            return text.ToString();
        }

        text.Append("Summary by ").Append(result.Method).Append(" (").Append(Describe(result)).Append("):\n");
        foreach (var s in result.Sentences)
        {
            text.Append("- ").Append(OneLine(s.Text)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The text written so far while an LLM summary streams in, as HTML.</summary>
    public static string ToHtml(LlmStreamingView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new StringBuilder("<div class=\"summarizer-llm-streaming\" style=\"").Append(Box).Append("\">")
            .Append("<div style=\"opacity:0.75;font-size:0.9em;\">Writing with ").Append(E(Origin(view.Provider, view.Model)))
            .Append("…</div><p style=\"white-space:pre-wrap;\">").Append(E(view.Text)).Append("</p></div>").ToString();
    }

    /// <summary>The text written so far, as plain text.</summary>
    public static string ToPlainText(LlmStreamingView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return $"Writing with {Origin(view.Provider, view.Model)}...\n{view.Text}";
    }

    /// <summary>"3 of 15 sentences, 21% of the words".</summary>
    internal static string Describe(SummaryResult result) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{result.Sentences.Count} of {result.SourceSentences} sentences, {result.Words} of {result.SourceWords} words ({result.Compression:P0})");

    private static string ExtractiveHtml(SummaryResult result)
    {
        var html = new StringBuilder();
        html.Append("<div class=\"summarizer-card\" style=\"").Append(Box).Append("\">");
        if (!string.IsNullOrWhiteSpace(result.Title))
        {
            html.Append("<div style=\"font-weight:600;margin-bottom:0.3em;\">").Append(E(result.Title)).Append("</div>");
        }

        html.Append("<div style=\"opacity:0.75;font-size:0.9em;margin-bottom:0.4em;\">Summary by <code>").Append(E(result.Method))
            .Append("</code> · ").Append(E(Describe(result))).Append("</div>");
        if (result.Error is not null)
        {
            return html.Append("<p><em>").Append(E(result.Error)).Append("</em></p></div>").ToString();
        }

        if (result.Sentences.Count == 0)
        {
            html.Append("<p><em>The text has no sentences to summarise.</em></p>");
        }
        else
        {
            html.Append("<ul class=\"summarizer-summary\" style=\"margin:0.2em 0 0.5em 1.2em;padding:0;\">");
            foreach (var s in result.Sentences)
            {
                html.Append("<li>").Append(E(OneLine(s.Text))).Append("</li>");
            }

            html.Append("</ul>");
        }

        if (result.Document is { } document)
        {
            html.Append("<details><summary>Source (").Append(document.Sentences.Count.ToString(CultureInfo.InvariantCulture))
                .Append(" sentences; chosen ones highlighted)</summary>")
                .Append("<div class=\"summarizer-source\" style=\"white-space:pre-wrap;margin-top:0.4em;\">");
            AppendSource(html, result);
            html.Append("</div></details>");
        }

        return html.Append("</div>").ToString();
    }

    private static string LlmHtml(SummaryResult result)
    {
        var llm = result.Llm!;
        var html = new StringBuilder();
        html.Append("<div class=\"summarizer-llm-card\" style=\"").Append(Box).Append("\">");
        if (!string.IsNullOrWhiteSpace(result.Title))
        {
            html.Append("<div style=\"font-weight:600;margin-bottom:0.3em;\">").Append(E(result.Title)).Append("</div>");
        }

        html.Append("<div style=\"opacity:0.75;font-size:0.9em;margin-bottom:0.4em;\">LLM summary · ")
            .Append(E(Origin(llm.Provider, llm.Model))).Append(" · ").Append(E(Usage(llm))).Append("</div>");
        html.Append("<p class=\"summarizer-llm-text\" style=\"white-space:pre-wrap;\">").Append(E(result.Text)).Append("</p>");
        if (result.Sentences.Count > 0)
        {
            html.Append("<details open><summary>Grounding (").Append(result.Sentences.Count.ToString(CultureInfo.InvariantCulture))
                .Append(" sentences, ").Append(result.Sentences.Count(s => s.Unsupported).ToString(CultureInfo.InvariantCulture))
                .Append(" unsupported)</summary><ol style=\"margin:0.3em 0 0 1.2em;padding:0;\">");
            foreach (var s in result.Sentences)
            {
                if (s.Unsupported)
                {
                    html.Append("<li class=\"summarizer-unsupported\" style=\"color:#b42318;\">").Append(E(s.Text))
                        .Append(" <strong>⚠ unsupported: no source sentence supports this</strong></li>");
                    continue;
                }

                html.Append("<li>").Append(E(s.Text)).Append("<ul style=\"opacity:0.8;font-size:0.9em;\">");
                foreach (var source in s.Support)
                {
                    html.Append("<li>").Append(E(OneLine(source.Text))).Append(" <code>")
                        .Append(source.Score.ToString("0.00", CultureInfo.InvariantCulture)).Append("</code></li>");
                }

                html.Append("</ul></li>");
            }

            html.Append("</ol></details>");
        }

        return html.Append("</div>").ToString();
    }

    // The whole body when it is short; otherwise each chosen sentence with one sentence either side, and a note of
    // how many sentences each gap leaves out.
    private static void AppendSource(StringBuilder html, SummaryResult result)
    {
        var document = result.Document!;
        var text = document.Text;
        var chosen = result.Indices.ToHashSet();
        var sentences = document.Sentences;
        var whole = document.Article.BodyEnd - document.Article.BodyStart <= MaxSourceChars;
        var shown = whole
            ? Enumerable.Range(0, sentences.Count).ToHashSet()
            : chosen.SelectMany(i => new[] { i - 1, i, i + 1 }).Where(i => i >= 0 && i < sentences.Count).ToHashSet();
        var at = document.Article.BodyStart;
        var skipped = 0;
        foreach (var sentence in sentences)
        {
            if (!shown.Contains(sentence.Index))
            {
                skipped++;
                at = Math.Max(at, sentence.End);
                continue;
            }

            if (skipped > 0)
            {
                html.Append("<div class=\"summarizer-omitted\" style=\"opacity:0.6;font-style:italic;\">[… ")
                    .Append(skipped.ToString(CultureInfo.InvariantCulture)).Append(skipped == 1 ? " sentence" : " sentences")
                    .Append(" not shown …]</div>");
                skipped = 0;
            }
            else if (sentence.Start > at)
            {
                html.Append(E(text[at..sentence.Start]));
            }

            var body = E(text[sentence.Start..sentence.End]);
            html.Append(chosen.Contains(sentence.Index) ? "<mark>" + body + "</mark>" : body);
            at = Math.Max(at, sentence.End);
        }

        if (skipped > 0)
        {
            html.Append("<div class=\"summarizer-omitted\" style=\"opacity:0.6;font-style:italic;\">[… ")
                .Append(skipped.ToString(CultureInfo.InvariantCulture)).Append(skipped == 1 ? " sentence" : " sentences")
                .Append(" not shown …]</div>");
        }
    }

    private static string OneLine(string text) => ExtractiveMethod.OneLine(text);

    private static string Origin(string? provider, string? model) =>
        (provider, model) switch
        {
            (null, null) => "an unnamed model",
            (null, _) => model!,
            (_, null) => provider!,
            _ => $"{provider} / {model}",
        };

    private static string Usage(LlmDetails llm)
    {
        var usage = string.Create(CultureInfo.InvariantCulture,
            $"{llm.Usage.InputTokens} prompt + {llm.Usage.OutputTokens} completion tokens");
        if (llm.FromCache)
        {
            usage += ", from cache";
        }

        if (llm.Cost is { } cost)
        {
            usage += string.Create(CultureInfo.InvariantCulture, $", cost {cost:0.####}");
        }

        return usage;
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
}

/// <summary>The summary so far while it streams in.</summary>
/// <param name="Text">The text received so far.</param>
/// <param name="Provider">The provider name.</param>
/// <param name="Model">The model or deployment.</param>
public sealed record LlmStreamingView(string Text, string? Provider, string? Model);
