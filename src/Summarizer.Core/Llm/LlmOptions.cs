using System.Globalization;

namespace Summarizer.Llm;

/// <summary>The shape of an abstractive summary.</summary>
public enum SummaryStyle
{
    /// <summary>One paragraph of prose (the default).</summary>
    Paragraph,

    /// <summary>A short list of bullet points, one fact each.</summary>
    Bullets,

    /// <summary>A single headline.</summary>
    Headline,

    /// <summary>One sentence: the gist.</summary>
    Tldr,
}

/// <summary>Prices per million tokens, used to report the cost of a summary. Currency is whatever the prices are in.</summary>
/// <param name="InputPerMillion">Price of one million prompt tokens.</param>
/// <param name="OutputPerMillion">Price of one million completion tokens.</param>
public sealed record LlmPrices(decimal InputPerMillion, decimal OutputPerMillion)
{
    /// <summary>The cost of <paramref name="usage"/> at these prices.</summary>
    public decimal CostOf(TokenUsage usage) =>
        (usage.InputTokens * InputPerMillion + usage.OutputTokens * OutputPerMillion) / 1_000_000m;
}

/// <summary>How <see cref="LlmSummarizer"/> writes summaries. Every property has a documented default.</summary>
public sealed record LlmOptions
{
    /// <summary>The defaults: a paragraph of about 80 words, concurrency 4, cache on.</summary>
    public static LlmOptions Default { get; } = new();

    /// <summary>
    /// Model name (OpenAI, compatible servers) or deployment name (Azure). Null (the default) uses the client's own
    /// default model. Also picks the token encoding for counting (<c>o200k_base</c> unless the model is GPT-4/3.5).
    /// </summary>
    public string? Model { get; init; }

    /// <summary>Summary shape. Default <see cref="SummaryStyle.Paragraph"/>. Ignored when <see cref="PromptTemplate"/> is set.</summary>
    public SummaryStyle Style { get; init; } = SummaryStyle.Paragraph;

    /// <summary>
    /// A custom user prompt. Placeholders: <c>{text}</c> (required), <c>{title}</c>, <c>{words}</c>, <c>{language}</c>,
    /// <c>{style}</c>; <c>{{</c> and <c>}}</c> are literal braces. Default null: a built-in prompt per style.
    /// </summary>
    public string? PromptTemplate { get; init; }

    /// <summary>Target length in words. Default 80 (headline: 15, tl;dr: 30 unless set).</summary>
    public int? TargetWords { get; init; }

    /// <summary>Output language, a name or code (<c>French</c>, <c>de</c>). Default null: the article's language.</summary>
    public string? Language { get; init; }

    /// <summary>Sampling temperature. Default 0.2 (faithful rather than creative); null leaves it to the server.</summary>
    public float? Temperature { get; init; } = 0.2f;

    /// <summary>Completion token cap. Default null: about twice the target words plus headroom.</summary>
    public int? MaxOutputTokens { get; init; }

    /// <summary>
    /// Prompt tokens one call may carry before the input is summarised in chunks (map-reduce). Default 12,000; set it
    /// below the model's context window minus the output.
    /// </summary>
    public int MaxInputTokens { get; init; } = 12_000;

    /// <summary>
    /// Extractive pre-selection (hybrid): a <see cref="Summarization.SummarizerCatalog"/> method name whose chosen
    /// sentences are sent instead of the whole article. Default null: send the article.
    /// </summary>
    public string? Preselect { get; init; }

    /// <summary>How many sentences the pre-selection keeps. Default 12.</summary>
    public int PreselectSentences { get; init; } = 12;

    /// <summary>Articles summarised at once in a batch. Default 4.</summary>
    public int MaxConcurrency { get; init; } = 4;

    /// <summary>Reuse answers stored on disk for the same provider, model, prompt and text. Default true.</summary>
    public bool UseCache { get; init; } = true;

