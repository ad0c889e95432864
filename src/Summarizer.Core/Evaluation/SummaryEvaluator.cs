using System.Diagnostics;

namespace Summarizer.Evaluation;

/// <summary>One document to evaluate: a candidate summary and its references, each one sentence per line.</summary>
/// <param name="Id">The document id (used in problems and per-document results).</param>
/// <param name="Candidate">The candidate summary, one sentence per line.</param>
/// <param name="References">One or more reference summaries, one sentence per line each.</param>
public sealed record EvaluationItem(string Id, string Candidate, IReadOnlyList<string> References);

/// <summary>The ROUGE scores of one document.</summary>
/// <param name="Id">The document id.</param>
/// <param name="Scores">Its ROUGE-1, ROUGE-2 and ROUGE-L scores.</param>
public sealed record DocumentEvaluation(string Id, RougeScores Scores);

/// <summary>An item that could not be scored, and why; the other items are scored regardless.</summary>
/// <param name="Id">The document id (or its position when it has none).</param>
/// <param name="Message">What is wrong with it.</param>
public sealed record EvaluationProblem(string Id, string Message);

/// <summary>Settings for <see cref="SummaryEvaluator"/>.</summary>
/// <param name="Corpus">How per-document scores are averaged; <see cref="CorpusRougeOptions.Default"/> when null.</param>
/// <param name="KeepDocuments">Whether the report keeps every document's scores (default true).</param>
public sealed record SummaryEvaluatorOptions(CorpusRougeOptions? Corpus = null, bool KeepDocuments = true)
{
    /// <summary>ROUGE-1.5.5's averaging with per-document scores kept.</summary>
    public static SummaryEvaluatorOptions Default { get; } = new();
}

/// <summary>The evaluation of one summarisation method over a corpus.</summary>
/// <param name="Method">The method's name, as given by the caller.</param>
/// <param name="Aggregate">The corpus averages, as ROUGE-1.5.5 reports them.</param>
/// <param name="Documents">Per-document scores in input order (empty when not kept).</param>
/// <param name="Problems">Items that were skipped, with the reason.</param>
/// <param name="Elapsed">Wall time from the first to the last item, including producing the candidates when the
/// items are generated lazily (e.g. by running the summariser).</param>
/// <param name="ScoringTime">The part of <paramref name="Elapsed"/> spent computing ROUGE.</param>
public sealed record EvaluationReport(
    string Method,
    RougeAggregate Aggregate,
    IReadOnlyList<DocumentEvaluation> Documents,
    IReadOnlyList<EvaluationProblem> Problems,
    TimeSpan Elapsed,
    TimeSpan ScoringTime)
{
    /// <summary>Scored documents per second of <see cref="Elapsed"/>.</summary>
    public double DocumentsPerSecond => Elapsed > TimeSpan.Zero ? Aggregate.Documents / Elapsed.TotalSeconds : 0;

    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant(
        $"{Method}: {Aggregate}; {DocumentsPerSecond:0.0} documents/s; {Problems.Count} skipped");
}

/// <summary>
/// Scores a method's summaries against references with <see cref="Rouge"/> and averages them with
/// <see cref="CorpusRouge"/>, timing the run. Items are consumed lazily, so passing a sequence that runs the
/// summariser measures the summariser's throughput too.
/// </summary>
public sealed class SummaryEvaluator
{
    private readonly SummaryEvaluatorOptions _options;

    /// <summary>Creates an evaluator.</summary>
    /// <param name="options">Settings; <see cref="SummaryEvaluatorOptions.Default"/> when null.</param>
    public SummaryEvaluator(SummaryEvaluatorOptions? options = null) => _options = options ?? SummaryEvaluatorOptions.Default;

    /// <summary>Evaluates one method's summaries.</summary>
    /// <param name="method">The method's name (reported back).</param>
    /// <param name="items">The documents, in corpus order.</param>
    /// <param name="cancellationToken">Stops between items.</param>
    public EvaluationReport Evaluate(string method, IEnumerable<EvaluationItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentNullException.ThrowIfNull(items);
        var scores = new List<RougeScores>();
        var documents = new List<DocumentEvaluation>();
        var problems = new List<EvaluationProblem>();
        var scoring = new Stopwatch();
        var wall = Stopwatch.StartNew();
        var position = 0;
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var id = string.IsNullOrEmpty(item?.Id) ? $"#{position}" : item.Id;
            position++;
            if (Validate(item) is { } problem)
            {
                problems.Add(new EvaluationProblem(id, problem));
                continue;
            }

            scoring.Start();
            var result = Rouge.Score(item!.Candidate, item.References);
            scoring.Stop();
            scores.Add(result);
            if (_options.KeepDocuments)
            {
                documents.Add(new DocumentEvaluation(id, result));
            }
        }

        scoring.Start();
        var aggregate = CorpusRouge.Aggregate(scores, _options.Corpus);
        scoring.Stop();
        wall.Stop();
        return new EvaluationReport(method, aggregate, documents, problems, wall.Elapsed, scoring.Elapsed);
    }

    private static string? Validate(EvaluationItem? item)
    {
        if (item is null)
        {
            return "The item is missing.";
        }

        if (item.Candidate is null)
        {
            return "The candidate summary is missing.";
        }

        if (item.References is null || item.References.Count == 0)
        {
            return "There is no reference summary.";
        }

        for (var i = 0; i < item.References.Count; i++)
        {
            if (item.References[i] is null)
            {
                return $"Reference {i} is missing.";
            }
        }

        return null;
    }
}
