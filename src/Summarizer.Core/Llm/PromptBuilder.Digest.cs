using System.Globalization;
using System.Text;
using Microsoft.Extensions.AI;

namespace Summarizer.Llm;

/// <summary>The digest of a story told by several articles.</summary>
internal static partial class PromptBuilder
{
    public const string DigestSystemPrompt =
        "You write digests of news stories from several articles, faithfully. State only facts found in the articles; keep "
        + "names, numbers and dates exact; where the articles disagree, say so; do not add opinions or outside knowledge. "
        + "Answer with the digest only, no preamble.";

    /// <summary>One article of a digest: its date, title and text (or a summary of it).</summary>
    public sealed record DigestPart(DateTimeOffset? Date, string? Title, string Text);

    /// <summary>
    /// Messages asking for a digest of one story from <paramref name="parts"/>, oldest first. <paramref name="fromSummaries"/>
    /// says the parts are summaries of the articles rather than the articles themselves.
    /// </summary>
    public static IList<ChatMessage> Digest(LlmOptions options, IReadOnlyList<DigestPart> parts, bool fromSummaries)
    {
        var words = options.EffectiveTargetWords;
        var block = DigestBlock(parts, fromSummaries);
        string user;
        if (options.PromptTemplate is not null)
        {
            user = Fill(options.PromptTemplate, block, parts.FirstOrDefault(p => p.Title is not null)?.Title, words, options.Language, options.Style);
        }
        else
        {
            var sb = new StringBuilder();
            sb.Append(CultureInfo.InvariantCulture,
                $"The texts below are {parts.Count} {(fromSummaries ? "summaries of news articles" : "news articles")} on one story, oldest first, each with its date and title. ");
            sb.Append(DigestInstruction(options.Style, words)).Append(' ');
            sb.Append(LanguageInstruction(options.Language)).Append("\n\n").Append(block);
            user = sb.ToString();
        }

        return [new ChatMessage(ChatRole.System, DigestSystemPrompt), new ChatMessage(ChatRole.User, user)];
    }

    private static string DigestInstruction(SummaryStyle style, int words) => style switch
    {
        SummaryStyle.Bullets => $"Write a digest of the story as 3 to 6 bullet points in the order things happened, each starting with \"- \" and stating one development, about {words} words in all.",
        SummaryStyle.Headline => $"Write one headline for the whole story, at most {words} words, with no final full stop.",
        SummaryStyle.Tldr => $"Write a one-sentence TL;DR of the whole story, at most {words} words.",
        _ => $"Write a digest of the story in one paragraph of about {words} words: what happened, in the order it happened, ending with the latest state of affairs. Mention each fact once, however many articles report it.",
    };

    private static string DigestBlock(IReadOnlyList<DigestPart> parts, bool fromSummaries)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            sb.Append(fromSummaries ? "Summary of article " : "Article ").Append((i + 1).ToString(CultureInfo.InvariantCulture));
            if (part.Date is { } date)
            {
                sb.Append(" (").Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(')');
            }

            if (!string.IsNullOrWhiteSpace(part.Title))
            {
                sb.Append(": ").Append(part.Title.Trim());
            }

            sb.Append('\n').Append(part.Text.Trim()).Append("\n\n");
        }

        return sb.ToString().TrimEnd();
    }
}
