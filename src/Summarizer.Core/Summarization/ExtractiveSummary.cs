using Summarizer.Analysis;

namespace Summarizer.Summarization;

/// <summary>The result of an extractive summariser: chosen sentences in document order, with their scores.</summary>
public sealed record ExtractiveSummary(Document Document, string Method, IReadOnlyList<ScoredSentence> Sentences)
{
    /// <summary>A summary with no sentences (an empty document).</summary>
    public static ExtractiveSummary Empty(Document document, string method) => new(document, method, []);

    /// <summary>Indices of the chosen sentences, ascending.</summary>
    public IReadOnlyList<int> Indices => Sentences.Select(s => s.Index).ToArray();

    /// <summary>The chosen sentences' text joined by <paramref name="separator"/> (default a line break).</summary>
    public string ToText(string separator = "\n") =>
        string.Join(separator, Sentences.Select(s => Document.Sentences[s.Index].Text));

    /// <summary>The summary text, one sentence a line.</summary>
    public string Text => ToText();

    /// <summary>Words in the summary.</summary>
    public int WordCount => Sentences.Sum(s => Document.Sentences[s.Index].WordCount);

    /// <summary>Summary words over document words (0 for an empty document).</summary>
    public double Compression => Document.WordCount == 0 ? 0 : (double)WordCount / Document.WordCount;
}
