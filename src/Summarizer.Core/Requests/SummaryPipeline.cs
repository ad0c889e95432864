using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Summarizer.Analysis;
using Summarizer.Ingestion;
using Summarizer.Llm;

namespace Summarizer.Requests;

/// <summary>How a <see cref="SummaryPipeline"/> runs. Every property has a documented default.</summary>
public sealed record PipelineOptions
{
    /// <summary>The defaults below.</summary>
    public static PipelineOptions Default { get; } = new();

    /// <summary>Detect the language of articles whose source does not state it. Default true.</summary>
    public bool DetectLanguage { get; init; } = true;

    /// <summary>Articles summarised at once by extractive methods. Default: the processor count.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Articles read ahead and summarised together by extractive methods; results come out in input order.
    /// Default 256.</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>Where environment variables come from. Default null: the process environment.</summary>
    public Func<string, string?>? GetVariable { get; init; }

    /// <summary>LLM settings a host keeps for its session (a notebook's <c>#!llm-config</c>). Default null.</summary>
    public LlmDefaults? LlmDefaults { get; init; }

    /// <summary>Creates the chat client for a configuration. Default null: <see cref="LlmProviders.CreateChatClient"/>.</summary>
    public Func<LlmConfiguration, IChatClient>? ChatClientFactory { get; init; }
}

/// <summary>
/// Summarises articles for one <see cref="SummarizeRequest"/>: detects each article's language when the source does
/// not give it, analyses it once, runs the method (extractive or LLM) and returns one <see cref="SummaryResult"/> per
/// input. The same pipeline serves the command line, notebooks and C#. An input that fails becomes a result with an
/// error and the run goes on; only cancellation ends it early.
/// </summary>
public sealed class SummaryPipeline : IDisposable
{
    private readonly PipelineOptions _options;
    private readonly TextAnalyzer _analyzer;
    private readonly IChatClient? _client;
    private readonly ExtractiveMethod? _extractive;
    private readonly LlmMethod? _llm;

    /// <summary>Prepares the method for <paramref name="request"/>; for an LLM, resolves and connects the provider.</summary>
    /// <exception cref="UserInputException">The request is invalid or its provider is not configured.</exception>
    public SummaryPipeline(SummarizeRequest request, PipelineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        _options = options ?? PipelineOptions.Default;
        var problems = request.Validate();
        if (problems.Count > 0)
        {
            throw new UserInputException(problems);
        }

        Request = request;
        _analyzer = new TextAnalyzer(new AnalysisOptions { Language = request.Language });
        if (request.IsAbstractive)
        {
            var configuration = request.Llm.ResolveConfiguration(_options.GetVariable, _options.LlmDefaults);
            LlmConfiguration = configuration;
            _client = _options.ChatClientFactory?.Invoke(configuration) ?? LlmProviders.CreateChatClient(configuration);
            _llm = new LlmMethod(new LlmSummarizer(_client, request.Llm.OptionsFor(configuration), _analyzer),
                LlmProviders.NameOf(configuration.Provider));
            Method = _llm;
        }
        else
        {
            _extractive = new ExtractiveMethod(request.Method.Create(request.MethodOptions), request.Length);
            Method = _extractive;
        }
    }

    /// <summary>The request this pipeline carries out.</summary>
    public SummarizeRequest Request { get; }

    /// <summary>The method, behind its one asynchronous call.</summary>
    public ISummaryMethod Method { get; }

    /// <summary>Where LLM calls go (its text masks the key); null for extractive methods.</summary>
    public LlmConfiguration? LlmConfiguration { get; }

    /// <summary>The LLM summariser, null for extractive methods.</summary>
    public LlmSummarizer? LlmSummarizer => _llm?.Summarizer;

    /// <summary>The article analysed as this pipeline analyses it: language detected when unknown, then split,
    /// tokenised and stemmed.</summary>
    public Document Analyze(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return _analyzer.Analyze(WithLanguage(article));
    }

