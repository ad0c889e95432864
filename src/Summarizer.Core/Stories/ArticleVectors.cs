using Summarizer.Analysis;

namespace Summarizer.Stories;

/// <summary>
/// TF-IDF vectors of whole articles over one vocabulary of stems (each document has its own vocabulary; this maps
/// them onto a shared one): sublinear term frequency, smoothed inverse document frequency, the strongest terms kept,
/// unit length. Title words count once more, as a headline names the story.
/// </summary>
internal sealed class ArticleVectors
{
    private ArticleVectors(TermVector[] vectors, int[] documentFrequency, string[] terms)
    {
        Vectors = vectors;
        DocumentFrequency = documentFrequency;
        Terms = terms;
    }

    /// <summary>One unit vector per document, over the shared vocabulary.</summary>
    public TermVector[] Vectors { get; }

    /// <summary>Documents containing each shared term.</summary>
    public int[] DocumentFrequency { get; }

    /// <summary>The shared vocabulary: term id to stem.</summary>
    public string[] Terms { get; }

    public static ArticleVectors Build(IReadOnlyList<Document> documents, int keep)
    {
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var counts = new (int[] Ids, float[] Counts)[documents.Count];
        var df = new List<int>();
        for (var d = 0; d < documents.Count; d++)
        {
            var document = documents[d];
            var local = new float[document.Terms.Count];
            for (var t = 0; t < local.Length; t++)
            {
                local[t] = document.TermCounts[t];
            }

            foreach (var t in document.TitleTerms.Ids)
            {
                local[t] += 1;
            }

            var ids = new int[local.Length];
            for (var t = 0; t < local.Length; t++)
            {
                if (!vocabulary.TryGetValue(document.Terms[t], out var id))
                {
                    id = vocabulary.Count;
                    vocabulary[document.Terms[t]] = id;
                    df.Add(0);
                }

                ids[t] = id;
                df[id]++;
            }

            counts[d] = (ids, local);
        }

        var n = documents.Count;
        var idf = df.Select(f => Math.Log((1.0 + n) / (1.0 + f)) + 1).ToArray();
        var vectors = new TermVector[n];
        Parallel.For(0, n, d =>
        {
            var (ids, tf) = counts[d];
            var weights = new float[ids.Length];
            for (var k = 0; k < ids.Length; k++)
            {
                weights[k] = (float)((1 + Math.Log(tf[k])) * idf[ids[k]]);
            }

            // The strongest terms (ties: the earlier-seen term), then ascending ids as TermVector wants.
            var order = new (float Key, int Term)[ids.Length];
            for (var k = 0; k < ids.Length; k++)
            {
                order[k] = (-weights[k], k);
            }

            Array.Sort(order);
            var kept = Math.Min(keep, ids.Length);
            var keptIds = new int[kept];
            var keptWeights = new float[kept];
            for (var k = 0; k < kept; k++)
            {
                keptIds[k] = ids[order[k].Term];
                keptWeights[k] = weights[order[k].Term];
            }

            Array.Sort(keptIds, keptWeights);
            var norm = Math.Sqrt(keptWeights.Sum(w => (double)w * w));
            if (norm > 0)
            {
                for (var k = 0; k < keptWeights.Length; k++)
                {
                    keptWeights[k] = (float)(keptWeights[k] / norm);
                }
            }

            vectors[d] = new TermVector(keptIds, keptWeights);
        });

        var terms = new string[vocabulary.Count];
        foreach (var (stem, id) in vocabulary)
        {
            terms[id] = stem;
        }

        return new ArticleVectors(vectors, df.ToArray(), terms);
    }

    /// <summary>The unit-length mean of some vectors: a group's centroid.</summary>
    public static TermVector Centroid(IEnumerable<TermVector> vectors)
    {
        var sum = new Dictionary<int, double>();
        foreach (var v in vectors)
        {
            var ids = v.Ids;
            var weights = v.Weights;
            for (var k = 0; k < ids.Length; k++)
            {
                sum[ids[k]] = sum.GetValueOrDefault(ids[k]) + weights[k];
            }
        }

        var keys = sum.Keys.Order().ToArray();
        var norm = Math.Sqrt(sum.Values.Sum(w => w * w));
        return new TermVector(keys, keys.Select(k => (float)(norm > 0 ? sum[k] / norm : 0)).ToArray());
    }
}
