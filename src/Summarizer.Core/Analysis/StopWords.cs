using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Reflection;

namespace Summarizer.Analysis;

/// <summary>
/// Stop-word lists per language. English uses the project's own list (news-aware, about 400 words); other languages use
/// Lucene's Snowball lists. Unknown languages get an empty list, so nothing is removed by mistake.
/// </summary>
public static class StopWords
{
    private static readonly ConcurrentDictionary<string, FrozenSet<string>> Cache = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>ISO 639-1 codes with a built-in list.</summary>
    public static IReadOnlyList<string> Languages { get; } =
        ["en", "fr", "de", "es", "it", "pt", "nl", "sv", "da", "no", "fi", "ru", "hu"];

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
