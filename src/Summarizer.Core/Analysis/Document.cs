using System.Collections.Concurrent;
using Summarizer.Ingestion;

namespace Summarizer.Analysis;

/// <summary>
/// An analysed article: sentences with offsets, tokens, stems, stop-word flags and term vectors, computed once by
/// <see cref="TextAnalyzer"/> and shared by every method. Derived data (embeddings, TF-IDF weights) is cached per
/// document with <see cref="GetOrAdd{T}"/>.
/// </summary>
public sealed class Document
{
    // Made on first use: most documents of a batch run are summarised by methods that cache nothing.
    private ConcurrentDictionary<string, object>? _derived;

    internal Document(Article article, string language, IReadOnlyList<Sentence> sentences, IReadOnlyList<string> terms,
        int[] termCounts, int[] sentenceFrequency, TermVector titleTerms)
    {
        Article = article;
        Language = language;
        Sentences = sentences;
        Terms = terms;
        TermCounts = termCounts;
        SentenceFrequency = sentenceFrequency;
        TitleTerms = titleTerms;
        WordCount = sentences.Sum(s => s.WordCount);
    }

    /// <summary>The article this document was built from.</summary>
    public Article Article { get; }

    /// <summary>The article's text as given; sentence and token offsets index it.</summary>
    public string Text => Article.Text;

    /// <summary>The analysed part of <see cref="Text"/>: the article body.</summary>
    public string Body => Article.Body;

    /// <summary>The language used for stop words and stemming.</summary>
    public string Language { get; }

    /// <summary>Sentences in document order.</summary>
    public IReadOnlyList<Sentence> Sentences { get; }

    /// <summary>The document vocabulary: term id to stem.</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>Occurrences of each term in the whole document.</summary>
    public IReadOnlyList<int> TermCounts { get; }

    /// <summary>Number of sentences that contain each term.</summary>
    public IReadOnlyList<int> SentenceFrequency { get; }

    /// <summary>Content terms of the title that also occur in the body (empty without a title).</summary>
    public TermVector TitleTerms { get; }

    /// <summary>Words and numbers in the document.</summary>
    public int WordCount { get; }

    /// <summary>
    /// Returns the value cached under <paramref name="key"/>, computing it once. Used for per-document data that
    /// several methods share (sentence embeddings, TF-IDF weights).
    /// </summary>
    public T GetOrAdd<T>(string key, Func<Document, T> factory)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(factory);
        var derived = LazyInitializer.EnsureInitialized(ref _derived, static () => new(StringComparer.Ordinal));
        return (T)derived.GetOrAdd(key, static (_, state) => state.factory(state.doc), (factory, doc: this));
    }
}
