using Summarizer.Ingestion;

namespace Summarizer.Analysis;

/// <summary>Options for <see cref="TextAnalyzer"/>.</summary>
public sealed record AnalysisOptions
{
    /// <summary>The default options: English unless the article says otherwise, stemming on.</summary>
    public static AnalysisOptions Default { get; } = new();

    /// <summary>
    /// ISO 639-1 language for stop words and stemming. Null (the default) uses the article's language, else <c>en</c>.
    /// </summary>
    public string? Language { get; init; }

    /// <summary>Stem content terms with Snowball. Default true.</summary>
    public bool Stem { get; init; } = true;
}

/// <summary>Turns an <see cref="Article"/> into a <see cref="Document"/>: split, tokenise, stem, count. Thread-safe.</summary>
public sealed class TextAnalyzer
{
    private readonly AnalysisOptions _options;

    /// <summary>Creates an analyzer.</summary>
    public TextAnalyzer(AnalysisOptions? options = null) => _options = options ?? AnalysisOptions.Default;

    /// <summary>A shared analyzer with default options.</summary>
    public static TextAnalyzer Default { get; } = new();

    /// <summary>Analyses a plain string (id = content hash).</summary>
    public Document Analyze(string text) => Analyze(Article.FromText(text));

    /// <summary>Analyses an article.</summary>
    public Document Analyze(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var language = _options.Language ?? article.Language ?? "en";
        var stopWords = StopWords.For(language);
        var stemmer = _options.Stem ? Stemmer.For(language) : null;
        var text = article.Text;

        var spans = SentenceSplitter.Split(text);
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var terms = new List<string>();
        var termCounts = new List<int>();
        var sentenceFrequency = new List<int>();
        var normalizedCache = new Dictionary<string, (string Stem, bool Stop)>(StringComparer.Ordinal);
        var scratch = new List<(int Start, int Length, TokenKind Kind)>(64);
        var counts = new Dictionary<int, int>();
        var sentences = new Sentence[spans.Count];

        for (var s = 0; s < spans.Count; s++)
        {
            var span = spans[s];
            scratch.Clear();
            Tokenizer.Scan(text, span.Start, span.End, scratch);
            var tokens = new Token[scratch.Count];
            counts.Clear();
            for (var t = 0; t < scratch.Count; t++)
            {
                var (start, length, kind) = scratch[t];
                var normalized = Tokenizer.Normalize(text.AsSpan(start, length));
                if (!normalizedCache.TryGetValue(normalized, out var info))
                {
                    var stop = kind == TokenKind.Word && stopWords.Contains(normalized);
                    var stem = kind == TokenKind.Word && stemmer is not null && !stop ? stemmer.Stem(normalized) : normalized;
                    info = (stem, stop);
                    normalizedCache[normalized] = info;
                }

                tokens[t] = new Token(start, length, normalized, info.Stem, kind, info.Stop);
                if (tokens[t].IsContent)
                {
                    if (!vocabulary.TryGetValue(info.Stem, out var id))
                    {
                        id = terms.Count;
                        vocabulary[info.Stem] = id;
                        terms.Add(info.Stem);
                        termCounts.Add(0);
                        sentenceFrequency.Add(0);
                    }

                    termCounts[id]++;
                    counts[id] = counts.GetValueOrDefault(id) + 1;
                }
            }

            foreach (var id in counts.Keys)
            {
                sentenceFrequency[id]++;
            }

            sentences[s] = new Sentence(s, span, text[span.Start..span.End], tokens, ToVector(counts));
        }

        var titleTerms = default(TermVector);
        if (!string.IsNullOrWhiteSpace(article.Title))
        {
            counts.Clear();
            foreach (var word in Tokenizer.Words(article.Title))
            {
                if (stopWords.Contains(word))
                {
                    continue;
                }

                var stem = stemmer?.Stem(word) ?? word;
                if (vocabulary.TryGetValue(stem, out var id))
                {
                    counts[id] = counts.GetValueOrDefault(id) + 1;
                }
            }

            titleTerms = ToVector(counts);
        }

        return new Document(article, language, sentences, terms, termCounts.ToArray(), sentenceFrequency.ToArray(), titleTerms);
    }

    private static TermVector ToVector(Dictionary<int, int> counts)
    {
        var ids = new int[counts.Count];
        var weights = new float[counts.Count];
        var i = 0;
        foreach (var (id, count) in counts)
        {
            ids[i] = id;
            weights[i] = count;
            i++;
        }

        Array.Sort(ids, weights);
        return new TermVector(ids, weights);
    }
}
