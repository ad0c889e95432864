using System.Diagnostics;
using Lingua;

namespace Summarizer.Analysis;

/// <summary>
/// Detects the language of a text among a fixed set of European languages (<see cref="SupportedLanguages"/>) with
/// Lingua. Models load lazily, per language, on first use. Restricting the set and using Lingua's low-accuracy mode
/// (trigram models only; news articles are long enough for it) keeps the load well under a second instead of the
/// 17–32 s and gigabytes that all of Lingua's languages in high-accuracy mode cost. Thread-safe.
/// </summary>
public static class LanguageDetector
{
    private const int MaxChars = 4000;

    private static readonly Language[] Languages =
    [
        Language.English, Language.French, Language.German, Language.Spanish, Language.Italian,
        Language.Portuguese, Language.Dutch, Language.Swedish, Language.Danish, Language.Bokmal,
        Language.Finnish, Language.Russian, Language.Hungarian,
    ];

    private static readonly Lazy<Lingua.LanguageDetector> Detector = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>ISO 639-1 codes this detector can answer: en, fr, de, es, it, pt, nl, sv, da, no, fi, ru, hu.</summary>
    public static IReadOnlyList<string> SupportedLanguages { get; } =
        ["en", "fr", "de", "es", "it", "pt", "nl", "sv", "da", "no", "fi", "ru", "hu"];

    /// <summary>How long loading the language models took, or null before the first detection.</summary>
    public static TimeSpan? LoadTime { get; private set; }

    /// <summary>
    /// The ISO 639-1 code of the language of <paramref name="text"/> (its first 4,000 characters), or null when the
    /// text has too few letters or fits none of <see cref="SupportedLanguages"/> reliably.
    /// </summary>
    public static string? Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sample = text.Length > MaxChars ? text[..MaxChars] : text;
        if (sample.Count(char.IsLetter) < 3)
        {
            return null;
        }

        var language = Detector.Value.DetectLanguageOf(sample);
        return language == Language.Unknown ? null : ToCode(language);
    }

    /// <summary>Loads the models now (otherwise the first <see cref="Detect"/> does), and returns the load time.</summary>
    public static TimeSpan Preload()
    {
        _ = Detector.Value;
        return LoadTime ?? TimeSpan.Zero;
    }

    private static string ToCode(Language language) =>
        language == Language.Bokmal || language == Language.Nynorsk
            ? "no"
            : language.IsoCode6391().ToString().ToLowerInvariant();

    private static Lingua.LanguageDetector Build()
    {
        var watch = Stopwatch.StartNew();
        var detector = LanguageDetectorBuilder.FromLanguages(Languages)
            .WithMinimumRelativeDistance(0.1)
            .WithLowAccuracyMode()
            .Build();
        LoadTime = watch.Elapsed;
        return detector;
    }
}
