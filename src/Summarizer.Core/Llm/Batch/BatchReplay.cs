using Microsoft.Extensions.AI;
using Summarizer.Analysis;
using Summarizer.Ingestion;
using Summarizer.Requests;

namespace Summarizer.Llm.Batch;

/// <summary>The pipeline, summariser and service of a stored job, with this process's credentials.</summary>
internal sealed class OpenBatchJob(SummaryPipeline pipeline, BatchApi api) : IDisposable
{
    public SummaryPipeline Pipeline { get; } = pipeline;

    public BatchApi Api { get; } = api;

    public LlmSummarizer Summarizer => Pipeline.LlmSummarizer!;

    public LlmMethod Method => (LlmMethod)Pipeline.Method;

    public void Dispose()
    {
        Api.Dispose();
        Pipeline.Dispose();
    }
}

/// <summary>
/// One pass over a job's inputs with the answers in hand: each article's plan is followed as far as its answers go,
/// giving its result, its error, or the next requests to submit. Articles are worked out on every core, a few
/// hundred at a time; results, counts and follow-up requests are given out in input order.
/// </summary>
internal sealed class BatchReplay(BatchStore store, BatchManifest manifest, OpenBatchJob job, Action<SummaryResult>? onResult)
{
    private const int ChunkSize = 256;
    private readonly BatchStore _store = store;
    private readonly Dictionary<string, BatchAnswer> _laterAnswers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BatchPart> _laterRequests = new(StringComparer.Ordinal);
    private readonly Dictionary<int, Dictionary<string, BatchAnswer>> _firstAnswers = [];
    private readonly Dictionary<int, PartWriter> _writers = [];
    private readonly BatchLineWriter _lines = new(job.Api.RequestUrl, manifest.Settings.Model, job.Summarizer.Options);
    private readonly BatchPart[] _firstParts = manifest.Parts.Where(p => p.Round == 1).ToArray();
    private int _lastNumber = manifest.Parts.Count;

    public int Succeeded { get; private set; }

    public int Failed { get; private set; }

    public int Pending { get; private set; }

    public List<BatchPart> FollowUps { get; } = [];

    public int FollowUpRequests => FollowUps.Sum(p => p.Requests);

    public void Run(CancellationToken cancellationToken)
    {
        LoadLaterRounds();
        var ids = new BatchIds.Occurrences();
        var chunk = new List<(int Index, LoadItem Item, string? Key)>(ChunkSize);
        var index = 0;
        try
        {
            foreach (var item in BatchInputs.Read(_store.PathOf(manifest.Id, BatchInputs.FileName)))
            {
                chunk.Add((index++, item, item is LoadedArticle { Article: var a } ? ids.Next(a.Id) : null));
                if (chunk.Count == ChunkSize)
                {
                    RunChunk(chunk, cancellationToken);
                    chunk.Clear();
                }
            }

            RunChunk(chunk, cancellationToken);
            foreach (var (_, writer) in _writers.OrderBy(w => w.Key))
            {
                FollowUps.AddRange(writer.Finish());
            }
        }
        finally
        {
            foreach (var writer in _writers.Values)
            {
                writer.Dispose();
            }
        }
    }

    private void RunChunk(List<(int Index, LoadItem Item, string? Key)> chunk, CancellationToken cancellationToken)
    {
        if (chunk.Count == 0)
        {
            return;
        }

        LoadFirstAnswers(chunk[0].Index, chunk[^1].Index);
        var outcomes = new Outcome[chunk.Count];
        Parallel.For(0, chunk.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var (index, item, key) = chunk[i];
            outcomes[i] = item is LoadedArticle { Article: var article }
                ? Article(index, article, key!)
                : Outcome.Of(SummaryResult.Failed(index, job.Method.Name, null, item.Source, item is LoadFailure f ? f.Message : $"{item.Source}: not an article"));
        });

