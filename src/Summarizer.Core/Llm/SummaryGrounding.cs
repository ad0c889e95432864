using System.Text.RegularExpressions;
using Summarizer.Analysis;
using Summarizer.Ingestion;

namespace Summarizer.Llm;

/// <summary>
/// Finds, for each sentence of a summary, the source sentences that support it: cosine similarity of TF-IDF weighted
/// stems (the project's analysis, so stop words and stemming match the source document). Stems the source never uses
/// count against a sentence, so invented content scores low.
/// </summary>
public static partial class SummaryGrounding
{
    /// <summary>Grounds <paramref name="summary"/> in <paramref name="source"/>.</summary>
    /// <param name="source">The analysed article.</param>
    /// <param name="summary">The summary text (bullets and headlines are fine).</param>
    /// <param name="minScore">Lowest score that counts as support. Default 0.2.</param>
    /// <param name="maxSources">Most supporting sentences kept per summary sentence. Default 3.</param>
    public static IReadOnlyList<GroundedSentence> Ground(Document source, string summary, double minScore = 0.2, int maxSources = 3)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(summary);
        var cleaned = BulletMarker().Replace(summary, string.Empty).Trim();
        if (cleaned.Length == 0)
        {
            return [];
        }

        var n = source.Sentences.Count;
        var idf = new double[source.Terms.Count];
        for (var t = 0; t < idf.Length; t++)
        {
            idf[t] = Math.Log((n + 1.0) / (source.SentenceFrequency[t] + 1.0)) + 1.0;
        }

        var unknownIdf = Math.Log(n + 1.0) + 1.0;
        var vocabulary = new Dictionary<string, int>(source.Terms.Count, StringComparer.Ordinal);
        for (var t = 0; t < source.Terms.Count; t++)
        {
            vocabulary[source.Terms[t]] = t;
        }

        var sourceNorms = new double[n];
        for (var s = 0; s < n; s++)
        {
            sourceNorms[s] = Norm(source.Sentences[s].Terms, idf);
        }

        var analyzer = new TextAnalyzer(new AnalysisOptions { Language = source.Language });
        var summaryDoc = analyzer.Analyze(new Article("summary", cleaned));
        var squared = new double[idf.Length];
        for (var t = 0; t < idf.Length; t++)
        {
            squared[t] = idf[t] * idf[t];
        }

        var result = new List<GroundedSentence>(summaryDoc.Sentences.Count);
        foreach (var sentence in summaryDoc.Sentences)
        {
            // Map the summary's stems into the source vocabulary; the rest only add to the norm.
            var known = new Dictionary<int, float>();
            var unknownSquares = 0.0;
            foreach (var token in sentence.Tokens)
            {
                if (!token.IsContent)
                {
                    continue;
                }

                if (vocabulary.TryGetValue(token.Stem, out var id))
                {
                    known[id] = known.GetValueOrDefault(id) + 1;
                }
                else
                {
                    unknownSquares += unknownIdf * unknownIdf;
                }
            }

            var ids = known.Keys.ToArray();
            var weights = ids.Select(i => known[i]).ToArray();
            Array.Sort(ids, weights);
            var vector = new TermVector(ids, weights);
            var norm = Math.Sqrt(Math.Pow(Norm(vector, idf), 2) + unknownSquares);
            var supports = new List<SourceSupport>();
            if (norm > 0)
            {
                for (var s = 0; s < n; s++)
                {
                    if (sourceNorms[s] == 0)
                    {
                        continue;
                    }

                    var score = vector.Dot(source.Sentences[s].Terms, squared) / (norm * sourceNorms[s]);
                    if (score >= minScore)
                    {
                        supports.Add(new SourceSupport(s, source.Sentences[s].Text, Math.Round(score, 4)));
                    }
                }
            }

            var best = supports.OrderByDescending(x => x.Score).ThenBy(x => x.Index).Take(maxSources).ToArray();
            result.Add(new GroundedSentence(sentence.Text, best));
        }

        return result;
    }

    private static double Norm(TermVector vector, double[] idf)
    {
        var sum = 0.0;
        var ids = vector.Ids;
        var weights = vector.Weights;
        for (var i = 0; i < ids.Length; i++)
        {
            var w = weights[i] * idf[ids[i]];
            sum += w * w;
        }

        return Math.Sqrt(sum);
    }

    [GeneratedRegex(@"(?m)^\s*(?:[-*•]|\d+[.)])\s+")]
    private static partial Regex BulletMarker();
}
