using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Summarizer.Ingestion;

/// <summary>The fields a single-document reader found, before id and language are settled.</summary>
internal sealed record ArticleDraft(string Text)
{
    /// <summary>Where the body starts in <see cref="Text"/>; the title, byline, date and dateline lines come before it.</summary>
    public int BodyStart { get; init; }

    /// <summary>Where the body ends in <see cref="Text"/>; null for the end of the text.</summary>
    public int? BodyEnd { get; init; }

    public string? Id { get; init; }
    public string? Title { get; init; }
    public DateTimeOffset? Date { get; init; }
    public string? Place { get; init; }
    public string? Byline { get; init; }
    public string? Language { get; init; }

    public static ArticleDraft FromParsed(ParsedText parsed) => new(parsed.Text)
    {
        BodyStart = parsed.BodyStart, BodyEnd = parsed.BodyEnd,
        Title = parsed.Title, Byline = parsed.Byline, Date = parsed.Date, Place = parsed.Place,
    };
}

/// <summary>Readers for one-article formats: plain text, Markdown, HTML, PDF and Word.</summary>
internal static class DocumentReaders
{
    private const int MinPageWords = 4;

    public static ArticleDraft ReadText(string text, bool markdown)
    {
        if (!markdown)
        {
            return ArticleDraft.FromParsed(ArticleTextParser.Parse(text));
        }

        // A Markdown heading on the first line is the title whatever its punctuation.
        var plain = ArticleTextParser.StripMarkdown(text);
        var heading = text.TrimStart().StartsWith('#') ? plain.TrimStart().Split('\n', 2)[0].Trim() : null;
        return ArticleDraft.FromParsed(ArticleTextParser.Parse(plain, knownTitle: heading));
    }

    /// <summary>Main text, title, byline and date of a web page, without navigation, adverts or comments.</summary>
    public static ArticleDraft ReadHtml(string html, string uri, string source)
    {
        // Named argument on purpose: the two-string overload is (uri, userAgent) and downloads the page.
        var page = SmartReader.Reader.ParseArticle(uri, text: html, userAgent: null);
        var text = string.IsNullOrWhiteSpace(page.Content) ? page.TextContent ?? "" : HtmlText.ToPlainText(page.Content);
        // A page with only a menu or a caption left after extraction has no story to summarise.
        if (text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length < MinPageWords)
        {
            throw new LoadException($"{source}: no article text found in the page");
        }

        var title = Clean(page.Title);
        var parsed = ArticleTextParser.Parse(text, knownTitle: title);
        // The author meta tag is the bare name; the visible byline often adds a job title.
        var byline = Clean(page.Author) ?? Clean(page.Byline);
        if (byline is not null && byline.StartsWith("By ", StringComparison.OrdinalIgnoreCase))
        {
            byline = byline[3..].Trim();
        }

        return ArticleDraft.FromParsed(parsed) with
        {
            Title = title ?? parsed.Title,
            Byline = byline ?? parsed.Byline,
            Date = page.PublicationDate is { } d ? new DateTimeOffset(DateTime.SpecifyKind(d, d.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : d.Kind)) : parsed.Date,
            Place = parsed.Place,
            Language = LanguageCode(page.Language),
        };
    }

    /// <summary>Text of every page in reading order; the document title and author come from its metadata.</summary>
    public static ArticleDraft ReadPdf(byte[] bytes, string source)
    {
        using var pdf = PdfDocument.Open(bytes);
        var sb = new StringBuilder();
        foreach (var page in pdf.GetPages())
        {
            sb.Append(ContentOrderTextExtractor.GetText(page)).Append('\n');
        }

        var text = sb.ToString();
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new LoadException($"{source}: the PDF has no extractable text (scanned pages need OCR)");
        }

        var title = Clean(pdf.Information.Title);
        var parsed = ArticleTextParser.Parse(UnwrapAfterTitle(text, title), detectTitle: false, knownTitle: title);
        DateTimeOffset? date = pdf.Information.GetCreatedDateTimeOffset();
        return ArticleDraft.FromParsed(parsed) with
        {
            Title = title,
            Byline = Clean(pdf.Information.Author),
            Date = date,
            Place = parsed.Place,
        };
    }

    /// <summary>Paragraphs of a Word document; a first paragraph styled Title or Heading 1 is the headline.</summary>
    public static ArticleDraft ReadDocx(Stream stream, string source)
    {
        using var doc = WordprocessingDocument.Open(stream, false);
        var body = doc.MainDocumentPart?.Document?.Body
            ?? throw new LoadException($"{source}: the Word document has no body");
        var paragraphs = body.Descendants<Paragraph>()
            .Select(p => (Style: p.ParagraphProperties?.ParagraphStyleId?.Val?.Value, Text: p.InnerText.Trim()))
            .Where(p => p.Text.Length > 0)
            .ToList();
        if (paragraphs.Count == 0)
        {
            throw new LoadException($"{source}: empty, no article text");
        }

        string? title = null;
        if (paragraphs[0].Style is { } style && (style.Equals("Title", StringComparison.OrdinalIgnoreCase) ||
                                                  style.StartsWith("Heading", StringComparison.OrdinalIgnoreCase)))
        {
            title = paragraphs[0].Text;
            paragraphs.RemoveAt(0);
        }

        var properties = doc.PackageProperties;
        title ??= Clean(properties.Title);
        var text = string.Join("\n\n", paragraphs.Select(p => p.Text));
        var parsed = title is null
            ? ArticleTextParser.Parse(text)
            : ArticleTextParser.Parse(title + "\n\n" + text);
        return ArticleDraft.FromParsed(parsed) with
        {
            Title = parsed.Title ?? title,
            Byline = parsed.Byline ?? Clean(properties.Creator),
            Date = parsed.Date ?? (properties.Created is { } c ? new DateTimeOffset(DateTime.SpecifyKind(c, DateTimeKind.Utc)) : null),
            Place = parsed.Place,
        };
    }

    internal static string? LanguageCode(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }

        var code = tag.Trim().Split('-', '_')[0].ToLowerInvariant();
        return code.Length is 2 or 3 && code.All(char.IsAsciiLetterLower) ? code : null;
    }

    internal static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();


    // The title line stays a line of its own: unwrapping would join it to the first paragraph.
    private static string UnwrapAfterTitle(string text, string? title)
    {
        var trimmed = text.TrimStart();
        var end = trimmed.IndexOf('\n');
        var first = (end < 0 ? trimmed : trimmed[..end]).Trim();
        return title is not null && end >= 0 && string.Equals(first, title, StringComparison.OrdinalIgnoreCase)
            ? first + "\n\n" + Unwrap(trimmed[(end + 1)..])
            : Unwrap(text);
    }

    /// <summary>Joins the hard-wrapped lines of a PDF page back into paragraphs: a line that does not end a sentence
    /// continues on the next.</summary>
    private static string Unwrap(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                sb.Append('\n');
                continue;
            }

            if (sb.Length > 0 && sb[^1] != '\n')
            {
                sb.Append(EndsSentence(sb) ? '\n' : ' ');
            }

            sb.Append(line);
        }

        return sb.ToString();
    }

    private static bool EndsSentence(StringBuilder sb) =>
        sb[^1] is '.' or '!' or '?' or '"' or '”' or '’' or ':' or ')';

    internal static DateTimeOffset? ParseDate(string? value) =>
        value is not null && DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture,
            DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var d) ? d : null;
}
