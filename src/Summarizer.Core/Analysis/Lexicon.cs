using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace Summarizer.Analysis;

/// <summary>What a word form is in one language: its normalized form, its stem, and whether it is a stop word.</summary>
/// <param name="Normalized">The lower-cased form (the character itself in unspaced scripts).</param>
/// <param name="Stem">The term it counts as (a character bigram in unspaced scripts).</param>
/// <param name="Stop">A stop word.</param>
/// <param name="StemId">The stem's number in its lexicon, or -1 for a word past the lexicon's size limit.</param>
internal sealed record Word(string Normalized, string Stem, bool Stop, int StemId);

/// <summary>
/// The word forms met so far in one language with one stemming setting, shared by every document and thread: after
/// the first few articles nearly every token is one look-up by span, with no string made, no stop-word test and no
/// stemming. Holds up to 500,000 forms; past that, new forms are described afresh each time.
/// </summary>
internal sealed class Lexicon
{
    private const int MaxWords = 500_000;
    private static readonly ConcurrentDictionary<(string Language, bool Stem), Lexicon> Instances = new();
    private readonly ConcurrentDictionary<string, Word> _words = new(Environment.ProcessorCount, 1 << 16, StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Word>.AlternateLookup<ReadOnlySpan<char>> _wordLookup;
    private readonly ConcurrentDictionary<string, Word> _unspaced = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Word>.AlternateLookup<ReadOnlySpan<char>> _unspacedLookup;
    private readonly ConcurrentDictionary<string, int> _stemIds = new(Environment.ProcessorCount, 1 << 15, StringComparer.Ordinal);
    private readonly FrozenSet<string> _stopWords;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _stopLookup;
    private readonly Stemmer? _stemmer;

    // Punctuation, digits and one-letter words are about one news token in seven: an array finds them without hashing.
    private readonly Word?[] _ascii = new Word?[128];
    private int _size;
    private int _nextStemId;

    private Lexicon(FrozenSet<string> stopWords, Stemmer? stemmer)
    {
        _stopWords = stopWords;
        _stopLookup = stopWords.GetAlternateLookup<ReadOnlySpan<char>>();
        _stemmer = stemmer;
        _wordLookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        _unspacedLookup = _unspaced.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The lexicon of a language's stop words and stemmer (no stemmer: stems are the forms themselves).</summary>
    public static Lexicon For(string language, FrozenSet<string> stopWords, Stemmer? stemmer) =>
        Instances.GetOrAdd((language.ToLowerInvariant(), stemmer is not null), static (_, state) => new Lexicon(state.stopWords, state.stemmer),
            (stopWords, stemmer));

    /// <summary>The word of token <paramref name="t"/> of <paramref name="tokens"/>, which index <paramref name="text"/>.</summary>
    public Word Get(string text, List<(int Start, int Length, TokenKind Kind)> tokens, int t)
    {
        var (start, length, kind) = tokens[t];
        if (kind == TokenKind.Word && Scripts.IsUnspaced(text[start]))
        {
            var key = UnspacedTerm(text, tokens, t);
            if (_unspacedLookup.TryGetValue(key, out var known))
            {
                return known;
            }

            var own = text.Substring(start, length);
            var stem = key.Length == length ? own : new string(key);
            return Remember(_unspaced, stem, new Word(own, stem, _stopWords.Contains(own), StemId(stem)));
        }

        var c = text[start];
        if (length == 1 && c < _ascii.Length)
        {
            // A single ASCII character is always the same kind of token: letter, digit or punctuation.
            return _ascii[c] ??= Find(text.AsSpan(start, 1), kind);
        }

        return Find(text.AsSpan(start, length), kind);
    }

    private Word Find(ReadOnlySpan<char> token, TokenKind kind)
    {
        // Sized to the token: a fixed 128-character buffer would be zeroed for every token.
        Span<char> normalized = token.Length <= 128 ? stackalloc char[token.Length] : new char[token.Length];
        Tokenizer.Normalize(token, normalized);
        if (_wordLookup.TryGetValue(normalized, out var word))
        {
            return word;
        }

        var form = new string(normalized);
        var stop = kind == TokenKind.Word && _stopWords.Contains(form);
        var stemmed = kind == TokenKind.Word && _stemmer is not null && !stop ? _stemmer.Stem(form) : form;
        return Remember(_words, form, new Word(form, stemmed, stop, stop ? -1 : StemId(stemmed)));
    }

    private Word Remember(ConcurrentDictionary<string, Word> words, string key, Word word)
    {
        if (_size >= MaxWords)
        {
            return word;
        }

        var stored = words.GetOrAdd(key, word);
        if (ReferenceEquals(stored, word))
        {
            Interlocked.Increment(ref _size);
        }

        return stored;
    }

    private int StemId(string stem)
    {
        if (_stemIds.TryGetValue(stem, out var id))
        {
            return id;
        }

        if (_nextStemId >= MaxWords)
        {
            return -1;
        }

        // A race may spend a number on a stem that another thread numbered first; only the stored number is used.
        return _stemIds.GetOrAdd(stem, Interlocked.Increment(ref _nextStemId) - 1);
    }

    // The term of a character of unspaced script: the bigram with the next character when that one is adjacent, of the
    // same script and not a stop word (a particle such as の or 的 breaks a run), else the character alone.
    private ReadOnlySpan<char> UnspacedTerm(string text, List<(int Start, int Length, TokenKind Kind)> tokens, int t)
    {
        var (start, length, _) = tokens[t];
        if (t + 1 < tokens.Count && tokens[t + 1] is { Kind: TokenKind.Word } next && next.Start == start + length
            && Scripts.IsUnspaced(text[next.Start]) && Scripts.IsCjk(text[start]) == Scripts.IsCjk(text[next.Start])
            && !_stopLookup.Contains(text.AsSpan(next.Start, next.Length)))
        {
            return text.AsSpan(start, next.Start + next.Length - start);
        }

        return text.AsSpan(start, length);
    }
}

/// <summary>
/// A document's term ids by stem, in arrays indexed by the lexicon's stem numbers and reused by each thread: an entry
/// belongs to the current document when its stamp is the document's, so nothing is cleared between documents.
/// </summary>
internal sealed class DocumentTermIds
{
    [ThreadStatic]
    private static DocumentTermIds? t_current;

    private int[] _stamp = new int[1 << 14];
    private int[] _id = new int[1 << 14];
    private int _document;
    private Dictionary<string, int>? _unnumbered;

    /// <summary>The calling thread's table, emptied for a new document.</summary>
    public static DocumentTermIds Begin()
    {
        var ids = t_current ??= new DocumentTermIds();
        if (ids._document == int.MaxValue)
        {
            Array.Clear(ids._stamp);
            ids._document = 0;
        }

        ids._document++;
        ids._unnumbered?.Clear();
        return ids;
    }

    public bool TryGet(Word word, out int id)
    {
        if (word.StemId < 0)
        {
            id = -1;
            return _unnumbered?.TryGetValue(word.Stem, out id) == true;
        }

        id = word.StemId < _stamp.Length && _stamp[word.StemId] == _document ? _id[word.StemId] : -1;
        return id >= 0;
    }

    public void Add(Word word, int id)
    {
        if (word.StemId < 0)
        {
            (_unnumbered ??= new Dictionary<string, int>(StringComparer.Ordinal))[word.Stem] = id;
            return;
        }

        if (word.StemId >= _stamp.Length)
        {
            var size = Math.Max(word.StemId + 1, _stamp.Length * 2);
            Array.Resize(ref _stamp, size);
            Array.Resize(ref _id, size);
        }

        _stamp[word.StemId] = _document;
        _id[word.StemId] = id;
    }
}
