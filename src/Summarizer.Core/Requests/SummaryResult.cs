using System.Text.Json.Serialization;
using Summarizer.Analysis;
using Summarizer.Llm;

namespace Summarizer.Requests;

/// <summary>A source sentence that supports a sentence an LLM wrote.</summary>
/// <param name="Index">The source sentence's position in the article, from 0.</param>
/// <param name="Start">Offset of its first character in the article's text as given.</param>
/// <param name="End">One past its last character.</param>
/// <param name="Text">The source sentence.</param>
/// <param name="Score">Lexical similarity to the summary sentence, 0 to 1.</param>
public sealed record SentenceSupport(int Index, int Start, int End, string Text, double Score);

/// <summary>
/// One sentence of a summary. Extractive summaries choose source sentences: <see cref="Index"/>, <see cref="Start"/>
/// and <see cref="End"/> say which and where, and <c>Text == article.Text[Start..End]</c>. A sentence an LLM wrote has
/// no place in the source; <see cref="Support"/> lists the source sentences that back it.
/// </summary>
/// <param name="Text">The sentence.</param>
public sealed record SummarySentence(string Text)
{
    /// <summary>The chosen source sentence's position, from 0; null for a written sentence.</summary>
    public int? Index { get; init; }

    /// <summary>Offset of the first character in the article's text as given; null for a written sentence.</summary>
    public int? Start { get; init; }

    /// <summary>One past the last character; null for a written sentence.</summary>
    public int? End { get; init; }

    /// <summary>The method's score of a chosen sentence, or the best support score of a written one.</summary>
    public double Score { get; init; }

    /// <summary>The source sentences supporting a written sentence, best first (empty for chosen sentences).</summary>
    public IReadOnlyList<SentenceSupport> Support { get; init; } = [];

    /// <summary>True for a written sentence that no source sentence supports.</summary>
    public bool Unsupported { get; init; }
}

/// <summary>Where the time of one summary went.</summary>
/// <param name="Analysis">Splitting, tokenising and stemming (and language detection).</param>
/// <param name="Summary">Scoring and selection, or the model calls.</param>
public sealed record SummaryTimings(TimeSpan Analysis, TimeSpan Summary)
{
    /// <summary>No time recorded.</summary>
    public static SummaryTimings None { get; } = new(TimeSpan.Zero, TimeSpan.Zero);
}

/// <summary>What a language model reported for one summary.</summary>
/// <param name="Provider">The provider name (<c>azure</c>, <c>openai</c>).</param>
/// <param name="Model">The model or deployment that wrote it.</param>
/// <param name="Usage">Tokens of the calls that produced it.</param>
/// <param name="Cost">Cost at the configured prices: zero when served from the cache, null without prices.</param>
/// <param name="FromCache">True when every call was answered from the on-disk cache.</param>
/// <param name="Calls">Chat calls made or reused (more than one after map-reduce).</param>
public sealed record LlmDetails(string? Provider, string? Model, TokenUsage Usage, decimal? Cost, bool FromCache, int Calls);

/// <summary>
/// The one result of summarising one input, whatever the method and host: the CLI's writers, the notebook's card and
/// DataFrame columns, and comparisons all render it. A failed input has <see cref="Error"/> and no summary.
/// </summary>
public sealed record SummaryResult
{
    /// <summary>Position of the input in the run, from 0 (a load failure counts as an input).</summary>
    public int Index { get; init; }

    /// <summary>The article id, when the input got as far as being an article.</summary>
    public string? Id { get; init; }

    /// <summary>Where the input came from: a path, URL, <c>file.jsonl:12</c>, <c>cell</c>.</summary>
    public string? Source { get; init; }

    /// <summary>The article's title, when it has one.</summary>
    public string? Title { get; init; }

    /// <summary>The language the article was analysed in.</summary>
    public string? Language { get; init; }

    /// <summary>The catalog name of the method.</summary>
    public required string Method { get; init; }

    /// <summary>The summary: chosen sentences one a line (line breaks inside a sentence become spaces), or the text
    /// the model wrote. Null when the input failed.</summary>
    public string? Text { get; init; }

    /// <summary>The summary's sentences, in reading order.</summary>
    public IReadOnlyList<SummarySentence> Sentences { get; init; } = [];

    /// <summary>Words in the summary.</summary>
    public int Words { get; init; }

    /// <summary>Words in the article body.</summary>
    public int SourceWords { get; init; }

    /// <summary>Sentences in the article body.</summary>
    public int SourceSentences { get; init; }

    /// <summary>Summary words over article words (0 for an empty article).</summary>
    public double Compression => SourceWords == 0 ? 0 : (double)Words / SourceWords;

    /// <summary>Model, usage and cost, for LLM summaries.</summary>
    public LlmDetails? Llm { get; init; }

    /// <summary>Where the time went.</summary>
    public SummaryTimings Timings { get; init; } = SummaryTimings.None;

    /// <summary>Why the input has no summary, naming it; null on success. Never contains a key.</summary>
    public string? Error { get; init; }

    /// <summary>True when there is a summary.</summary>
    public bool Succeeded => Error is null;

    /// <summary>The analysed article, for renderers that show the source (null when the input failed).</summary>
    [JsonIgnore]
    public Document? Document { get; init; }

    /// <summary>Indices of the chosen source sentences, ascending (empty for LLM summaries).</summary>
    public IReadOnlyList<int> Indices => Sentences.Where(s => s.Index is not null).Select(s => s.Index!.Value).ToArray();

    /// <summary>A failed input.</summary>
    public static SummaryResult Failed(int index, string method, string? id, string? source, string error) =>
        new() { Index = index, Method = method, Id = id, Source = source, Error = error };

    /// <inheritdoc />
    public override string ToString() => Error is null ? Text ?? string.Empty : $"error: {Error}";
}
