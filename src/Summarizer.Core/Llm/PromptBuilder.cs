using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace Summarizer.Llm;

/// <summary>Builds the chat messages for a summary, a chunk summary (map) or a summary of summaries (reduce).</summary>
internal static partial class PromptBuilder
{
    private static readonly string[] Placeholders = ["text", "title", "words", "language", "style"];

    public const string SystemPrompt =
        "You summarise news articles faithfully. State only facts found in the article; keep names, numbers and dates "
        + "exact; do not add opinions or outside knowledge. Answer with the summary only, no preamble.";

    public static void ValidateTemplate(string template)
    {
        if (TemplateProblem(template) is { } problem)
        {
            throw new ArgumentException(problem);
        }
    }

    /// <summary>What is wrong with <paramref name="template"/>, or null when it is usable.</summary>
    public static string? TemplateProblem(string template)
    {
        var found = Placeholder().Matches(Unescape(template)).Select(m => m.Groups[1].Value).ToList();
        var unknown = found.Where(p => !Placeholders.Contains(p, StringComparer.OrdinalIgnoreCase)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            return $"Prompt template has unknown placeholder(s) {string.Join(", ", unknown.Select(u => "{" + u + "}"))}; "
                + $"known: {string.Join(", ", Placeholders.Select(p => "{" + p + "}"))}.";
        }

        return found.Contains("text", StringComparer.OrdinalIgnoreCase)
            ? null
            : "Prompt template must contain {text}, where the article goes.";
    }

    /// <summary>Messages asking for the final summary of <paramref name="text"/>.</summary>
    public static IList<ChatMessage> Summary(LlmOptions options, string text, string? title, bool fromParts)
    {
        var words = options.EffectiveTargetWords;
        string user;
        if (options.PromptTemplate is not null)
        {
            user = Fill(options.PromptTemplate, text, title, words, options.Language, options.Style);
        }
        else
        {
            var sb = new StringBuilder();
            sb.Append(StyleInstruction(options.Style, words)).Append(' ');
            sb.Append(LanguageInstruction(options.Language));
            if (fromParts)
            {
                sb.Append("\nThe text below is a sequence of summaries of consecutive parts of one article; summarise the whole article from them.");
            }

            sb.Append("\n\n");
            if (!string.IsNullOrWhiteSpace(title))
            {
                sb.Append("Title: ").Append(title.Trim()).Append("\n\n");
            }

            sb.Append("Article:\n").Append(text);
            user = sb.ToString();
        }

        return [new ChatMessage(ChatRole.System, SystemPrompt), new ChatMessage(ChatRole.User, user)];
    }

    /// <summary>Messages asking for a summary of one part of a long article, to be combined later.</summary>
    public static IList<ChatMessage> Part(LlmOptions options, string text, string? title, int part, int parts, int words)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture,
            $"This is part {part} of {parts} of a long article. Summarise this part in about {words} words, keeping every key fact, name, number and date. ");
        sb.Append(LanguageInstruction(options.Language)).Append("\n\n");
        if (!string.IsNullOrWhiteSpace(title))
        {
            sb.Append("Title: ").Append(title.Trim()).Append("\n\n");
        }

        sb.Append("Part:\n").Append(text);
        return [new ChatMessage(ChatRole.System, SystemPrompt), new ChatMessage(ChatRole.User, sb.ToString())];
    }

    private static string StyleInstruction(SummaryStyle style, int words) => style switch
    {
        SummaryStyle.Bullets => $"Summarise the article as 3 to 5 bullet points, each starting with \"- \" and stating one fact, about {words} words in all.",
        SummaryStyle.Headline => $"Write one headline for the article, at most {words} words, with no final full stop.",
        SummaryStyle.Tldr => $"Write a one-sentence TL;DR of the article, at most {words} words.",
        _ => $"Summarise the article in one paragraph of about {words} words.",
    };

    private static string LanguageInstruction(string? language) => string.IsNullOrWhiteSpace(language)
        ? "Write in the language of the article."
        : $"Write in {language.Trim()}.";

    private static string Fill(string template, string text, string? title, int words, string? language, SummaryStyle style)
    {
        // Escaped braces are swapped out first so "{{text}}" stays literal.
        const string Open = "\u0001", Close = "\u0002";
        var t = template.Replace("{{", Open, StringComparison.Ordinal).Replace("}}", Close, StringComparison.Ordinal);
        t = Placeholder().Replace(t, m => m.Groups[1].Value.ToLowerInvariant() switch
        {
            "text" => text,
            "title" => title ?? string.Empty,
            "words" => words.ToString(CultureInfo.InvariantCulture),
            "language" => string.IsNullOrWhiteSpace(language) ? "the language of the article" : language.Trim(),
            "style" => style.ToString().ToLowerInvariant(),
            _ => m.Value,
        });
        return t.Replace(Open, "{", StringComparison.Ordinal).Replace(Close, "}", StringComparison.Ordinal);
    }

    private static string Unescape(string template) =>
        template.Replace("{{", string.Empty, StringComparison.Ordinal).Replace("}}", string.Empty, StringComparison.Ordinal);

    [GeneratedRegex(@"\{([A-Za-z_]+)\}")]
    private static partial Regex Placeholder();
}
