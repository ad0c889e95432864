using System.Collections.Concurrent;
using Lucene.Net.Tartarus.Snowball;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace Summarizer.Analysis;

/// <summary>
/// Snowball stemming with a shared cache: news vocabularies repeat, so after warm-up a stem is a dictionary look-up.
/// English uses this library's own Porter2 code, whose stems are identical to Lucene.Net's Snowball
/// <c>EnglishStemmer</c> and which needs no warm-up of per-thread stemmer objects; the other languages use Lucene.Net's
/// Snowball stemmers. Thread-safe.
/// </summary>
public sealed class Stemmer
{
    private static readonly ConcurrentDictionary<string, Stemmer> Instances = new(StringComparer.OrdinalIgnoreCase);
    // Sized for a large news vocabulary up front: growing a concurrent dictionary locks every stripe and rehashes.
    private readonly ConcurrentDictionary<string, string> _cache = new(Environment.ProcessorCount, 1 << 16, StringComparer.Ordinal);
    private readonly Func<string, string>? _stem;
    private int _cached;

    private Stemmer(string language, Func<string, string>? stem)
    {
        Language = language;
        _stem = stem;
    }

    /// <summary>The language this stemmer stems.</summary>
    public string Language { get; }

    /// <summary>True when a Snowball stemmer exists for the language; otherwise <see cref="Stem"/> returns its input.</summary>
    public bool IsSupported => _stem is not null;

    /// <summary>The stemmer for an ISO 639-1 code (<c>en</c> when null).</summary>
    public static Stemmer For(string? language) =>
        Instances.GetOrAdd(string.IsNullOrEmpty(language) ? "en" : language, static lang => new Stemmer(lang, StemFunction(lang)));

    /// <summary>The stem of a lower-case word.</summary>
    public string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (_stem is null || word.Length < 3)
        {
            return word;
        }

        if (_cache.TryGetValue(word, out var stem))
        {
            return stem;
        }

        stem = _stem(word);

        // The cache is bounded loosely: past a large vocabulary it stops growing rather than evicting.
        if (_cached < 500_000 && _cache.TryAdd(word, stem))
        {
            Interlocked.Increment(ref _cached);
        }

        return stem;
    }

    private static Func<string, string>? StemFunction(string language)
    {
        if (language.Equals("en", StringComparison.OrdinalIgnoreCase))
        {
            return Porter2Stemmer.Stem;
        }

        return SnowballStemmers.For(language);
    }

    // Lucene's Snowball stemmers, in a class of their own so that English-only runs never load Lucene.
    private static class SnowballStemmers
    {
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        public static Func<string, string>? For(string language)
        {
            if (Factory(language) is not { } factory)
            {
                return null;
            }

            var program = new ThreadLocal<SnowballProgram>(factory);
            return word =>
            {
                var snowball = program.Value!;
                snowball.SetCurrent(word);
                snowball.Stem();
                var stem = snowball.Current;
                return stem == word ? word : stem;
            };
        }

        private static Func<SnowballProgram>? Factory(string language) => language.ToLowerInvariant() switch
        {
            "fr" => static () => new FrenchStemmer(),
            "de" => static () => new German2Stemmer(),
            "es" => static () => new SpanishStemmer(),
            "it" => static () => new ItalianStemmer(),
            "pt" => static () => new PortugueseStemmer(),
            "nl" => static () => new DutchStemmer(),
            "sv" => static () => new SwedishStemmer(),
            "da" => static () => new DanishStemmer(),
            "no" or "nb" or "nn" => static () => new NorwegianStemmer(),
            "fi" => static () => new FinnishStemmer(),
            "ru" => static () => new RussianStemmer(),
            "hu" => static () => new HungarianStemmer(),
            "ro" => static () => new RomanianStemmer(),
            "tr" => static () => new TurkishStemmer(),
            _ => null,
        };
    }
}
