using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Summarizer.Cli.Notebooks;

/// <summary>
/// Renders a small, safe subset of markdown to HTML: headings, paragraphs, bullet and numbered lists, fenced code,
/// block quotes, inline code, bold, italic and links. Every piece of text is HTML-escaped first; raw HTML in the
/// markdown shows as text, and links keep only http, https, mailto, in-page and relative targets.
/// </summary>
internal static partial class SafeMarkdown
{
    /// <summary>Renders <paramref name="markdown"/> as an HTML fragment.</summary>
    public static string ToHtml(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var html = new StringBuilder();
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var paragraph = new List<string>();
        string? openList = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                Flush();
                var fence = new StringBuilder();
                for (i++; i < lines.Length && !lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal); i++)
                {
                    fence.Append(lines[i]).Append('\n');
                }

                html.Append("<pre><code>").Append(Encode(fence.ToString())).Append("</code></pre>\n");
                continue;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                Flush();
                continue;
            }

            var heading = Heading().Match(line);
            if (heading.Success)
            {
                Flush();
                var level = heading.Groups[1].Value.Length;
                html.Append("<h").Append(level).Append('>').Append(Inline(heading.Groups[2].Value.Trim()))
                    .Append("</h").Append(level).Append(">\n");
                continue;
            }

            var bullet = Bullet().Match(line);
            var numbered = Numbered().Match(line);
            if (bullet.Success || numbered.Success)
            {
                FlushParagraph();
                var tag = bullet.Success ? "ul" : "ol";
                if (openList != tag)
                {
                    CloseList();
                    html.Append('<').Append(tag).Append(">\n");
                    openList = tag;
                }

                var item = bullet.Success ? bullet.Groups[1].Value : numbered.Groups[1].Value;
                html.Append("<li>").Append(Inline(item.Trim())).Append("</li>\n");
                continue;
            }

            if (line.StartsWith('>'))
            {
                Flush();
                html.Append("<blockquote>").Append(Inline(line.TrimStart('>').Trim())).Append("</blockquote>\n");
                continue;
            }

            if (openList is not null && (line.StartsWith("  ", StringComparison.Ordinal) || line.StartsWith('\t')))
            {
                // A continuation line of the last list item.
                html.Length -= "</li>\n".Length;
                html.Append(' ').Append(Inline(line.Trim())).Append("</li>\n");
                continue;
            }

            CloseList();
            paragraph.Add(line.Trim());
        }

        Flush();
        return html.ToString();

        void FlushParagraph()
        {
            if (paragraph.Count > 0)
            {
                html.Append("<p>").Append(Inline(string.Join(' ', paragraph))).Append("</p>\n");
                paragraph.Clear();
            }
        }

        void CloseList()
        {
            if (openList is not null)
            {
                html.Append("</").Append(openList).Append(">\n");
                openList = null;
            }
        }

        void Flush()
        {
            FlushParagraph();
            CloseList();
        }
    }

    /// <summary>The first heading's text (markdown markers removed, not escaped), or null.</summary>
    public static string? FirstHeading(string markdown)
    {
        foreach (var line in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var heading = Heading().Match(line);
            if (heading.Success)
            {
                return InlineMarkers().Replace(heading.Groups[2].Value.Trim(), string.Empty);
            }
        }

        return null;
    }

    private static string Inline(string text)
    {
        // Code spans first so their content is not read as emphasis or links.
        var parts = text.Split('`');
        var html = new StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            if (i % 2 == 1 && i < parts.Length - 1)
            {
                html.Append("<code>").Append(Encode(parts[i])).Append("</code>");
            }
            else
            {
                var segment = i % 2 == 1 ? "`" + parts[i] : parts[i];
                html.Append(Emphasis(segment));
            }
        }

        return html.ToString();
    }

    private static string Emphasis(string text)
    {
        var encoded = Encode(text);
        encoded = Link().Replace(encoded, m =>
        {
            var label = m.Groups[1].Value;
            var target = WebUtility.HtmlDecode(m.Groups[2].Value).Trim();
            return IsSafeTarget(target)
                ? $"<a href=\"{Encode(target)}\">{label}</a>"
                : m.Value;
        });
        encoded = Bold().Replace(encoded, "<strong>$1</strong>");
        encoded = Italic().Replace(encoded, "<em>$1</em>");
        return encoded;
    }

    private static bool IsSafeTarget(string target)
    {
        if (target.StartsWith('#'))
        {
            return true;
        }

        var colon = target.IndexOf(':', StringComparison.Ordinal);
        var slash = target.IndexOf('/', StringComparison.Ordinal);
        if (colon < 0 || (slash >= 0 && slash < colon))
        {
            // Relative; reject anything whose scheme is hidden by control characters or whitespace.
            return !target.Any(c => char.IsControl(c) || char.IsWhiteSpace(c));
        }

        var scheme = target[..colon];
        return scheme.Equals("http", StringComparison.OrdinalIgnoreCase)
               || scheme.Equals("https", StringComparison.OrdinalIgnoreCase)
               || scheme.Equals("mailto", StringComparison.OrdinalIgnoreCase);
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    [GeneratedRegex(@"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s{0,3}[-*+]\s+(.*)$")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^\s{0,3}\d{1,9}[.)]\s+(.*)$")]
    private static partial Regex Numbered();

    [GeneratedRegex(@"\[([^\]]+)\]\(([^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"(?<![\w*])[*_](?![\s*_])(.+?)(?<![\s*_])[*_](?![\w*])")]
    private static partial Regex Italic();

    [GeneratedRegex(@"[*_`]")]
    private static partial Regex InlineMarkers();
}
