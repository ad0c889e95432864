using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Summarizer.Ingestion;

/// <summary>
/// The parts of a plain-text article: headline, byline, date and dateline place, and where the body sits in the
/// text. The text itself is never rewritten, so offsets into the body are offsets into the text as given.
/// </summary>
internal sealed record ParsedText(string Text, int BodyStart, int BodyEnd, string? Title, string? Byline, DateTimeOffset? Date, string? Place)
{
    public string Body => Text[BodyStart..BodyEnd];
}

/// <summary>
/// Finds the parts of a plain-text article without changing its text. A title is a short first line without closing
/// punctuation that is followed by more text; it may be followed by a <c>By ...</c> line and a date line. A dateline
/// is an upper-case place name opening the body and ending in a colon or dash (<c>GENEVA:</c>, <c>NEW YORK —</c>,
/// <c>LONDON, England (CNN) --</c>); it moves to <see cref="ParsedText.Place"/>. Line ends may be <c>\n</c> or
/// <c>\r\n</c>; a leading byte-order mark is skipped.
/// </summary>
internal static partial class ArticleTextParser
{
    private const int MaxTitleLength = 160;
    private const int MaxTitleWords = 24;

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <param name="text">The article text exactly as given.</param>
    /// <param name="detectTitle">Take a headline-like first line as the title (plain files); false for records,
    /// which name their title in a field.</param>
    /// <param name="knownTitle">The title the source names elsewhere (a record field, a page's metadata): when the
    /// first line repeats it, that line and any byline and date lines after it are not body.</param>
    public static ParsedText Parse(string text, bool detectTitle = true, string? knownTitle = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = Lines(text);
        var i = SkipBlank(text, lines, 0);
        string? title = null;
        string? byline = null;
        DateTimeOffset? date = null;

        if (i < lines.Count)
        {
            var first = Line(text, lines[i]).Trim();
            var next = SkipBlank(text, lines, i + 1);
            var isTitle = false;
            if (knownTitle is not null)
            {
                isTitle = string.Equals(Squeeze(first), Squeeze(knownTitle), StringComparison.OrdinalIgnoreCase);
            }
            else if (detectTitle && next < lines.Count)
            {
                // A wrapped paragraph continues in lower case on the very next line; a headline does not.
                var continues = next == i + 1 && Line(text, lines[next]).TrimStart() is { Length: > 0 } n && char.IsLower(n[0]);
                isTitle = IsTitleLine(first) && !continues;
            }

            if (isTitle)
            {
                title = knownTitle ?? first;
                i = next;

                // Up to two metadata lines may follow a title: "By Name" and a date, in either order.
                for (var k = 0; k < 2 && i < lines.Count; k++)
                {
                    var line = Line(text, lines[i]).Trim();
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

                    i = SkipBlank(text, lines, i + 1);
                }
            }
        }

        var (start, end) = i < lines.Count ? Trim(text, lines[i].Start, text.Length) : (text.Length, text.Length);
        string? place = null;
        var dateline = DatelinePattern().Match(text, start, end - start);
        if (dateline.Success && dateline.Index == start && dateline.Index + dateline.Length < end)
        {
            place = dateline.Groups["place"].Value.Trim();
            start = Trim(text, dateline.Index + dateline.Length, end).Start;
        }

        return new ParsedText(text, start, end, title, byline, date, place);
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

    /// <summary>Plain text from Markdown: headings, emphasis and link targets go; each line keeps its place.</summary>
    internal static string StripMarkdown(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var (start, end) in Lines(text))
        {
            var line = text[start..end];
            var s = HeadingPattern().Replace(line, "");
            s = LinkPattern().Replace(s, "$1");
            s = EmphasisPattern().Replace(s, "$2");
            sb.Append(s);
            if (end < text.Length)
            {
                sb.Append('\n');
            }
        }

        return sb.ToString();
    }

    /// <summary>Lines without their line end (<c>\n</c>, <c>\r\n</c> or <c>\r</c>).</summary>
    internal static List<(int Start, int End)> Lines(string text)
    {
        var lines = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '\n' or '\r')
            {
                lines.Add((start, i));
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        lines.Add((start, text.Length));
        return lines;
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

    private static string Line(string text, (int Start, int End) line) => text[line.Start..line.End];

    private static int SkipBlank(string text, List<(int Start, int End)> lines, int i)
    {
        while (i < lines.Count && IsBlank(text, lines[i]))
        {
            i++;
        }

        return i;
    }

    private static bool IsBlank(string text, (int Start, int End) line)
    {
        for (var k = line.Start; k < line.End; k++)
        {
            if (!char.IsWhiteSpace(text[k]) && text[k] != '\uFEFF')
            {
                return false;
            }
        }

        return true;
    }

    private static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && (char.IsWhiteSpace(text[start]) || text[start] == '\uFEFF'))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return (start, end);
    }

    private static string Squeeze(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Trim('\uFEFF');

    private static bool TryParseDateLine(string line, out DateTimeOffset date)
    {
        date = default;
        return line.Length is > 5 and < 48 && line.Any(char.IsDigit) &&
               DateTimeOffset.TryParse(line.TrimEnd('.'), CultureInfo.InvariantCulture,
                   DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out date);
    }

    [GeneratedRegex(@"\G(?<place>\p{Lu}[\p{Lu}\p{M}.'’ -]{1,40}?)(?:,[ \t]*[^:—–\r\n]{1,30}?)?(?:[ \t]*\([^)\r\n]{1,30}\))?[ \t]*(?::|—|–|--|[ \t]-)\s+")]
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