    /// <summary>
    /// Summarises one article. <paramref name="onText"/> receives the summary as it is written (LLM summaries stream).
    /// A problem with the article becomes the result's <see cref="SummaryResult.Error"/>.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<SummaryResult> SummarizeAsync(Article article, Action<string>? onText = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        try
        {
            var watch = Stopwatch.StartNew();
            var document = Analyze(article);
            var analysis = watch.Elapsed;
            if (document.Sentences.Count == 0)
            {
                return Failed(0, article, "the article has no text to summarise");
            }

            var result = await Method.SummarizeAsync(document, onText, cancellationToken).ConfigureAwait(false);
            return result with { Timings = new SummaryTimings(analysis, watch.Elapsed - analysis) };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            return Failed(0, article, Message(ex));
        }
    }

    /// <summary>Summarises every article, in order; see <see cref="SummarizeAllAsync(IAsyncEnumerable{LoadItem}, CancellationToken)"/>.</summary>
    public IAsyncEnumerable<SummaryResult> SummarizeAllAsync(IEnumerable<Article> articles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        return SummarizeAllAsync(articles.Select(a => (LoadItem)new LoadedArticle(a)).ToAsyncEnumerable(), cancellationToken);
    }

    /// <summary>
    /// Summarises every loaded article and reports every load failure, one result per input with its
    /// <see cref="SummaryResult.Index"/>. Extractive results come in input order, several articles at a time; LLM
    /// results come as they finish, <see cref="LlmOptions.MaxConcurrency"/> at a time. Finished results stay yielded
    /// when the run is cancelled.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public IAsyncEnumerable<SummaryResult> SummarizeAllAsync(IAsyncEnumerable<LoadItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        return _llm is null
            ? items.SelectInOrderAsync(SummarizeOne, _options.BatchSize, _options.MaxDegreeOfParallelism, cancellationToken)
            : LlmAllAsync(items, _llm, cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose() => _client?.Dispose();

    private SummaryResult SummarizeOne(LoadItem item, int index)
    {
        if (item is not LoadedArticle { Article: var article })
        {
            return Failed(index, item, item is LoadFailure failure ? failure.Message : $"{item.Source}: not an article");
        }

        try
        {
            var watch = Stopwatch.StartNew();
            var document = Analyze(article);
            var analysis = watch.Elapsed;
            if (document.Sentences.Count == 0)
            {
                return Failed(index, article, "the article has no text to summarise");
            }

            var result = _extractive!.Summarize(document);
            return result with { Index = index, Timings = new SummaryTimings(analysis, watch.Elapsed - analysis) };
        }
        catch (Exception ex)
        {
            // Whatever goes wrong with one article is that article's error; the rest of the run goes on.
            return Failed(index, article, Message(ex));
        }
    }

    private async IAsyncEnumerable<SummaryResult> LlmAllAsync(IAsyncEnumerable<LoadItem> items, LlmMethod method,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Load failures skip the model; they are reported between the rows it finishes.
        var failures = new System.Collections.Concurrent.ConcurrentQueue<SummaryResult>();
        var inputIndex = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        async IAsyncEnumerable<Article> Articles([EnumeratorCancellation] CancellationToken ct = default)
        {
            int item = 0, article = 0;
            await foreach (var loaded in items.WithCancellation(ct).ConfigureAwait(false))
            {
                if (loaded is LoadedArticle { Article: var a })
                {
                    inputIndex[article++] = item;
                    yield return WithLanguage(a);
                }
                else
                {
                    failures.Enqueue(Failed(item, loaded, loaded is LoadFailure f ? f.Message : $"{loaded.Source}: not an article"));
                }

                item++;
            }
        }

        await foreach (var row in method.Summarizer.SummarizeBatchAsync(Articles(cancellationToken), null, null, cancellationToken).ConfigureAwait(false))
        {
            while (failures.TryDequeue(out var failure))
            {
                yield return failure;
            }

            var index = inputIndex.TryRemove(row.Index, out var i) ? i : row.Index;
            yield return row.Summary is null
                ? Failed(index, row.Article, row.Error ?? "the summary failed")
                : method.ToResult(row.Document ?? _analyzer.Analyze(row.Article), row.Summary) with { Index = index };
        }

        while (failures.TryDequeue(out var failure))
        {
            yield return failure;
        }
    }

    private Article WithLanguage(Article article) =>
        article.Language is null && Request.Language is null && _options.DetectLanguage
            ? article with { Language = LanguageDetector.Detect(article.Body) }
            : article;

    // Messages name the input, as load failures do.
    private SummaryResult Failed(int index, Article article, string error) =>
        SummaryResult.Failed(index, Method.Name, article.Id, article.Source, $"{article.Source ?? article.Id}: {error}") with { Title = article.Title };

    private SummaryResult Failed(int index, LoadItem item, string error) =>
        SummaryResult.Failed(index, Method.Name, null, item.Source, error);

    private static string Message(Exception ex) => ex switch
    {
        UserInputException or LlmRequestException => ex.Message,
        _ => Secrets.Redact(ex.Message),
    };
}
