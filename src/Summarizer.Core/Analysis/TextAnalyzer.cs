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
        // Sized from news text (about one distinct word per 12 characters, one term per 20) to avoid regrowth.
        var vocabulary = new Dictionary<string, int>(text.Length / 20, StringComparer.Ordinal);
        var terms = new List<string>(text.Length / 20);
        var termCounts = new List<int>(text.Length / 20);
        var sentenceFrequency = new List<int>(text.Length / 20);

        // Keyed by the normalized form; looked up by span so a repeated word allocates nothing.
        var normalizedCache = new Dictionary<string, WordInfo>(text.Length / 12, StringComparer.Ordinal);
        var cacheLookup = normalizedCache.GetAlternateLookup<ReadOnlySpan<char>>();
        var unspacedCache = new Dictionary<string, WordInfo>(StringComparer.Ordinal);
        var unspacedLookup = unspacedCache.GetAlternateLookup<ReadOnlySpan<char>>();
        var scratch = new List<(int Start, int Length, TokenKind Kind)>(64);
        var counts = new SentenceCounts();
        var sentences = new Sentence[spans.Count];
        Span<char> buffer = stackalloc char[128];

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
                WordInfo info;
                if (kind == TokenKind.Word && Scripts.IsUnspaced(text[start]))
                {
                    var key = UnspacedTerm(text, scratch, t, stopWords);
                    if (!unspacedLookup.TryGetValue(key, out info!))
                    {
                        var own = text.Substring(start, length);
                        info = new WordInfo(own, key.Length == length ? own : new string(key), stopWords.Contains(own));
                        unspacedCache[info.Stem] = info;
                    }
                }
                else if (length <= buffer.Length)
                {
                    var normalizedSpan = buffer[..length];
                    Tokenizer.Normalize(text.AsSpan(start, length), normalizedSpan);
                    if (!cacheLookup.TryGetValue(normalizedSpan, out info!))
                    {
                        info = Describe(new string(normalizedSpan), kind, stopWords, stemmer);
                        normalizedCache[info.Normalized] = info;
                    }
                }
                else
                {
                    var normalized = Tokenizer.Normalize(text.AsSpan(start, length));
                    if (!normalizedCache.TryGetValue(normalized, out info!))
                    {
                        info = Describe(normalized, kind, stopWords, stemmer);
                        normalizedCache[normalized] = info;
                    }
                }

                tokens[t] = new Token(start, length, info.Normalized, info.Stem, kind, info.Stop);
                if (tokens[t].IsContent)
                {
                    var id = info.TermId;
                    if (id < 0)
                    {
                        if (!vocabulary.TryGetValue(info.Stem, out id))
                        {
                            id = terms.Count;
                            vocabulary[info.Stem] = id;
                            terms.Add(info.Stem);
                            termCounts.Add(0);
                            sentenceFrequency.Add(0);
                        }

                        info.TermId = id;
                    }

                    termCounts[id]++;
                    counts.Add(id);
                }
            }

            foreach (var id in counts.Ids)
            {
                sentenceFrequency[id]++;
            }

            sentences[s] = new Sentence(s, span, text[span.Start..span.End], tokens, counts.ToVector());
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
                var (start, length, kind) = scratch[t];
                if (kind == TokenKind.Punctuation)
                {
                    continue;
                }

                string stem;
                if (kind == TokenKind.Word && Scripts.IsUnspaced(title[start]))
                {
                    if (stopWords.Contains(title.Substring(start, length)))
                    {
                        continue;
                    }

                    stem = new string(UnspacedTerm(title, scratch, t, stopWords));
                }
                else
                {
                    var word = Tokenizer.Normalize(title.AsSpan(start, length));
                    if (stopWords.Contains(word))
                    {
                        continue;
                    }

                    stem = kind == TokenKind.Word ? stemmer?.Stem(word) ?? word : word;
                }

                if (vocabulary.TryGetValue(stem, out var id))
                {
                    counts.Add(id);
                }
            }

            titleTerms = counts.ToVector();
        }

        return new Document(article, language, sentences, terms, termCounts.ToArray(), sentenceFrequency.ToArray(), titleTerms);
    }

    // The term of a character of unspaced script: the bigram with the next character when that one is adjacent, of the
    // same script and not a stop word (a particle such as の or 的 breaks a run), else the character alone.
    private static ReadOnlySpan<char> UnspacedTerm(string text, List<(int Start, int Length, TokenKind Kind)> tokens, int t,
        System.Collections.Frozen.FrozenSet<string> stopWords)
    {
        var (start, length, _) = tokens[t];
        if (t + 1 < tokens.Count && tokens[t + 1] is { Kind: TokenKind.Word } next && next.Start == start + length
            && Scripts.IsCjk(text[start]) == Scripts.IsCjk(text[next.Start]) && Scripts.IsUnspaced(text[next.Start])
            && !stopWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(next.Start, next.Length)))
        {
            return text.AsSpan(start, next.Start + next.Length - start);
        }

        return text.AsSpan(start, length);
    }

    private static WordInfo Describe(string normalized, TokenKind kind, System.Collections.Frozen.FrozenSet<string> stopWords,
        Stemmer? stemmer)
    {
        var stop = kind == TokenKind.Word && stopWords.Contains(normalized);
        var stem = kind == TokenKind.Word && stemmer is not null && !stop ? stemmer.Stem(normalized) : normalized;
        return new WordInfo(normalized, stem, stop);
    }

    // What a normalized form means in this document; TermId is filled on its first use as a content term.
    private sealed class WordInfo(string normalized, string stem, bool stop)
    {
        public string Normalized { get; } = normalized;

        public string Stem { get; } = stem;

        public bool Stop { get; } = stop;

        public int TermId { get; set; } = -1;
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
