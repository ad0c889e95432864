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

/// <summary>
/// Turns an <see cref="Article"/> into a <see cref="Document"/>: split, tokenise, stem, count. Chinese, Japanese and Thai
/// characters are tokens of their own whose terms are character bigrams. Thread-safe.
/// </summary>
public sealed class TextAnalyzer
{
    private readonly AnalysisOptions _options;

    /// <summary>Creates an analyzer.</summary>
    public TextAnalyzer(AnalysisOptions? options = null) => _options = options ?? AnalysisOptions.Default;

    /// <summary>A shared analyzer with default options.</summary>
    public static TextAnalyzer Default { get; } = new();

    /// <summary>Analyses a plain string as one body (id = content hash); see <see cref="ArticleLoader.FromString"/> to
    /// read a title and dateline from it first.</summary>
    public Document Analyze(string text) => Analyze(Article.FromText(text));

    /// <summary>Analyses an article.</summary>
    public Document Analyze(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var language = _options.Language ?? article.Language ?? "en";
        var stopWords = StopWords.For(language);
        var stemmer = _options.Stem ? Stemmer.For(language) : null;
        // Only the body is analysed, but every offset indexes the article's text as given.
        var text = article.Text;
        var spans = SentenceSplitter.Split(article.Body);
        if (article.BodyStart > 0)
        {
            spans = spans.Select(s => s with { Start = s.Start + article.BodyStart, End = s.End + article.BodyStart }).ToArray();
        }

        var lexicon = Lexicon.For(language, stopWords, stemmer);
        var ids = DocumentTermIds.Begin();
        // Sized from news text (about one term per 20 characters) to avoid regrowth.
        var terms = new List<string>(text.Length / 20);
        var termCounts = new List<int>(text.Length / 20);
        var sentenceFrequency = new List<int>(text.Length / 20);
        var scratch = new List<(int Start, int Length, TokenKind Kind)>(64);
        var counts = new SentenceCounts();
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
                var word = lexicon.Get(text, scratch, t);
                tokens[t] = new Token(start, length, word.Normalized, word.Stem, kind, word.Stop);
                if (tokens[t].IsContent)
                {
                    if (!ids.TryGet(word, out var id))
                    {
                        id = terms.Count;
                        ids.Add(word, id);
                        terms.Add(word.Stem);
                        termCounts.Add(0);
                        sentenceFrequency.Add(0);
                    }

                    termCounts[id]++;
                    counts.Add(id);
                }
            }

            foreach (var id in counts.Ids)
            {
                sentenceFrequency[id]++;
            }

            sentences[s] = new Sentence(s, span, text, tokens, counts.ToVector());
        }

        var titleTerms = default(TermVector);
        if (!string.IsNullOrWhiteSpace(article.Title))
        {
            counts.Clear();
            var title = article.Title;
            scratch.Clear();
            Tokenizer.Scan(title, 0, title.Length, scratch);
            for (var t = 0; t < scratch.Count; t++)
            {
                if (scratch[t].Kind == TokenKind.Punctuation)
                {
                    continue;
                }

                var word = lexicon.Get(title, scratch, t);
                if (!word.Stop && ids.TryGet(word, out var id))
                {
                    counts.Add(id);
                }
            }

            titleTerms = counts.ToVector();
        }

        return new Document(article, language, sentences, terms, termCounts.ToArray(), sentenceFrequency.ToArray(), titleTerms);
    }

    // Term counts of one sentence without a dictionary: a dense count per term id plus the ids touched.
    private sealed class SentenceCounts
    {
        private int[] _count = new int[256];
        private readonly List<int> _ids = new(64);

        public List<int> Ids => _ids;

        public void Clear()
        {
            foreach (var id in _ids)
            {
                _count[id] = 0;
            }

            _ids.Clear();
        }

        public void Add(int id)
        {
            if (id >= _count.Length)
            {
                Array.Resize(ref _count, Math.Max(id + 1, _count.Length * 2));
            }

            if (_count[id]++ == 0)
            {
                _ids.Add(id);
            }
        }

        public TermVector ToVector()
        {
            var ids = _ids.ToArray();
            Array.Sort(ids);
            var weights = new float[ids.Length];
            for (var i = 0; i < ids.Length; i++)
            {
                weights[i] = _count[ids[i]];
            }

            return new TermVector(ids, weights);
        }
    }
}
