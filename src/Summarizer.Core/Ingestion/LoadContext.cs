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

    /// <summary>
    /// Runs <paramref name="read"/> on the thread pool within <see cref="LoadOptions.InputTimeout"/> and turns its
    /// result into an article, or any error (the deadline included) into a failure for <paramref name="source"/>.
    /// Only the caller's own cancellation throws.
    /// </summary>
    public async Task<LoadItem> GuardAsync(string source, Func<CancellationToken, ArticleDraft> read, CancellationToken ct)
    {
        try
        {
            return new LoadedArticle(await RunAsync(source, token => Finish(read(token), source), ct).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            return Fail(source, ex);
        }
    }

    /// <summary>
    /// Runs <paramref name="read"/> on the calling thread and turns its result into an article, or any error into a
    /// failure for <paramref name="source"/>. For records (a JSONL line, a CSV or Parquet row): they are bounded by
    /// <see cref="LoadOptions.MaxBytes"/> and parsed in linear time, so a thread and a deadline per record would cost
    /// more than the parse.
    /// </summary>
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

    /// <summary>
    /// Runs CPU-bound parsing on the thread pool within <see cref="LoadOptions.InputTimeout"/>. The work gets a token
    /// that the deadline cancels; work that does not watch it is left to finish in the background, and its result is
    /// dropped. Throws <see cref="LoadException"/> naming <paramref name="source"/> when the time runs out.
    /// </summary>
    public async Task<T> RunAsync<T>(string source, Func<CancellationToken, T> work, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(Options.InputTimeout);
        var token = deadline.Token;
        var task = Task.Run(() => work(token), CancellationToken.None);
        try
        {
            return await task.WaitAsync(token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested && deadline.IsCancellationRequested)
        {
            // Observe a late failure of the abandoned work so that it is not reported as unobserved.
            _ = task.ContinueWith(static t => t.Exception, CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw new LoadException($"{source}: not read within {Options.InputTimeout.TotalSeconds:0.###} s (LoadOptions.InputTimeout)");
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

        // A packed document (Word, PDF) can hold more text than its file size suggests.
        if (draft.Text.Length > Options.MaxBytes)
        {
            throw new LoadException($"{source}: the article text is over the {Sizes.Format(Options.MaxBytes)} limit (LoadOptions.MaxBytes)");
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
            : new HttpClient(new SocketsHttpHandler
            {
                AutomaticDecompression = System.Net.DecompressionMethods.All,
                // Redirects are followed by UrlSource, which checks each target.
                AllowAutoRedirect = false,
            });

        // Timeouts are per request through a linked token, so the client's own limit is off.
        client.Timeout = Timeout.InfiniteTimeSpan;
        client.DefaultRequestHeaders.UserAgent.ParseAdd(Options.UserAgent);
        return client;
    }
}
