using Summarizer.Ingestion;

namespace Summarizer.Llm;

/// <summary>Tokens a call (or several) consumed.</summary>
/// <param name="InputTokens">Prompt tokens.</param>
/// <param name="OutputTokens">Completion tokens.</param>
public readonly record struct TokenUsage(long InputTokens, long OutputTokens)
{
    /// <summary>No tokens.</summary>
    public static TokenUsage None => default;

    /// <summary>Prompt plus completion tokens.</summary>
    public long TotalTokens => InputTokens + OutputTokens;

    /// <summary>Adds two usages.</summary>
    public static TokenUsage operator +(TokenUsage a, TokenUsage b) =>
        new(a.InputTokens + b.InputTokens, a.OutputTokens + b.OutputTokens);

    /// <summary>Adds two usages.</summary>
    public static TokenUsage Add(TokenUsage left, TokenUsage right) => left + right;
}

/// <summary>A source sentence that supports a summary sentence.</summary>
/// <param name="Index">The sentence's index in the source <see cref="Analysis.Document"/>.</param>
/// <param name="Text">The source sentence.</param>
/// <param name="Score">Lexical similarity in [0, 1] (cosine of TF-IDF weighted stems).</param>
public sealed record SourceSupport(int Index, string Text, double Score)
{
    /// <summary>Position of the sentence's document among several grounded at once (a story's articles); 0 for one.</summary>
    public int Document { get; init; }
}

/// <summary>One summary sentence with the source sentences that support it, best first.</summary>
/// <param name="Text">The summary sentence.</param>
/// <param name="Sources">Supporting source sentences (score at least the threshold), best first; empty when none.</param>
public sealed record GroundedSentence(string Text, IReadOnlyList<SourceSupport> Sources)
{
    /// <summary>True when no source sentence supports this sentence: it may state something the article does not.</summary>
    public bool Unsupported => Sources.Count == 0;

    /// <summary>The best support score, 0 when unsupported.</summary>
    public double Score => Sources.Count == 0 ? 0 : Sources[0].Score;
}

/// <summary>An abstractive summary of one article.</summary>
/// <param name="Text">The summary as the model wrote it.</param>
/// <param name="Grounding">Each summary sentence with its supporting source sentences.</param>
/// <param name="Usage">Tokens of the calls that produced it (for a cached summary, of the original calls).</param>
/// <param name="Cost">Cost of this run at the configured prices: zero when served from the cache, null without prices.</param>
/// <param name="FromCache">True when every call was answered from the on-disk cache.</param>
/// <param name="Model">The model or deployment that wrote it.</param>
/// <param name="Calls">Chat calls made or reused (more than one after map-reduce over a long article).</param>
public sealed record LlmSummary(
    string Text,
    IReadOnlyList<GroundedSentence> Grounding,
    TokenUsage Usage,
    decimal? Cost,
    bool FromCache,
    string? Model,
    int Calls)
{
    /// <summary>Summary sentences with no support in the source.</summary>
    public IReadOnlyList<GroundedSentence> UnsupportedSentences => Grounding.Where(g => g.Unsupported).ToArray();
}

/// <summary>One row of a batch: the summary, or the error that stopped it. One failed row never stops the batch.</summary>
/// <param name="Index">Position of the article in the input, from 0 (results arrive in completion order).</param>
/// <param name="Article">The input article.</param>
/// <param name="Summary">The summary, null when the row failed.</param>
/// <param name="Error">What went wrong, null when the row succeeded. Never contains a key.</param>
public sealed record LlmBatchResult(int Index, Article Article, LlmSummary? Summary, string? Error)
{
    /// <summary>The analysed article the summary was made and grounded from (null when analysis failed).</summary>
    public Analysis.Document? Document { get; init; }

    /// <summary>True when the row has a summary.</summary>
    public bool Succeeded => Summary is not null;
}

/// <summary>Where a batch stands; reported after every finished row.</summary>
/// <param name="Completed">Rows finished, failed ones included.</param>
/// <param name="Failed">Rows that ended with an error.</param>
/// <param name="FromCache">Rows answered from the cache.</param>
/// <param name="Total">Rows in the input, when known in advance.</param>
/// <param name="Usage">Tokens paid for so far (cached rows excluded).</param>
/// <param name="Cost">Cost so far, when prices are configured.</param>
/// <param name="Elapsed">Time since the batch started.</param>
public sealed record LlmBatchProgress(int Completed, int Failed, int FromCache, int? Total, TokenUsage Usage, decimal? Cost, TimeSpan Elapsed);

/// <summary>The answer to one chat call.</summary>
/// <param name="Text">What the model wrote.</param>
/// <param name="Usage">Tokens of the call.</param>
/// <param name="FromCache">True when the answer came from the on-disk cache.</param>
/// <param name="Model">The model that answered, when the service said.</param>
internal sealed record LlmCall(string Text, TokenUsage Usage, bool FromCache, string? Model);
