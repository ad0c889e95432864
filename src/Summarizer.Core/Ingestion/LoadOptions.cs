namespace Summarizer.Ingestion;

/// <summary>How <see cref="ArticleLoader"/> reads its inputs. Every property has a documented default.</summary>
public sealed record LoadOptions
{
    /// <summary>The default options.</summary>
    public static LoadOptions Default { get; } = new();

    /// <summary>Column or JSON field holding the article id in CSV, JSONL and Parquet. Default <c>id</c>; when absent
    /// the id is the content hash of the text.</summary>
    public string IdField { get; init; } = "id";

    /// <summary>Column or JSON field holding the headline. Default <c>title</c>; null reads no title field.</summary>
    public string? TitleField { get; init; } = "title";

    /// <summary>Columns or JSON fields tried in order for the article body; the first present one is used.
    /// Default <c>text</c>, then <c>article</c>.</summary>
    public IReadOnlyList<string> TextFields { get; init; } = ["text", "article"];

    /// <summary>Column or JSON field holding the publication date. Default <c>date</c>; optional in the data.</summary>
    public string? DateField { get; init; } = "date";

    /// <summary>Column or JSON field holding the dateline place. Default <c>place</c>; optional in the data.</summary>
    public string? PlaceField { get; init; } = "place";

    /// <summary>Column or JSON field holding the author line. Default <c>byline</c>; optional in the data.</summary>
    public string? BylineField { get; init; } = "byline";

    /// <summary>Column or JSON field holding an ISO 639-1 language code. Default <c>language</c>; optional.</summary>
    public string? LanguageField { get; init; } = "language";

    /// <summary>
    /// Largest single document accepted, in bytes: a file, an HTTP response body, or one record (line or row) of a
    /// CSV, JSONL or Parquet file, whose files may be larger since they are streamed. Default 20 MB.
    /// </summary>
    public long MaxBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>Time allowed for one HTTP request, headers and body together (a body that trickles in fails when it
    /// runs out). Default 30 seconds.</summary>
    public TimeSpan HttpTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Time allowed to turn one document into an article once its bytes are read: a file, an HTTP response body, or
    /// one record of a CSV, JSONL or Parquet file (so a large record file is not limited as a whole). An input that
    /// runs out of time fails on its own and the next one starts; parsing that cannot be interrupted (a web page's
    /// text extraction) finishes in the background, bounded by the markup limits below. Default 10 seconds.
    /// </summary>
    public TimeSpan InputTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Largest total size, once unpacked, of what is parsed in a packed document: the XML parts of a Word file, and the
    /// deflated streams of a PDF (pictures are never unpacked, so they do not count). A small file can unpack to
    /// gigabytes; this stops it before it does. Default 64 MB.
    /// </summary>
    public long MaxUnpackedBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Deepest element nesting read in a web page or feed. Default 256 (real pages stay well under 100;
    /// page extraction slows down sharply with depth).</summary>
    public int MaxMarkupDepth { get; init; } = 256;

    /// <summary>Most elements read in a web page or feed. Default 20,000 (a long news page has a few thousand; page
    /// extraction time grows with the square of the count).</summary>
    public int MaxMarkupElements { get; init; } = 20_000;

    /// <summary>Most attributes on one element of a web page or feed. Default 256.</summary>
    public int MaxMarkupAttributes { get; init; } = 256;

    /// <summary>HTTP redirects followed for one URL; each must lead to another http(s) URL, and https never to
    /// http. Default 10.</summary>
    public int MaxRedirects { get; init; } = 10;

    /// <summary>Detect each article's language with <see cref="Summarizer.Analysis.LanguageDetector"/> when the source
    /// does not state it. Default true.</summary>
    public bool DetectLanguage { get; init; } = true;

    /// <summary>The HTTP handler for URL inputs (a proxy, or a test server). Default null: a plain handler. The loader
    /// never disposes a handler it was given.</summary>
    public HttpMessageHandler? HttpHandler { get; init; }

    /// <summary>User-Agent header sent with HTTP requests. Default <c>Summarizer/1.0</c>.</summary>
    public string UserAgent { get; init; } = "Summarizer/1.0";

    internal void Validate()
    {
        if (MaxBytes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxBytes), MaxBytes, "MaxBytes must be positive.");
        }

        if (HttpTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(HttpTimeout), HttpTimeout, "HttpTimeout must be positive.");
        }

        if (InputTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(InputTimeout), InputTimeout, "InputTimeout must be positive.");
        }

        if (MaxUnpackedBytes <= 0 || MaxMarkupDepth <= 0 || MaxMarkupElements <= 0 || MaxMarkupAttributes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxUnpackedBytes), "MaxUnpackedBytes and the markup limits must be positive.");
        }

        if (MaxRedirects < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRedirects), MaxRedirects, "MaxRedirects must not be negative.");
        }

        if (string.IsNullOrWhiteSpace(IdField))
        {
            throw new ArgumentException("IdField must name a field.", nameof(IdField));
        }

        if (TextFields is null || TextFields.Count == 0 || TextFields.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("TextFields must name at least one field.", nameof(TextFields));
        }
    }
}
