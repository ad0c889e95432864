using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Summarizer.Ingestion;

/// <summary>The parts of a plain-text or Markdown article: headline, byline, date, dateline place and body.</summary>
internal sealed record ParsedText(string Body, string? Title, string? Byline, DateTimeOffset? Date, string? Place);

/// <summary>
/// Splits a plain-text article into its parts. A title is a short first line without closing punctuation that is
/// followed by more text; it may be followed by a <c>By ...</c> line and a date line. A dateline is an upper-case
/// place name opening the body and ending in a colon or dash (<c>GENEVA:</c>, <c>NEW YORK —</c>,
/// <c>LONDON, England (CNN) --</c>); it moves to <see cref="ParsedText.Place"/>.
/// </summary>
internal static partial class ArticleTextParser
{
    private const int MaxTitleLength = 160;
    private const int MaxTitleWords = 24;

    public static ParsedText Parse(string text, bool markdown = false, bool detectTitle = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = Normalize(text).Split('\n').ToList();
        if (markdown)
        {
            lines = lines.Select(StripMarkdown).ToList();
        }

        var i = SkipBlank(lines, 0);
        string? title = null;
        string? byline = null;
        DateTimeOffset? date = null;

        if (detectTitle && i < lines.Count)
        {
            var first = lines[i].Trim();
            var isHeading = markdown && text.TrimStart().StartsWith('#');
            var next = SkipBlank(lines, i + 1);
            // A wrapped paragraph continues in lower case on the very next line; a headline does not.
            var continues = next == i + 1 && next < lines.Count && lines[next].TrimStart() is { Length: > 0 } n && char.IsLower(n[0]);
            if (next < lines.Count && (isHeading || (IsTitleLine(first) && !continues)))
            {
                title = first;
                i = next;

                // Up to two metadata lines may follow a title: "By Name" and a date, in either order.
                for (var k = 0; k < 2 && i < lines.Count; k++)
                {
                    var line = lines[i].Trim();
                    if (byline is null && BylinePattern().Match(line) is { Success: true } by)
                    {
                        byline = by.Groups["name"].Value.Trim();
                    }
                    else if (date is null && TryParseDateLine(line, out var parsed))
                    {
                        date = parsed;
                    }
                    else
                    {
                        break;
                    }

                    i = SkipBlank(lines, i + 1);
                }
            }
        }

        var body = string.Join('\n', lines.Skip(i)).Trim();
        string? place = null;
        var dateline = DatelinePattern().Match(body);
        if (dateline.Success && dateline.Length < body.Length)
        {
            place = dateline.Groups["place"].Value.Trim();
            body = body[dateline.Length..].TrimStart();
        }

        body = CollapseBlankLines(body);
        return new ParsedText(body, title, byline, date, place);
    }

    /// <summary>A headline: short, no closing sentence punctuation, not itself a dateline.</summary>
    internal static bool IsTitleLine(string line)
    {
        if (line.Length == 0 || line.Length > MaxTitleLength)
        {
            return false;
        }

        if (line[^1] is '.' or ',' or ';' or ':' or '!' or '…' or '"' or '”' or '’' or '\'')
        {
            return false;
        }

        if (DatelinePattern().IsMatch(line))
        {
            return false;
        }

        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return words is >= 1 and <= MaxTitleWords && line.Any(char.IsLetter);
    }

    internal static string Normalize(string text)
    {
        var s = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        if (s.Length > 0 && s[0] == '\uFEFF')
        {
            s = s[1..];
        }

        return s.Replace('\u00A0', ' ');
    }

    internal static string CollapseBlankLines(string text)
    {
        var sb = new StringBuilder(text.Length);
        var blank = 0;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.Length == 0)
            {
                blank++;
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append(blank > 0 ? "\n\n" : "\n");
            }

            sb.Append(line);
            blank = 0;
        }

        return sb.ToString();
    }

    private static int SkipBlank(List<string> lines, int i)
    {
        while (i < lines.Count && string.IsNullOrWhiteSpace(lines[i]))
        {
            i++;
        }

        return i;
    }

    private static bool TryParseDateLine(string line, out DateTimeOffset date)
    {
        date = default;
        return line.Length is > 5 and < 48 && line.Any(char.IsDigit) &&
               DateTimeOffset.TryParse(line.TrimEnd('.'), CultureInfo.InvariantCulture,
                   DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out date);
    }

    private static string StripMarkdown(string line)
    {
        var s = HeadingPattern().Replace(line, "");
        s = LinkPattern().Replace(s, "$1");
        s = EmphasisPattern().Replace(s, "$2");
        return s;
    }

    [GeneratedRegex(@"^(?<place>\p{Lu}[\p{Lu}\p{M}.'’ -]{1,40}?)(?:,\s*[^:—–\n]{1,30}?)?(?:\s*\([^)\n]{1,30}\))?\s*(?::|—|–|--|\s-)\s+")]
    private static partial Regex DatelinePattern();

    [GeneratedRegex(@"^(?:By|BY|by)\s+(?<name>[^\n]{2,80})$")]
    private static partial Regex BylinePattern();

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+")]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]*\)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"(\*\*|__|\*|_)(\S(?:.*?\S)?)\1")]
    private static partial Regex EmphasisPattern();
}
