using Summarizer.Analysis;

namespace Summarizer.Interactive.Sources;

/// <summary>One counted word or n-gram.</summary>
internal sealed record TermCount(string Term, int Count, int Documents);

/// <summary>
/// Minimal word and n-gram counting over Core's analysis (sentences, tokens, stop words, stems).
/// To be replaced by <c>Summarizer.Frequencies</c> once it is in Core; kept internal so the swap changes no surface.
/// </summary>
internal static class NGramCounter
{
    public static IReadOnlyList<TermCount> Count(IEnumerable<string> texts, int n, bool stem, bool keepStopWords)
    {
        var analyzer = new TextAnalyzer(new AnalysisOptions { Stem = stem });
        var counts = new Dictionary<string, (int Count, int Documents)>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            seen.Clear();
            var doc = analyzer.Analyze(text);
            foreach (var sentence in doc.Sentences)
            {
                var words = new List<Token>();
                foreach (var t in sentence.Tokens)
                {
                    if (t.Kind == TokenKind.Word)
                    {
                        words.Add(t);
                    }
                }

                for (var i = 0; i + n <= words.Count; i++)
                {
                    if (!keepStopWords && (words[i].IsStopWord || words[i + n - 1].IsStopWord || (n == 1 && words[i].Normalized.Length < 2)))
                    {
                        continue;
                    }

                    var term = string.Join(' ', words.Skip(i).Take(n).Select(w => stem ? w.Stem : w.Normalized));
                    var (c, d) = counts.GetValueOrDefault(term);
                    counts[term] = (c + 1, seen.Add(term) ? d + 1 : d);
                }
            }
        }

        return counts.Select(kv => new TermCount(kv.Key, kv.Value.Count, kv.Value.Documents))
            .OrderByDescending(t => t.Count).ThenBy(t => t.Term, StringComparer.Ordinal).ToArray();
    }
}
