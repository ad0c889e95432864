using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.AI;
using Summarizer.Analysis;
using Summarizer.Ingestion;
using Summarizer.Summarization;

namespace Summarizer.Llm;

/// <summary>
/// Abstractive summaries through any <see cref="IChatClient"/> (Azure OpenAI, OpenAI and compatible servers via
/// <see cref="LlmProviders.CreateChatClient"/>). Long articles are summarised in sentence-aligned chunks and the parts
/// combined (map-reduce); every call is retried with backoff and cached on disk; every summary is grounded in the
/// source. Thread-safe.
/// </summary>
public sealed partial class LlmSummarizer
{
    private readonly IChatClient _client;
    private readonly TextAnalyzer _analyzer;
    private readonly LlmCache? _cache;
    private readonly ChatClientMetadata? _metadata;

    /// <summary>Creates a summariser over <paramref name="client"/>; the caller keeps ownership of the client.</summary>
    public LlmSummarizer(IChatClient client, LlmOptions? options = null, TextAnalyzer? analyzer = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        Options = options ?? LlmOptions.Default;
        Options.Validate();
        _client = client;
        _analyzer = analyzer ?? TextAnalyzer.Default;
        _metadata = client.GetService<ChatClientMetadata>();
        _cache = Options.UseCache ? new LlmCache(Options.CacheDirectory ?? LlmCache.DefaultDirectory()) : null;
    }

    /// <summary>
    /// The catalog-style entry for <c>--method llm</c> (abstractive, so no extractive factory). Not in
    /// <see cref="SummarizerCatalog.Methods"/> itself, whose entries all create extractive summarisers.
    /// </summary>
    public static SummarizerMethod Method { get; } = SummarizerMethod.Abstractive(
        "llm", "LLM", "Abstractive summary written by a chat model (Azure OpenAI, OpenAI or a compatible server), grounded in the source.",
        ["abstractive", "gpt"],
        Requests.RequestOptions.All.Where(o => o.ForLlm)
            .Select(o => new MethodOption(o.Name, o.Description, o.DefaultValue ?? "", o.Kind == Requests.RequestOptionKind.Flag ? "no value" : "a value"))
            .ToArray());

    /// <summary>The options in force.</summary>
    public LlmOptions Options { get; }

    /// <summary>The model or deployment summaries are asked from.</summary>
    public string? Model => Options.Model ?? _metadata?.DefaultModelId;

    /// <summary>Summarises one analysed article.</summary>
    public Task<LlmSummary> SummarizeAsync(Document document, CancellationToken cancellationToken = default) =>
        SummarizeAsync(document, null, cancellationToken);

    /// <summary>
    /// Summarises one analysed article, streaming: <paramref name="onText"/> receives each piece of the final summary as
    /// it arrives (a cached summary arrives in one piece). The returned summary is the complete text with grounding.
    /// </summary>
    public Task<LlmSummary> SummarizeAsync(Document document, Action<string>? onText, CancellationToken cancellationToken = default) =>
        SummarizeCoreAsync(document, onText, null, cancellationToken);

    /// <summary>The summary pipeline; <paramref name="callGate"/>, when given, bounds the chat calls in flight.</summary>
    private async Task<LlmSummary> SummarizeCoreAsync(Document document, Action<string>? onText, SemaphoreSlim? callGate,
        CancellationToken cancellationToken)
    {
        var plan = Plan(document);
        var calls = new List<LlmCall>();
        while (plan.NextRound() is { } round)
        {
            var parts = new List<string>(round.Count);
            foreach (var messages in round)
            {
                var part = await CallAsync(messages, null, callGate, cancellationToken).ConfigureAwait(false);
                calls.Add(part);
                parts.Add(part.Text);
            }

            plan.Complete(parts);
        }

        calls.Add(await CallAsync(plan.Final(), onText, callGate, cancellationToken).ConfigureAwait(false));
        return Finish(document, calls);
    }

    /// <summary>The calls summarising <paramref name="document"/> takes with these options.</summary>
    internal SummaryPlan Plan(Document document) => SummaryPlan.Create(document, Options, Model);

