using Summarizer.Analysis;

namespace Summarizer.Stories;

/// <summary>Counted work of a clustering run, for checking that it grows near-linearly with the input.</summary>
/// <param name="PostingsVisited">Inverted-index entries walked to propose pairs.</param>
/// <param name="PairsCompared">Pairs whose full cosine similarity was computed.</param>
/// <param name="Edges">Pairs kept as edges of the similarity graph.</param>
/// <param name="Merges">Groups merged by the clustering.</param>
public sealed record ClusteringWork(long PostingsVisited, long PairsCompared, long Edges, int Merges);

/// <summary>
/// Threshold-based average-link agglomerative clustering over a sparse similarity graph. Pairs are proposed through
/// an inverted index of each vector's distinctive terms (terms common to many articles propose nothing), the strongest
/// <c>maxNeighbours</c> per article are compared exactly, and groups merge best-first while the average similarity
/// over all pairs between them (pairs without an edge count as 0) stays at or above the threshold. Deterministic: ties
/// go to the lower indices.
/// </summary>
internal static class StoryClustering
{
    /// <summary>Edges weaker than this are dropped: they could never lift an average to a useful threshold.</summary>
    private const double EdgeFloor = 0.05;

    public static (int[] Cluster, ClusteringWork Work) Cluster(TermVector[] vectors, int[] documentFrequency, StoryOptions options)
    {
        var n = vectors.Length;
        var commonAbove = Math.Max(options.CommonTermArticles, (int)(options.CommonTermShare * n));
        var (edges, postings, compared) = Graph(vectors, documentFrequency, commonAbove, options.MaxNeighbours);
        var (cluster, merges) = AverageLink(n, edges, options.Threshold);
        return (cluster, new ClusteringWork(postings, compared, edges.Count, merges));
    }

    /// <summary>Average pairwise similarity inside a group (1 for a single article).</summary>
    public static double Cohesion(IReadOnlyList<TermVector> vectors)
    {
        if (vectors.Count < 2)
        {
            return 1;
        }

        var sum = 0.0;
        for (var i = 0; i < vectors.Count; i++)
        {
            for (var j = i + 1; j < vectors.Count; j++)
            {
                sum += vectors[i].Dot(vectors[j]);
            }
        }

        return sum / (vectors.Count * (vectors.Count - 1) / 2.0);
    }

    private static (List<(int A, int B, double Similarity)> Edges, long Postings, long Compared) Graph(TermVector[] vectors,
        int[] documentFrequency, int commonAbove, int maxNeighbours)
    {
        var n = vectors.Length;
        var index = new Dictionary<int, List<int>>();
        for (var i = 0; i < n; i++)
        {
            foreach (var t in vectors[i].Ids)
            {
                if (documentFrequency[t] <= commonAbove)
                {
                    if (!index.TryGetValue(t, out var list))
                    {
                        list = [];
                        index[t] = list;
                    }

                    list.Add(i);
                }
            }
        }

        var neighbours = new List<(int, double)>[n];
        var postings = 0L;
        var compared = 0L;
        Parallel.For(0, n, () => new Scratch(n), (i, _, local) =>
        {
            // Partial dot products over the distinctive terms propose the candidates; the best are compared in full.
            var ids = vectors[i].Ids;
            var weights = vectors[i].Weights;
            for (var k = 0; k < ids.Length; k++)
            {
                if (!index.TryGetValue(ids[k], out var list))
                {
                    continue;
                }

                local.Postings += list.Count;
                foreach (var j in list)
                {
                    if (j != i)
                    {
                        local.Add(j, weights[k]);
                    }
                }
            }

            var found = new List<(int, double)>();
            foreach (var j in local.Best(maxNeighbours))
            {
                var similarity = vectors[i].Dot(vectors[j]);
                local.Compared++;
                if (similarity >= EdgeFloor)
                {
                    found.Add((j, similarity));
                }
            }

            neighbours[i] = found;
            return local;
        }, local =>
        {
            Interlocked.Add(ref postings, local.Postings);
            Interlocked.Add(ref compared, local.Compared);
        });

        // An edge proposed from either end is kept once.
        var edges = new Dictionary<(int, int), double>();
        for (var i = 0; i < n; i++)
        {
            foreach (var (j, s) in neighbours[i])
            {
                edges[(Math.Min(i, j), Math.Max(i, j))] = s;
            }
        }

        return (edges.OrderBy(e => e.Key.Item1).ThenBy(e => e.Key.Item2).Select(e => (e.Key.Item1, e.Key.Item2, e.Value)).ToList(), postings, compared);
    }