    /// <summary>Where cached answers live. Default null: <c>$XDG_CACHE_HOME/summarizer/llm</c> (or the OS equivalent).</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Longest wait for a response (or, when streaming, between two pieces of it). Default 120 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>
    /// Longest time one request may take in all, however steadily its answer streams in (<see cref="Timeout"/> bounds
    /// only the silences); never shorter than <see cref="Timeout"/>. Default 5 minutes.
    /// </summary>
    public TimeSpan MaxResponseTime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Longest answer accepted, in characters; a longer one fails its article, is not retried and is not cached (a
    /// streamed answer stops there). A model that keeps to <see cref="MaxOutputTokens"/> stays far below it.
    /// Default 100,000 (about 25,000 tokens).
    /// </summary>
    public int MaxResponseChars { get; init; } = 100_000;

    /// <summary>Retries after a throttled (429), failed (5xx) or timed-out call. Default 4.</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>First backoff delay; doubled on each retry. Default 1 s.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest single wait, for backoff and for a server's <c>Retry-After</c>. Default 60 s.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Prices for cost reporting. Default null: cost is not reported.</summary>
    public LlmPrices? Prices { get; init; }

    /// <summary>Lowest lexical similarity for a source sentence to count as support. Default 0.2.</summary>
    public double MinSupportScore { get; init; } = 0.2;

    /// <summary>Every problem with the options, each naming the property and the matching command option.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        void Check(bool ok, string name, string option, string rule, object? value)
        {
            if (!ok)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{name} ({option}) {rule}, not {value}."));
            }
        }

        Check(TargetWords is null or >= 1, nameof(TargetWords), "--target-words", "must be at least 1", TargetWords);
        Check(Temperature is null or (>= 0 and <= 2), nameof(Temperature), "--temperature", "must be between 0 and 2", Temperature);
        Check(MaxOutputTokens is null or >= 1, nameof(MaxOutputTokens), "--max-output-tokens", "must be at least 1", MaxOutputTokens);
        Check(MaxInputTokens >= 256, nameof(MaxInputTokens), "--max-input-tokens", "must be at least 256", MaxInputTokens);
        Check(PreselectSentences >= 1, nameof(PreselectSentences), "--preselect-sentences", "must be at least 1", PreselectSentences);
        Check(MaxConcurrency is >= 1 and <= 256, nameof(MaxConcurrency), "--concurrency", "must be between 1 and 256", MaxConcurrency);
        Check(Timeout > TimeSpan.Zero, nameof(Timeout), "--timeout", "must be positive", Timeout.TotalSeconds);
        Check(MaxResponseTime > TimeSpan.Zero, nameof(MaxResponseTime), "none", "must be positive", MaxResponseTime.TotalSeconds);
        Check(MaxResponseChars >= 1, nameof(MaxResponseChars), "none", "must be at least 1", MaxResponseChars);
        Check(MaxRetries is >= 0 and <= 20, nameof(MaxRetries), "--max-retries", "must be between 0 and 20", MaxRetries);
        Check(RetryBaseDelay >= TimeSpan.Zero, nameof(RetryBaseDelay), "none", "must not be negative", RetryBaseDelay);
        Check(MaxRetryDelay >= TimeSpan.Zero, nameof(MaxRetryDelay), "none", "must not be negative", MaxRetryDelay);
        Check(MinSupportScore is >= 0 and <= 1, nameof(MinSupportScore), "none", "must be between 0 and 1", MinSupportScore);
        if (PromptTemplate is not null && PromptBuilder.TemplateProblem(PromptTemplate) is { } templateProblem)
        {
            problems.Add(templateProblem);
        }

        if (Preselect is not null && !Summarization.SummarizerCatalog.TryFind(Preselect, out _))
        {
            problems.Add($"Preselect (--preselect): {Summarization.SummarizerCatalog.UnknownMethod(Preselect)}");
        }

        return problems;
    }

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentException">The first problem found by <see cref="Problems"/>.</exception>
    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException(problems[0]);
        }
    }

    internal int EffectiveTargetWords => TargetWords ?? Style switch
    {
        SummaryStyle.Headline => 15,
        SummaryStyle.Tldr => 30,
        _ => 80,
    };

    internal int EffectiveMaxOutputTokens => MaxOutputTokens ?? (EffectiveTargetWords * 2) + 64;

}
