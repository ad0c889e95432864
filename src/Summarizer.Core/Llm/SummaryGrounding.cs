using System.Text.RegularExpressions;
using Summarizer.Analysis;
using Summarizer.Ingestion;

namespace Summarizer.Llm;

/// <summary>
/// Finds, for each sentence of a summary, the source sentences that support it: cosine similarity of TF-IDF weighted
/// stems (the project's analysis, so stop words and stemming match the source documents). Stems the source never uses
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
        return Ground([source], summary, minScore, maxSources);
    }

    /// <summary>
    /// Grounds <paramref name="summary"/> in several articles at once (a story's): stems are weighted over the
    /// sentences of all of them, and each support names its document (<see cref="SourceSupport.Document"/>).
    /// </summary>
    /// <param name="sources">The analysed articles, all in one language.</param>
    /// <param name="summary">The summary text (bullets and headlines are fine).</param>
    /// <param name="minScore">Lowest score that counts as support. Default 0.2.</param>
    /// <param name="maxSources">Most supporting sentences kept per summary sentence. Default 3.</param>
    public static IReadOnlyList<GroundedSentence> Ground(IReadOnlyList<Document> sources, string summary, double minScore = 0.2, int maxSources = 3)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(summary);
        if (sources.Count == 0)
        {
            throw new ArgumentException("At least one source document is needed.", nameof(sources));
        }

        var cleaned = BulletMarker().Replace(summary, string.Empty).Trim();
        if (cleaned.Length == 0)
        {
            return [];
        }

        // One vocabulary over every source: each document's term ids are mapped onto it.
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var frequency = new List<int>();
        var sentences = new List<(int Document, Sentence Sentence, TermVector Terms)>();
        for (var d = 0; d < sources.Count; d++)
        {
            var source = sources[d];
            var map = new int[source.Terms.Count];
            for (var t = 0; t < map.Length; t++)
            {
                if (!vocabulary.TryGetValue(source.Terms[t], out var id))
                {
                    id = vocabulary.Count;
                    vocabulary[source.Terms[t]] = id;
                    frequency.Add(0);
                }

                map[t] = id;
                frequency[id] += source.SentenceFrequency[t];
            }

            foreach (var sentence in source.Sentences)
            {
                var ids = new int[sentence.Terms.Count];
                var weights = sentence.Terms.Weights.ToArray();
                for (var k = 0; k < ids.Length; k++)
                {
                    ids[k] = map[sentence.Terms.Ids[k]];
                }

                Array.Sort(ids, weights);
                sentences.Add((d, sentence, new TermVector(ids, weights)));
            }
        }

        var n = sentences.Count;
        var idf = new double[vocabulary.Count];
        for (var t = 0; t < idf.Length; t++)
        {
            idf[t] = Math.Log((n + 1.0) / (frequency[t] + 1.0)) + 1.0;
        }

        var unknownIdf = Math.Log(n + 1.0) + 1.0;
        var sourceNorms = new double[n];
        for (var s = 0; s < n; s++)
        {
            sourceNorms[s] = Norm(sentences[s].Terms, idf);
        }

        var analyzer = new TextAnalyzer(new AnalysisOptions { Language = sources[0].Language });
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

                    var score = vector.Dot(sentences[s].Terms, squared) / (norm * sourceNorms[s]);
                    if (score >= minScore)
                    {
                        supports.Add(new SourceSupport(sentences[s].Sentence.Index, sentences[s].Sentence.Text, Math.Round(score, 4))
                        {
                            Document = sentences[s].Document,
                        });
                    }
                }
            }

            var best = supports.OrderByDescending(x => x.Score).ThenBy(x => x.Document).ThenBy(x => x.Index).Take(maxSources).ToArray();
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
