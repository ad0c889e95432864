using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
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
    private const string WordUnpacks = "the Word document unpacks";

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

    /// <summary>Main text, title, byline and date of a web page, without navigation, adverts or comments. A page over
    /// the markup limits fails before parsing.</summary>
    public static ArticleDraft ReadHtml(string html, string uri, string source, LoadOptions options, CancellationToken ct)
    {
        MarkupLimits.CheckHtml(html, source, options, ct);
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

    /// <summary>Text of every page in reading order; the document title and author come from its metadata. Its
    /// compressed streams are measured unpacked, within <see cref="LoadOptions.MaxUnpackedBytes"/>, before parsing.</summary>
    public static ArticleDraft ReadPdf(byte[] bytes, string source, LoadOptions options, CancellationToken ct)
    {
        CheckUnpackedPdf(bytes, source, options.MaxUnpackedBytes, ct);
        using var pdf = PdfDocument.Open(bytes);
        var sb = new StringBuilder();
        foreach (var page in pdf.GetPages())
        {
            ct.ThrowIfCancellationRequested();
            sb.Append(ContentOrderTextExtractor.GetText(page)).Append('\n');
            if (sb.Length > options.MaxBytes)
            {
                throw new LoadException($"{source}: the article text is over the {Sizes.Format(options.MaxBytes)} limit (LoadOptions.MaxBytes)");
            }
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

    /// <summary>Paragraphs of a Word document; a first paragraph styled Title or Heading 1 is the headline. Its XML
    /// parts are measured unpacked, within <see cref="LoadOptions.MaxUnpackedBytes"/>, before any is parsed.</summary>
    public static ArticleDraft ReadDocx(byte[] bytes, string source, LoadOptions options, CancellationToken ct)
    {
        var unpacked = CheckUnpacked(bytes, source, options.MaxUnpackedBytes, ct);
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes, writable: false), false);
        var main = doc.MainDocumentPart ?? throw new LoadException($"{source}: the Word document has no body");
        if (!main.Uri.OriginalString.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
        {
            // Not measured above under a name of its own: measure it now, before it is parsed.
            using var part = main.GetStream(FileMode.Open, FileAccess.Read);
            CountUnpacked(part, source, options.MaxUnpackedBytes, unpacked, WordUnpacks, ct);
        }

        // Read paragraph by paragraph, so memory holds the text rather than the whole document tree.
        var paragraphs = new List<(string? Style, string Text)>();
        var hasBody = false;
        long size = 0;
        using (var reader = OpenXmlReader.Create(main))
        {
            while (reader.Read())
            {
                ct.ThrowIfCancellationRequested();
                if (!reader.IsStartElement)
                {
                    continue;
                }

                hasBody |= reader.ElementType == typeof(Body);
                if (reader.ElementType == typeof(Paragraph) && reader.LoadCurrentElement() is Paragraph p && p.InnerText.Trim() is { Length: > 0 } paragraph)
                {
                    size += paragraph.Length;
                    if (size > options.MaxBytes)
                    {
                        throw new LoadException($"{source}: the article text is over the {Sizes.Format(options.MaxBytes)} limit (LoadOptions.MaxBytes)");
                    }

                    paragraphs.Add((p.ParagraphProperties?.ParagraphStyleId?.Val?.Value, paragraph));
                }
            }
        }

        if (!hasBody)
        {
            throw new LoadException($"{source}: the Word document has no body");
        }

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

    /// <summary>
    /// Unpacks every XML part of a Word file (<c>.xml</c> and <c>.rels</c>: the ones a reader parses) into nothing,
    /// counting bytes, and throws once they pass <paramref name="max"/> together; a zip bomb costs at most that much
    /// decompression and no memory. Returns the total.
    /// </summary>
    private static long CheckUnpacked(byte[] bytes, string source, long max, CancellationToken ct)
    {
        long total = 0;
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException ex)
        {
            throw new LoadException($"{source}: cannot be read as a Word document (not a zip file: {ex.Message})");
        }

        using (zip)
        {
            foreach (var entry in zip.Entries)
            {
                if (entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) ||
                    entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
                {
                    using var part = entry.Open();
                    total = CountUnpacked(part, source, max, total, WordUnpacks, ct);
                }
            }
        }

        return total;
    }

    /// <summary>
    /// Unpacks every deflated stream of a PDF that a text reader decodes (page contents, object streams, fonts; not
    /// pictures) into nothing, counting bytes, and throws once they pass <paramref name="max"/> together. Streams that
    /// are not plain zlib data (encrypted, or another filter) are left to the PDF reader.
    /// </summary>
    private static void CheckUnpackedPdf(byte[] bytes, string source, long max, CancellationToken ct)
    {
        long total = 0;
        var at = 0;
        int found;
        while ((found = bytes.AsSpan(at).IndexOf("stream"u8)) >= 0)
        {
            var keyword = at + found;
            at = keyword + "stream"u8.Length;
            var body = at;
            body += body < bytes.Length && bytes[body] == '\r' ? 1 : 0;
            if (body >= bytes.Length || bytes[body] != '\n' || (keyword >= 3 && bytes.AsSpan(keyword - 3, 3).SequenceEqual("end"u8)))
            {
                continue;
            }

            body++;
            // The stream's dictionary lies between its object header and the keyword.
            var head = bytes.AsSpan(Math.Max(0, keyword - 4096), Math.Min(keyword, 4096));
            var obj = head.LastIndexOf("obj"u8);
            var dictionary = obj < 0 ? head : head[obj..];
            var end = bytes.AsSpan(body).IndexOf("endstream"u8);
            var length = end < 0 ? bytes.Length - body : end;
            at = body + length;
            if (dictionary.IndexOf("/FlateDecode"u8) < 0 || dictionary.IndexOf("/Image"u8) >= 0)
            {
                continue;
            }

            try
            {
                using var inflated = new ZLibStream(new MemoryStream(bytes, body, length, writable: false), CompressionMode.Decompress);
                total = CountUnpacked(inflated, source, max, total, "the PDF's streams unpack", ct);
            }
            catch (InvalidDataException)
            {
                // Not zlib data as stored: the PDF reader decides what it is.
            }
        }
    }

    private static long CountUnpacked(Stream part, string source, long max, long total, string what, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = part.Read(buffer)) > 0)
        {
            total += read;
            if (total > max)
            {
                throw new LoadException($"{source}: {what} to over {Sizes.Format(max)} (LoadOptions.MaxUnpackedBytes)");
            }

            ct.ThrowIfCancellationRequested();
        }

        return total;
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
