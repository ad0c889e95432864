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

    /// <summary>Time allowed for one HTTP request, headers and body together. Default 30 seconds.</summary>
    public TimeSpan HttpTimeout { get; init; } = TimeSpan.FromSeconds(30);

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