    /// <summary>The summary from the answers to a plan's calls, the final one last: grounded, with usage and cost.</summary>
    internal LlmSummary Finish(Document document, IReadOnlyList<LlmCall> calls)
    {
        var final = calls[^1];
        var summaryText = final.Text.Trim();
        var usage = calls.Aggregate(TokenUsage.None, (u, c) => u + c.Usage);
        var paid = calls.Where(c => !c.FromCache).Aggregate(TokenUsage.None, (u, c) => u + c.Usage);
        return new LlmSummary(
            summaryText,
            SummaryGrounding.Ground(document, summaryText, Options.MinSupportScore),
            usage,
            Options.Prices?.CostOf(paid),
            calls.All(c => c.FromCache),
            Model ?? final.Model,
            calls.Count);
    }

    /// <summary>The settings every call is made with (model, temperature, completion cap).</summary>
    internal ChatOptions CallOptions() => new()
    {
        ModelId = Options.Model,
        Temperature = Options.Temperature,
        MaxOutputTokens = Options.EffectiveMaxOutputTokens,
    };

    /// <summary>Stores an answer obtained elsewhere (the Batch API) as this summariser would have cached it, unless an
    /// answer to the same request is cached already; nothing when the cache is off.</summary>
    internal void Remember(IList<ChatMessage> messages, LlmCall call)
    {
        if (_cache is null)
        {
            return;
        }

        var key = LlmCache.Key(_metadata, Options.Model, messages, CallOptions());
        if (!_cache.Contains(key))
        {
            _cache.Set(key, new CacheEntry(call.Text, call.Usage.InputTokens, call.Usage.OutputTokens, call.Model, DateTimeOffset.UtcNow));
        }
    }

    /// <summary>The final summary of one article, piece by piece as the model writes it.</summary>
    public async IAsyncEnumerable<string> StreamAsync(Document document, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var channel = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var run = Task.Run(async () =>
        {
            try
            {
                await SummarizeAsync(document, piece => channel.Writer.TryWrite(piece), cancellationToken).ConfigureAwait(false);
                channel.Writer.Complete();
            }
            catch (Exception ex)
            {
                channel.Writer.Complete(ex);
            }
        }, CancellationToken.None);

        await foreach (var piece in channel.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            yield return piece;
        }

        await run.ConfigureAwait(false);
    }

    /// <summary>Summarises many articles; see the <see cref="IAsyncEnumerable{T}"/> overload.</summary>
    public IAsyncEnumerable<LlmBatchResult> SummarizeBatchAsync(IEnumerable<Article> articles, IProgress<LlmBatchProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        int? total = articles is IReadOnlyCollection<Article> c ? c.Count : null;
        return SummarizeBatchAsync(articles.ToAsyncEnumerable(), progress, total, cancellationToken);
    }