        for (var i = 0; i < outcomes.Length; i++)
        {
            var outcome = outcomes[i];
            if (outcome.Result is { } result)
            {
                if (result.Error is null)
                {
                    Succeeded++;
                }
                else
                {
                    Failed++;
                }

                onResult?.Invoke(result);
                continue;
            }

            Pending++;
            if (outcome.Next is { } next)
            {
                if (!_writers.TryGetValue(next.Step, out var writer))
                {
                    writer = _writers[next.Step] = new PartWriter(_store, manifest, next.Step, () => ++_lastNumber);
                }

                var article = ((LoadedArticle)chunk[i].Item).Article;
                writer.Add(chunk[i].Index, article.Id, next.Keys.Select((k, j) => _lines.Line(k, next.Messages[j])).ToArray());
            }
        }
    }

    /// <summary>Follows one article's plan with the answers in hand.</summary>
    private Outcome Article(int index, Ingestion.Article article, string articleKey)
    {
        Document document;
        SummaryPlan plan;
        try
        {
            document = job.Pipeline.Analyze(article);
            if (document.Sentences.Count == 0)
            {
                return Fail(index, article, "the article has no text to summarise");
            }

            plan = job.Summarizer.Plan(document);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return Fail(index, article, ex.Message);
        }

        var calls = new List<(IList<ChatMessage> Messages, LlmCall Call)>();
        while (true)
        {
            IReadOnlyList<IList<ChatMessage>>? round;
            try
            {
                round = plan.NextRound();
            }
            catch (InvalidOperationException ex)
            {
                return Fail(index, article, ex.Message);
            }

            var step = plan.Round + 1;
            IReadOnlyList<IList<ChatMessage>> messages = round ?? [plan.Final()];
            var keys = round is null
                ? [BatchIds.Final(articleKey)]
                : round.Select((_, i) => BatchIds.Map(articleKey, step, i + 1)).ToArray();
            var found = new List<LlmCall>(keys.Length);
            for (var i = 0; i < keys.Length; i++)
            {
                var (answer, missing) = Look(index, step, keys[i]);
                if (answer?.Call is { } call)
                {
                    found.Add(call);
                    calls.Add((messages[i], call));
                }
                else if (answer?.Error is { } error)
                {
                    return Fail(index, article, error);
                }
                else
                {
                    return missing == Missing.Waiting ? Outcome.Waiting : new Outcome(null, new NextStep(step, keys, messages));
                }
            }

            if (round is not null)
            {
                plan.Complete(found.Select(c => c.Text).ToArray());
                continue;
            }

            foreach (var (m, call) in calls)
            {
                job.Summarizer.Remember(m, call);
            }

            if (onResult is null)
            {
                // Only advancing the job: the result is not wanted, so it is not grounded.
                return Outcome.Of(new SummaryResult { Index = index, Method = job.Method.Name });
            }

            var summary = job.Summarizer.Finish(document, calls.Select(c => c.Call).ToArray());
            return Outcome.Of(job.Method.ToResult(document, summary) with { Index = index });
        }
    }

    /// <summary>The answer to one request (or the reason it has none for good), or why it is still missing. A part's
    /// retries come after it in the manifest, so the last part that asked has the latest word; any success wins.</summary>
    private (BatchAnswer? Answer, Missing Missing) Look(int index, int step, string key)
    {
        BatchPart? part = null;
        BatchAnswer? error = null;
        if (step == 1)
        {
            foreach (var covering in _firstParts.Where(p => p.FirstInput <= index && index <= p.LastInput))
            {
                if (_firstAnswers.TryGetValue(covering.Number, out var answers) && answers.TryGetValue(key, out var answer))
                {
                    if (answer.Call is not null)
                    {
                        return (answer, default);
                    }

                    error = answer;
                }

                part = covering;
            }

            if (part is null)
            {
                return (new BatchAnswer(null, "no request was submitted for this article"), default);
            }
        }
        else
        {
            if (_laterAnswers.TryGetValue(key, out var answer))
            {
                if (answer.Call is not null)
                {
                    return (answer, default);
                }

                error = answer;
            }

            part = _laterRequests.GetValueOrDefault(key);
            if (part is null)
            {
                return manifest.Cancelled
                    ? (new BatchAnswer(null, "the job was cancelled before this step was submitted"), default)
                    : (null, Missing.NotRequested);
            }
        }

        if (part.Step != PartStep.Downloaded)
        {
            return (null, Missing.Waiting);
        }

        return (error ?? new BatchAnswer(null, part.Status switch
        {
            "expired" => $"batch part {part.Number} expired before this request ran",
            "cancelled" => $"batch part {part.Number} was cancelled before this request ran",
            "failed" => $"batch part {part.Number} failed: {part.Error ?? "no reason given"}",
            _ => $"batch part {part.Number} ended without an answer for this request",
        }), default);
    }

    // Only the parts covering the inputs at hand stay in memory: a part's answers are read when its first input comes.
    private void LoadFirstAnswers(int from, int to)
    {
        foreach (var number in _firstAnswers.Keys.Where(n => _firstParts.First(p => p.Number == n).LastInput < from).ToArray())
        {
            _firstAnswers.Remove(number);
        }

        foreach (var part in _firstParts.Where(p => p.FirstInput <= to && p.LastInput >= from && !_firstAnswers.ContainsKey(p.Number)))
        {
            var answers = new Dictionary<string, BatchAnswer>(StringComparer.Ordinal);
            if (part.Step == PartStep.Downloaded)
            {
                ReadAnswers(part, answers);
            }

            _firstAnswers[part.Number] = answers;
        }
    }

    private void LoadLaterRounds()
    {
        foreach (var part in manifest.Parts.Where(p => p.Round > 1))
        {
            foreach (var line in File.ReadLines(_store.PathOf(manifest.Id, part.File)))
            {
                _laterRequests[BatchIds.Of(line)] = part;
            }

            if (part.Step == PartStep.Downloaded)
            {
                ReadAnswers(part, _laterAnswers);
            }
        }
    }

    private void ReadAnswers(BatchPart part, Dictionary<string, BatchAnswer> answers)
    {
        foreach (var file in new[] { part.OutputFile, part.ErrorFile })
        {
            var path = _store.PathOf(manifest.Id, file);
            if (File.Exists(path))
            {
                BatchOutput.Read(path, answers, job.Summarizer, job.Pipeline.LlmConfiguration?.ApiKey);
            }
        }
    }

    private Outcome Fail(int index, Ingestion.Article article, string error) => Outcome.Of(
        SummaryResult.Failed(index, job.Method.Name, article.Id, article.Source, $"{article.Source ?? article.Id}: {error}") with { Title = article.Title });

    private enum Missing
    {
        NotRequested,
        Waiting,
    }

    /// <summary>The requests of an article's next step.</summary>
    private sealed record NextStep(int Step, string[] Keys, IReadOnlyList<IList<ChatMessage>> Messages);

    /// <summary>An article's result, or its next step to submit, or neither while it waits.</summary>
    private sealed record Outcome(SummaryResult? Result, NextStep? Next)
    {
        public static Outcome Waiting { get; } = new(null, null);

        public static Outcome Of(SummaryResult result) => new(result, null);
    }
}
