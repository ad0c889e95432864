using System.Text;
using Microsoft.Extensions.AI;
using Summarizer.Analysis;
using Summarizer.Summarization;

namespace Summarizer.Llm;

/// <summary>
/// The chat calls one article's summary takes, step by step: rounds of chunk summaries while the text is too long for
/// one call (map), then the final summary (reduce). The synchronous summariser and the Batch API both follow it, so both
/// ask the model exactly the same questions and share cached answers.
/// </summary>
internal sealed class SummaryPlan
{
    /// <summary>Map rounds allowed before giving up on an article.</summary>
    public const int MaxRounds = 4;

    private readonly LlmOptions _options;
    private readonly LlmTokenCounter _counter;
    private readonly int? _budget;
    private string _text;
    private IReadOnlyList<SentenceSpan> _spans;
    private bool _fromParts;

    private SummaryPlan(Document document, LlmOptions options, LlmTokenCounter counter, string text, IReadOnlyList<SentenceSpan> spans)
    {
        Document = document;
        _options = options;
        _counter = counter;
        _text = text;
        _spans = spans;
        if (!Fits(text, document.Article.Title, options, out var prompt))
        {
            _budget = Math.Max(128, options.MaxInputTokens - counter.Count(prompt));
        }
    }

    /// <summary>The article being summarised.</summary>
    public Document Document { get; }

    /// <summary>Map rounds completed so far.</summary>
    public int Round { get; private set; }

    /// <summary>The plan for <paramref name="document"/> with <paramref name="options"/>; <paramref name="model"/> picks
    /// the token encoding.</summary>
    /// <exception cref="ArgumentException">The article has no sentences.</exception>
    public static SummaryPlan Create(Document document, LlmOptions options, string? model)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Sentences.Count == 0)
        {
            throw new ArgumentException($"Article '{document.Article.Id}' has no text to summarise.", nameof(document));
        }

        string text;
        IReadOnlyList<SentenceSpan> spans;
        if (options.Preselect is not null)
        {
            var picked = SummarizerCatalog.Create(options.Preselect).Summarize(document, SummaryLength.Sentences(options.PreselectSentences));
            text = picked.ToText("\n");
            spans = SentenceSplitter.Split(text);
        }
        else
        {
            text = document.Body;
            var offset = document.Article.BodyStart;
            spans = document.Sentences.Select(s => new SentenceSpan(s.Start - offset, s.End - offset, s.Paragraph)).ToArray();
        }

        return new SummaryPlan(document, options, LlmTokenCounter.ForModel(model), text, spans);
    }

    /// <summary>
    /// The one call of an article that needs neither analysis nor chunks to plan (no pre-selection, and its body fits
    /// the input budget without counting tokens): the messages <see cref="Create"/> then <see cref="Final"/> would give.
    /// Null when the article has to be analysed first.
    /// </summary>
    public static IList<ChatMessage>? Direct(Ingestion.Article article, LlmOptions options)
    {
        ArgumentNullException.ThrowIfNull(article);
        var body = article.Body;
        return options.Preselect is null && !string.IsNullOrWhiteSpace(body) && Fits(body, article.Title, options, out _)
            ? PromptBuilder.Summary(options, body, article.Title, fromParts: false)
            : null;
    }

    /// <summary>
    /// The chunk-summary calls of the next map round, or null when the text now fits one call and <see cref="Final"/>
    /// is next.
    /// </summary>
    /// <exception cref="InvalidOperationException">The text is still too long after <see cref="MaxRounds"/> rounds.</exception>
    public IReadOnlyList<IList<ChatMessage>>? NextRound()
    {
        if (_budget is not { } budget || _counter.Count(_text) <= budget)
        {
            return null;
        }

        if (Round == MaxRounds)
        {
            throw new InvalidOperationException($"Article '{Document.Article.Id}' is still too long after {Round} rounds of chunk summaries.");
        }

        var chunks = LlmSummarizer.Chunk(_text, _spans, _counter, budget);
        var partWords = Math.Max(60, _options.EffectiveTargetWords);
        var title = Document.Article.Title;
        return chunks.Select((chunk, i) => PromptBuilder.Part(_options, chunk, title, i + 1, chunks.Count, partWords)).ToArray();
    }

    /// <summary>Takes the answers to <see cref="NextRound"/>'s calls, in order: they become the text to summarise.</summary>
    public void Complete(IReadOnlyList<string> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        _text = string.Join("\n\n", answers.Select(a => a.Trim()));
        _spans = SentenceSplitter.Split(_text);
        _fromParts = true;
        Round++;
    }

    // A tiktoken token covers at least one UTF-8 byte, so a prompt with fewer bytes than the budget fits without
    // counting (most news articles); counting is the expensive path.
    private static bool Fits(string text, string? title, LlmOptions options, out string prompt)
    {
        prompt = string.Concat(PromptBuilder.Summary(options, string.Empty, title, fromParts: true).Select(m => m.Text));
        return Encoding.UTF8.GetByteCount(text) + Encoding.UTF8.GetByteCount(prompt) <= options.MaxInputTokens;
    }

    /// <summary>The call that writes the summary, once <see cref="NextRound"/> returns null.</summary>
    public IList<ChatMessage> Final() => PromptBuilder.Summary(_options, _text, Document.Article.Title, _fromParts);
}
