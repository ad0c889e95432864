using Summarizer.Analysis;

namespace Summarizer.Ingestion;

/// <summary>What one <see cref="ArticleLoader.ReadAsync"/> call shares between inputs: options, stdin and one
/// HTTP client (created on first use, disposed at the end).</summary>
internal sealed class LoadContext(LoadOptions options, TextReader? stdin) : IDisposable
{
    private HttpClient? _http;

    public LoadOptions Options { get; } = options;

    public TextReader Stdin => stdin ?? Console.In;

    public HttpClient Http => _http ??= CreateClient();

    /// <summary>Runs <paramref name="read"/> and turns its result into an article, or any error into a failure.</summary>
    public LoadItem Guard(string source, Func<ArticleDraft> read)
    {
        try
        {
            return new LoadedArticle(Finish(read(), source));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Fail(source, ex);
        }
    }

    /// <summary>Settles the id (source's own, else content hash) and language (source's own, else detected).</summary>
    public Article Finish(ArticleDraft draft, string source)
    {
        var article = new Article("", draft.Text) { BodyStart = draft.BodyStart, BodyEnd = draft.BodyEnd ?? draft.Text.Length };
        var body = article.Body;
        if (string.IsNullOrWhiteSpace(body))
        {
            throw new LoadException($"{source}: empty, no article text");
        }

        var language = draft.Language ?? (Options.DetectLanguage ? LanguageDetector.Detect(body) : null);
        return article with
        {
            Id = draft.Id ?? ArticleId.ForText(body),
            Title = draft.Title,
            Source = source,
            Date = draft.Date,
            Place = draft.Place,
            Byline = draft.Byline,
            Language = language,
        };
    }

    public static LoadFailure Fail(string source, Exception ex) => ex switch
    {
        LoadException => new LoadFailure(source, ex.Message),
        FileNotFoundException or DirectoryNotFoundException => new LoadFailure(source, $"{source}: no such file"),
        UnauthorizedAccessException => new LoadFailure(source, $"{source}: permission denied"),
        IOException => new LoadFailure(source, $"{source}: cannot be read ({ex.Message})"),
        _ => new LoadFailure(source, $"{source}: cannot be read as an article ({ex.GetType().Name}: {ex.Message})"),
    };

    public void Dispose() => _http?.Dispose();

    private HttpClient CreateClient()
    {
        var client = Options.HttpHandler is { } handler
            ? new HttpClient(handler, disposeHandler: false)
            : new HttpClient(new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.All });

        // Timeouts are per request through a linked token, so the client's own limit is off.
        client.Timeout = Timeout.InfiniteTimeSpan;
        client.DefaultRequestHeaders.UserAgent.ParseAdd(Options.UserAgent);
        return client;
    }
}
