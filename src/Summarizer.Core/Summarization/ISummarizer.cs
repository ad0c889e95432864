using Summarizer.Analysis;

namespace Summarizer.Summarization;

/// <summary>An extractive summariser: picks sentences of a document. Implementations are deterministic and thread-safe.</summary>
public interface ISummarizer
{
    /// <summary>The catalog name of the method (e.g. <c>textrank</c>).</summary>
    string Name { get; }

    /// <summary>Chooses sentences; the result lists them in document order with their scores.</summary>
    ExtractiveSummary Summarize(Document document, SummaryLength length);
}

/// <summary>
/// A summariser that scores every sentence independently of the length asked for; selection is then shared
/// (<see cref="SentenceSelector"/>). Exposing <see cref="RateSentences"/> lets ranking be tested and inspected alone.
/// </summary>
public abstract class RankingSummarizer : ISummarizer
{
    /// <inheritdoc />
    public abstract string Name { get; }

    /// <summary>One score per sentence (higher is better), aligned with <see cref="Document.Sentences"/>.</summary>
    public abstract double[] RateSentences(Document document);

    /// <inheritdoc />
    public ExtractiveSummary Summarize(Document document, SummaryLength length)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Sentences.Count == 0)
        {
            return ExtractiveSummary.Empty(document, Name);
        }

        var scores = RateSentences(document);
        return new ExtractiveSummary(document, Name, SentenceSelector.Select(document, scores, length));
    }
}