    /// <summary>
    /// Summarises many articles, <see cref="LlmOptions.MaxConcurrency"/> at a time, yielding each row as it finishes
    /// (so in completion order; <see cref="LlmBatchResult.Index"/> gives the input position). A failed row carries its
    /// error and the batch goes on. On cancellation no new rows start, rows in flight are abandoned, rows already
    /// yielded stay yielded (and cached), and the enumeration ends with <see cref="OperationCanceledException"/>.
    /// </summary>
    /// <param name="articles">The input, read lazily.</param>
    /// <param name="progress">Told after every finished row.</param>
    /// <param name="total">Input size for progress, when known.</param>
    /// <param name="cancellationToken">Stops the batch.</param>
    public async IAsyncEnumerable<LlmBatchResult> SummarizeBatchAsync(IAsyncEnumerable<Article> articles, IProgress<LlmBatchProgress>? progress,
        int? total, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = stop.Token;
        var results = Channel.CreateUnbounded<LlmBatchResult>();
        var tally = new BatchTally(total, Options.Prices);
        Exception? inputError = null;

        using var callGate = new SemaphoreSlim(Options.MaxConcurrency);

        async Task RunRowAsync(int index, Article article, SemaphoreSlim gate)
        {
            LlmBatchResult? result = null;
            Document? document = null;
            try
            {
                document = _analyzer.Analyze(article);
                var summary = await SummarizeCoreAsync(document, null, callGate, token).ConfigureAwait(false);
                result = new LlmBatchResult(index, article, summary, null) { Document = document };
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                // Unfinished at cancellation: not a result.
            }
            catch (Exception ex)
            {
                result = new LlmBatchResult(index, article, null, Secrets.Redact(ex.Message)) { Document = document };
            }
            finally
            {
                gate.Release();
            }

            if (result is not null)
            {
                progress?.Report(tally.Add(result));
                results.Writer.TryWrite(result);
            }
        }

        var producer = Task.Run(async () =>
        {
            // Rows ahead of the calls in flight: their analysis overlaps the waiting, and memory stays bounded.
            var rowsInProgress = Options.MaxConcurrency * 2;
            using var gate = new SemaphoreSlim(rowsInProgress);
            var running = new List<Task>();
            try
            {
                var index = 0;
                await foreach (var article in articles.WithCancellation(token).ConfigureAwait(false))
                {
                    await gate.WaitAsync(token).ConfigureAwait(false);
                    // Analysis and token counting are CPU work: run them off the reading loop.
                    var i = index++;
                    running.Add(Task.Run(() => RunRowAsync(i, article, gate), CancellationToken.None));
                    if (running.Count > rowsInProgress * 2)
                    {
                        running.RemoveAll(t => t.IsCompleted);
                    }
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                inputError = ex;
            }

            await Task.WhenAll(running).ConfigureAwait(false);
            results.Writer.Complete();
        }, CancellationToken.None);

        try
        {
            await foreach (var result in results.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                yield return result;
            }

            await producer.ConfigureAwait(false);
        }
        finally
        {
            // Also reached when the consumer stops early: stop the rows still running.
            await stop.CancelAsync().ConfigureAwait(false);
            await producer.ConfigureAwait(false);
        }

        if (inputError is not null)
        {
            throw new InvalidOperationException($"Reading the batch input failed: {Secrets.Redact(inputError.Message)}", inputError);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>One chat call with cache, timeout and retries.</summary>
    private async Task<LlmCall> CallAsync(IList<ChatMessage> messages, Action<string>? onText, SemaphoreSlim? callGate,
        CancellationToken cancellationToken)
    {
        var chatOptions = CallOptions();
        var key = _cache is null ? null : LlmCache.Key(_metadata, Options.Model, messages, chatOptions);
        if (key is not null && _cache!.TryGet(key) is { } hit)
        {
            onText?.Invoke(hit.Text);
            return new LlmCall(hit.Text, new TokenUsage(hit.InputTokens, hit.OutputTokens), true, hit.Model);
        }

        for (var attempt = 0; ; attempt++)
        {
            var emitted = false;
            LlmRequestException failure;
            using var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (callGate is not null)
            {
                await callGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            // The next silence may last Timeout, but never past the request's overall deadline; the last arming says
            // which of the two a cancellation was.
            var started = Stopwatch.GetTimestamp();
            var limit = Options.MaxResponseTime > Options.Timeout ? Options.MaxResponseTime : Options.Timeout;
            var overall = false;
            void Arm()
            {
                var left = limit - Stopwatch.GetElapsedTime(started);
                overall = left <= Options.Timeout;
                attemptCts.CancelAfter(overall ? (left > TimeSpan.Zero ? left : TimeSpan.Zero) : Options.Timeout);
            }

            Arm();
            try
            {
                try
                {
                    LlmCall result;
                    if (onText is null)
                    {
                        var response = await _client.GetResponseAsync(messages, chatOptions, attemptCts.Token).ConfigureAwait(false);
                        var answer = response.Text;
                        if (answer.Length > Options.MaxResponseChars)
                        {
                            throw TooLong();
                        }

                        result = new LlmCall(answer, ToUsage(response.Usage), false, response.ModelId);
                    }
                    else
                    {
                        var sb = new StringBuilder();
                        var usage = TokenUsage.None;
                        string? model = null;
                        var finished = false;
                        await foreach (var update in _client.GetStreamingResponseAsync(messages, chatOptions, attemptCts.Token).ConfigureAwait(false))
                        {
                            Arm();
                            model ??= update.ModelId;
                            finished |= update.FinishReason is not null;
                            foreach (var content in update.Contents)
                            {
                                if (content is UsageContent u)
                                {
                                    usage += ToUsage(u.Details);
                                }
                            }

                            var piece = update.Text;
                            if (!string.IsNullOrEmpty(piece))
                            {
                                if (sb.Length + piece.Length > Options.MaxResponseChars)
                                {
                                    throw TooLong();
                                }

                                sb.Append(piece);
                                emitted = true;
                                onText(piece);
                            }
                        }

                        if (!finished)
                        {
                            throw new LlmRequestException("The response stream ended before the model finished.", null, null, true);
                        }

                        result = new LlmCall(sb.ToString(), usage, false, model);
                    }

                    if (string.IsNullOrWhiteSpace(result.Text))
                    {
                        throw new LlmRequestException(EmptyAnswer, null, null, false);
                    }

                    if (key is not null)
                    {
                        _cache!.Set(key, new CacheEntry(result.Text, result.Usage.InputTokens, result.Usage.OutputTokens, result.Model, DateTimeOffset.UtcNow));
                    }

                    return result;
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = overall
                        ? new LlmRequestException($"The response took over {limit.TotalSeconds:0.###} s in all (LlmOptions.MaxResponseTime).", null, null, true)
                        : new LlmRequestException($"No response within {Options.Timeout.TotalSeconds:0.###} s.", null, null, true);
                }
                catch (LlmRequestException ex)
                {
                    failure = ex;
                }
                catch (Exception ex) when (ex is not OperationCanceledException && RedactingChatClient.Translate(ex, null) is { } translated)
                {
                    failure = translated;
                }
            }
            finally
            {
                // Released before any backoff wait, so a throttled row does not hold a slot while sleeping.
                callGate?.Release();
            }

            if (!failure.IsTransient || attempt >= Options.MaxRetries || emitted)
            {
                var tries = attempt + 1;
                var suffix = tries > 1 ? $" (gave up after {tries} attempts)" : string.Empty;
                throw new LlmRequestException(failure.Message + suffix, failure.Status, failure.RetryAfter, failure.IsTransient);
            }

            await Task.Delay(Backoff(attempt, failure.RetryAfter), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Why an empty answer is not a summary.</summary>
    internal const string EmptyAnswer = "The model returned an empty answer.";

    internal LlmRequestException TooLong() =>
        new($"The answer is over {Options.MaxResponseChars} characters (LlmOptions.MaxResponseChars); it is not used or cached.", null, null, false);

    internal TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        var cap = Options.MaxRetryDelay;
        if (retryAfter is { } wait)
        {
            return wait < cap ? wait : cap;
        }

        // Exponential with up to 20% jitter so parallel rows do not retry in step.
        var ms = Options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt) * (1 + (Random.Shared.NextDouble() * 0.2));
        return TimeSpan.FromMilliseconds(Math.Min(ms, cap.TotalMilliseconds));
    }

    private static TokenUsage ToUsage(UsageDetails? details) =>
        details is null ? TokenUsage.None : new TokenUsage(details.InputTokenCount ?? 0, details.OutputTokenCount ?? 0);

    /// <summary>Cuts <paramref name="text"/> at sentence boundaries into pieces of at most <paramref name="budget"/> tokens.</summary>
    internal static List<string> Chunk(string text, IReadOnlyList<SentenceSpan> spans, LlmTokenCounter counter, int budget)
    {
        var chunks = new List<string>();
        var start = -1;
        var end = -1;
        var used = 0;
        foreach (var span in spans)
        {
            var tokens = counter.Count(text[span.Start..span.End]) + 1;
            if (start >= 0 && used + tokens > budget)
            {
                chunks.Add(text[start..end]);
                start = -1;
                used = 0;
            }

            if (start < 0)
            {
                start = span.Start;
            }

            end = span.End;
            used += tokens;
        }

        if (start >= 0)
        {
            chunks.Add(text[start..end]);
        }

        return chunks;
    }


    private sealed class BatchTally(int? total, LlmPrices? prices)
    {
        private readonly Lock _lock = new();
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private int _completed;
        private int _failed;
        private int _fromCache;
        private TokenUsage _usage;

        public LlmBatchProgress Add(LlmBatchResult result)
        {
            lock (_lock)
            {
                _completed++;
                if (result.Summary is null)
                {
                    _failed++;
                }
                else if (result.Summary.FromCache)
                {
                    _fromCache++;
                }
                else
                {
                    _usage += result.Summary.Usage;
                }

                return new LlmBatchProgress(_completed, _failed, _fromCache, total, _usage, prices?.CostOf(_usage), _clock.Elapsed);
            }
        }
    }
}
