using System.Collections.Concurrent;
using Lucene.Net.Tartarus.Snowball;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace Summarizer.Analysis;

/// <summary>
/// Snowball stemming (Lucene.Net's stemmers) with a shared cache: news vocabularies repeat, so after warm-up a stem is a
/// dictionary look-up. Thread-safe.
/// </summary>
public sealed class Stemmer
{
    private static readonly ConcurrentDictionary<string, Stemmer> Instances = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> _cache = new(StringComparer.Ordinal);
    private readonly Func<SnowballProgram>? _factory;
    private readonly ThreadLocal<SnowballProgram?> _program;

    private Stemmer(string language, Func<SnowballProgram>? factory)
    {
        Language = language;
        _factory = factory;
        _program = new ThreadLocal<SnowballProgram?>(() => _factory?.Invoke());
    }

    /// <summary>The language this stemmer stems.</summary>
    public string Language { get; }

    /// <summary>True when a Snowball stemmer exists for the language; otherwise <see cref="Stem"/> returns its input.</summary>
    public bool IsSupported => _factory is not null;

    /// <summary>The stemmer for an ISO 639-1 code (<c>en</c> when null).</summary>
    public static Stemmer For(string? language) =>
        Instances.GetOrAdd(string.IsNullOrEmpty(language) ? "en" : language, static lang => new Stemmer(lang, Factory(lang)));

    /// <summary>The stem of a lower-case word.</summary>
    public string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (_factory is null || word.Length < 3)
        {
            return word;
        }

        if (_cache.TryGetValue(word, out var stem))
        {
            return stem;
        }

        var program = _program.Value!;
        program.SetCurrent(word);
        program.Stem();
        stem = program.Current;
        if (stem == word)
        {
            stem = word;
        }

        // The cache is bounded loosely: past a large vocabulary it stops growing rather than evicting.
        if (_cache.Count < 500_000)
        {
            _cache.TryAdd(word, stem);
        }

        return stem;
    }

    private static Func<SnowballProgram>? Factory(string language) => language.ToLowerInvariant() switch
    {
        "en" => static () => new EnglishStemmer(),
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
