using System.Runtime.CompilerServices;
using Summarizer.Analysis;
using Summarizer.Ingestion;
using Summarizer.Llm;
using Summarizer.Requests;
using Summarizer.Summarization;

namespace Summarizer.Stories;

/// <summary>One story with its summary.</summary>
/// <param name="Story">The story: articles, copies, label, dates, entities.</param>
/// <param name="Summary">Its summary: each sentence names its article (<see cref="SummarySentence.ArticleId"/>); for
/// an LLM digest, each written sentence lists the article sentences that support it. A failed summary has an error.</param>
public sealed record StoryResult(Story Story, SummaryResult Summary);

/// <summary>
/// From a pile of articles to "what happened, story by story", for one <see cref="SummarizeRequest"/>: analyses the
/// articles as <see cref="SummaryPipeline"/> does (language detected when unknown), finds copies and stories
/// (<see cref="StoryFinder"/>), and summarises each story with the request's method: extractive methods through
/// <see cref="StorySummarizer"/>, <c>llm</c> as a digest (<see cref="LlmSummarizer.DigestAsync"/>). The command line and
/// the notebook both run it.
/// </summary>
public sealed class StoryPipeline : IDisposable
{
    private readonly SummaryPipeline _pipeline;
    private readonly StoryOptions _stories;
    private readonly StorySummaryOptions _summaries;
    private readonly ISummarizer? _extractive;

    /// <summary>Prepares the method for <paramref name="request"/>; for an LLM, resolves and connects the provider.</summary>
    /// <exception cref="UserInputException">The request is invalid or its provider is not configured.</exception>
    public StoryPipeline(SummarizeRequest request, StoryOptions? stories = null, StorySummaryOptions? summaries = null,
        PipelineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        _pipeline = new SummaryPipeline(request, options);
        _stories = stories ?? StoryOptions.Default;
        _stories.Validate();
        _summaries = summaries ?? StorySummaryOptions.Default;
        _summaries.Validate();
        _extractive = request.IsAbstractive ? null : request.Method.Create(request.MethodOptions);
    }

    /// <summary>The request this pipeline carries out.</summary>
    public SummarizeRequest Request => _pipeline.Request;

    /// <summary>The LLM summariser, null for extractive methods.</summary>
    public LlmSummarizer? LlmSummarizer => _pipeline.LlmSummarizer;

    /// <summary>Where LLM calls go (its text masks the key); null for extractive methods.</summary>
    public LlmConfiguration? LlmConfiguration => _pipeline.LlmConfiguration;

    /// <summary>Analyses the articles (in parallel) and finds their copies and stories.</summary>
    public StoryReport Find(IReadOnlyList<Article> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var documents = new Document[articles.Count];
        Parallel.For(0, articles.Count, i => documents[i] = _pipeline.Analyze(articles[i]));
        return StoryFinder.Find(documents, _stories);
    }

    /// <summary>
    /// Summarises the stories of <paramref name="report"/> (all of them, or <paramref name="stories"/>), yielding them in
    /// the report's order (largest first).
    /// Extractive summaries are computed on every core; LLM digests run <see cref="LlmOptions.MaxConcurrency"/> calls at
    /// a time. A story whose summary fails gets a result with an error and the others go on.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async IAsyncEnumerable<StoryResult> SummarizeAsync(StoryReport report, IEnumerable<Story>? stories = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var wanted = stories?.ToHashSet();
        var chosen = wanted is null ? report.Stories : report.Stories.Where(wanted.Contains).ToArray();
        if (_extractive is not null)
        {
            var results = new StoryResult[chosen.Count];
            Parallel.For(0, results.Length, new ParallelOptions { CancellationToken = cancellationToken }, s =>
                results[s] = new StoryResult(chosen[s], Extractive(chosen[s], report)));
            foreach (var result in results)
            {
                yield return result;
            }

            yield break;
        }

        var llm = LlmSummarizer!;
        using var gate = new SemaphoreSlim(llm.Options.MaxConcurrency);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // Stories start in order as call slots free up; results come out in order.
        var running = new Queue<Task<StoryResult>>();
        var next = 0;
        try
        {
            while (next < chosen.Count || running.Count > 0)
            {
                while (next < chosen.Count && running.Count < llm.Options.MaxConcurrency * 2)
                {
                    var story = chosen[next++];
                    running.Enqueue(Task.Run(() => DigestAsync(story, report, llm, gate, stop.Token), CancellationToken.None));
                }

                yield return await running.Dequeue().ConfigureAwait(false);
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            foreach (var task in running)
            {
                await ((Task)task).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>One story's summary with the request's extractive method.</summary>
    public SummaryResult Extractive(Story story, StoryReport report)
    {
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(report);
        if (_extractive is null)
        {
            throw new InvalidOperationException("The request's method is not extractive; use SummarizeAsync.");
        }

        try
        {
            return StorySummarizer.Summarize(story, report, _extractive, Request.Length, _summaries);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return StorySummarizer.Describe(story, [], _extractive.Name) with { Error = $"{story.Id}: {Secrets.Redact(ex.Message)}" };
        }
    }

    /// <inheritdoc />
    public void Dispose() => _pipeline.Dispose();

    private async Task<StoryResult> DigestAsync(Story story, StoryReport report, LlmSummarizer llm, SemaphoreSlim gate, CancellationToken cancellationToken)
    {
        var documents = story.Articles.Select(a => report.Documents[a.Index]).Where(d => d.Sentences.Count > 0).ToArray();
        var describe = StorySummarizer.Describe(story, documents, LlmSummarizer.Method.Name);
        try
        {
            var digest = await llm.DigestCoreAsync(documents, null, gate, cancellationToken).ConfigureAwait(false);
            return new StoryResult(story, ToResult(describe, documents, digest, llm));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            var message = ex is UserInputException or LlmRequestException ? ex.Message : Secrets.Redact(ex.Message);
            return new StoryResult(story, describe with { Error = $"{story.Id}: {message}" });
        }
    }

    private SummaryResult ToResult(SummaryResult describe, IReadOnlyList<Document> documents, LlmSummary digest, LlmSummarizer llm)
    {
        var sentences = digest.Grounding.Select(g => new SummarySentence(g.Text)
        {
            Score = g.Score,
            Unsupported = g.Unsupported,
            Support = g.Sources.Select(s =>
            {
                var document = documents[s.Document];
                var source = document.Sentences[s.Index];
                return new SentenceSupport(s.Index, source.Start, source.End, source.Text, s.Score) { ArticleId = document.Article.Id };
            }).ToArray(),
        }).ToArray();
        var provider = LlmConfiguration is { } c ? LlmProviders.NameOf(c.Provider) : null;
        return describe with
        {
            Text = digest.Text.Trim(),
            Sentences = sentences,
            Words = Tokenizer.Words(digest.Text).Count,
            Llm = new LlmDetails(provider, digest.Model ?? llm.Model, digest.Usage, digest.Cost, digest.FromCache, digest.Calls),
        };
    }
}