    /// <summary>One thread's accumulators: a dense score per article and the articles touched.</summary>
    private sealed class Scratch(int n)
    {
        private readonly float[] _score = new float[n];
        private readonly List<int> _touched = [];

        public long Postings { get; set; }

        public long Compared { get; set; }

        public void Add(int j, float weight)
        {
            if (_score[j] == 0)
            {
                _touched.Add(j);
            }

            _score[j] += weight;
        }

        /// <summary>The <paramref name="count"/> best-scored articles (ties: lower index), clearing the scores.</summary>
        public int[] Best(int count)
        {
            var order = new (float Key, int Index)[_touched.Count];
            for (var k = 0; k < order.Length; k++)
            {
                var j = _touched[k];
                order[k] = (-_score[j], j);
                _score[j] = 0;
            }

            _touched.Clear();
            Array.Sort(order);
            var best = new int[Math.Min(count, order.Length)];
            for (var k = 0; k < best.Length; k++)
            {
                best[k] = order[k].Index;
            }

            return best;
        }
    }

    private static (int[] Cluster, int Merges) AverageLink(int n, List<(int A, int B, double Similarity)> edges, double threshold)
    {
        // Each live group: its size and the summed similarity to each neighbouring group. A group is named by its
        // smallest member, so the result does not depend on the order of merges.
        var size = new int[n];
        var links = new Dictionary<int, double>[n];
        var parent = new int[n];
        var version = new int[n];
        for (var i = 0; i < n; i++)
        {
            size[i] = 1;
            links[i] = [];
            parent[i] = i;
        }

        foreach (var (a, b, s) in edges)
        {
            links[a][b] = s;
            links[b][a] = s;
        }

        var queue = new PriorityQueue<(int A, int B, int VersionA, int VersionB), (double Average, int A, int B)>(
            Comparer<(double Average, int A, int B)>.Create((x, y) =>
            {
                var c = y.Average.CompareTo(x.Average);
                if (c != 0)
                {
                    return c;
                }

                c = x.A.CompareTo(y.A);
                return c != 0 ? c : x.B.CompareTo(y.B);
            }));
        void Push(int a, int b)
        {
            var (lo, hi) = a < b ? (a, b) : (b, a);
            var average = links[lo][hi] / ((double)size[lo] * size[hi]);
            if (average >= threshold)
            {
                queue.Enqueue((lo, hi, version[lo], version[hi]), (average, lo, hi));
            }
        }

        for (var i = 0; i < n; i++)
        {
            foreach (var j in links[i].Keys)
            {
                if (i < j)
                {
                    Push(i, j);
                }
            }
        }

        var merges = 0;
        while (queue.TryDequeue(out var pair, out _))
        {
            var (a, b, va, vb) = pair;
            if (version[a] != va || version[b] != vb || parent[a] != a || parent[b] != b)
            {
                continue; // one side has changed since this pair was queued
            }

            // b joins a (a < b): a's links absorb b's.
            parent[b] = a;
            size[a] += size[b];
            version[a]++;
            links[a].Remove(b);
            foreach (var (c, s) in links[b])
            {
                if (c == a)
                {
                    continue;
                }

                links[a][c] = links[a].GetValueOrDefault(c) + s;
                links[c].Remove(b);
                links[c][a] = links[a][c];
            }

            links[b] = [];
            merges++;
            foreach (var c in links[a].Keys.Order())
            {
                Push(a, c);
            }
        }

        var cluster = new int[n];
        for (var i = 0; i < n; i++)
        {
            var root = i;
            while (parent[root] != root)
            {
                root = parent[root];
            }

            cluster[i] = root;
        }

        return (cluster, merges);
    }
}
