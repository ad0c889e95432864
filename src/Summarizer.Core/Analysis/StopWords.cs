using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Reflection;

namespace Summarizer.Analysis;

/// <summary>
/// Stop-word lists per language. English uses the project's own list (news-aware, about 400 words); other languages use
/// Lucene's Snowball lists. Chinese and Japanese text is tokenised a character at a time, so their lists are single
/// characters: Chinese function characters, and for Japanese every Hiragana character (particles and inflections).
/// Unknown languages (Thai among them) get an empty list, so nothing is removed by mistake.
/// </summary>
public static class StopWords
{
    private static readonly ConcurrentDictionary<string, FrozenSet<string>> Cache = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>ISO 639-1 codes with a built-in list.</summary>
    public static IReadOnlyList<string> Languages { get; } =
        ["en", "fr", "de", "es", "it", "pt", "nl", "sv", "da", "no", "fi", "ru", "hu", "zh", "ja"];

    // The most frequent Chinese function characters: particles, pronouns, copulas, conjunctions and measure words.
    private const string ChineseFunctionCharacters = "的了是在和也有就不都而及与着或这那我你他她它们之其此为以于被把对从到上下中个些么吗呢吧啊";

    /// <summary>The stop words of <paramref name="language"/> (lower case); empty for languages without a list.</summary>
    public static FrozenSet<string> For(string? language) =>
        Cache.GetOrAdd(string.IsNullOrEmpty(language) ? "en" : language, static lang => Load(lang));

    private static FrozenSet<string> Load(string language)
    {
        if (language.Equals("en", StringComparison.OrdinalIgnoreCase))
        {
            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Summarizer.Resources.stopwords-en.txt")
                ?? throw new InvalidOperationException("The English stop-word list is missing from the assembly.");
            using var reader = new StreamReader(stream);
            var words = new HashSet<string>(StringComparer.Ordinal);
            while (reader.ReadLine() is { } line)
            {
                if (line.StartsWith('#'))
                {
                    continue;
                }

                foreach (var w in line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    words.Add(w);
                }
            }

            return words.ToFrozenSet(StringComparer.Ordinal);
        }

        if (language.Equals("zh", StringComparison.OrdinalIgnoreCase))
        {
            return ChineseFunctionCharacters.Select(c => c.ToString()).ToFrozenSet(StringComparer.Ordinal);
        }

        if (language.Equals("ja", StringComparison.OrdinalIgnoreCase))
        {
            return Enumerable.Range('\u3041', '\u3096' - '\u3041' + 1).Select(c => ((char)c).ToString()).ToFrozenSet(StringComparer.Ordinal);
        }

        return LuceneStopWords(language);
    }

    // Lucene's lists, in a method of their own so that English-only runs never load Lucene.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static FrozenSet<string> LuceneStopWords(string language)
    {
        var set = language.ToLowerInvariant() switch
        {
            "fr" => Lucene.Net.Analysis.Fr.FrenchAnalyzer.DefaultStopSet,
            "de" => Lucene.Net.Analysis.De.GermanAnalyzer.DefaultStopSet,
            "es" => Lucene.Net.Analysis.Es.SpanishAnalyzer.DefaultStopSet,
            "it" => Lucene.Net.Analysis.It.ItalianAnalyzer.DefaultStopSet,
            "pt" => Lucene.Net.Analysis.Pt.PortugueseAnalyzer.DefaultStopSet,
            "nl" => Lucene.Net.Analysis.Nl.DutchAnalyzer.DefaultStopSet,
            "sv" => Lucene.Net.Analysis.Sv.SwedishAnalyzer.DefaultStopSet,
            "da" => Lucene.Net.Analysis.Da.DanishAnalyzer.DefaultStopSet,
            "no" or "nb" or "nn" => Lucene.Net.Analysis.No.NorwegianAnalyzer.DefaultStopSet,
            "fi" => Lucene.Net.Analysis.Fi.FinnishAnalyzer.DefaultStopSet,
            "ru" => Lucene.Net.Analysis.Ru.RussianAnalyzer.DefaultStopSet,
            "hu" => Lucene.Net.Analysis.Hu.HungarianAnalyzer.DefaultStopSet,
            _ => null,
        };

        return set is null
            ? FrozenSet<string>.Empty
            : set.Select(o => o.ToString() ?? string.Empty).Where(w => w.Length > 0).ToFrozenSet(StringComparer.Ordinal);
    }
}
