using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Summarizer.Ingestion;

/// <summary>Plain text from an HTML fragment: block elements become line breaks, tags go, entities are decoded. The
/// patterns run without backtracking, so time stays linear in the input whatever its markup (a feed item full of
/// unclosed tags included).</summary>
internal static partial class HtmlText
{
    public static string ToPlainText(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var s = ScriptPattern().Replace(html, " ");
        s = BlockEndPattern().Replace(s, "\n\n");
        s = LineBreakPattern().Replace(s, "\n");
        s = TagPattern().Replace(s, "");
        s = WebUtility.HtmlDecode(s);
        var sb = new StringBuilder(s.Length);
        foreach (var line in s.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            sb.Append(SpacePattern().Replace(line, " ").Trim()).Append('\n');
        }

        return ArticleTextParser.CollapseBlankLines(sb.ToString());
    }

    [GeneratedRegex(@"<script\b[^>]*>.*?</script\s*>|<style\b[^>]*>.*?</style\s*>|<noscript\b[^>]*>.*?</noscript\s*>|<template\b[^>]*>.*?</template\s*>",
        RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.NonBacktracking)]
    private static partial Regex ScriptPattern();

    [GeneratedRegex(@"</(p|div|h[1-6]|li|blockquote|tr|section|article|header|footer|pre|figure|figcaption|ul|ol|table)\s*>|<(p|div|h[1-6]|li|blockquote|tr|section|article)\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex BlockEndPattern();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex LineBreakPattern();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.Singleline | RegexOptions.NonBacktracking)]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"[ \t\f\v\u00A0]+", RegexOptions.NonBacktracking)]
    private static partial Regex SpacePattern();
}
