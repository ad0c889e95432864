using Summarizer.Analysis;

namespace Summarizer.Summarization;

/// <summary>
/// How many sentence pairs a similarity graph may compare. Up to <see cref="ExactLimit"/> sentences (every news
/// article) every pair sharing a term is an edge, exactly as in the papers. Longer documents compare each sentence only
/// with the sentences at most <see cref="Window"/> positions away and keep its <see cref="Neighbours"/> strongest edges
/// (an edge stays when either end keeps it), so building costs O(terms × window) and the graph has at most
/// 2 × n × neighbours edges.
/// </summary>
internal sealed record GraphLimits
{
    /// <summary>The limits the summarisers use.</summary>
    public static GraphLimits Default { get; } = new();

    /// <summary>Documents with at most this many sentences get the complete graph. Default 1,000.</summary>
    public int ExactLimit { get; init; } = 1000;

    /// <summary>Past the exact limit, the farthest apart (in sentences) two compared sentences may be. Default 200.</summary>
    public int Window { get; init; } = 200;

    /// <summary>Past the exact limit, the strongest edges each sentence keeps. Default 30.</summary>
    public int Neighbours { get; init; } = 30;
}

/// <summary>A symmetric non-negative sentence graph that the power method can walk.</summary>
internal interface ISentenceGraph
{
    /// <summary>Number of sentences.</summary>
    int Count { get; }

    /// <summary>Sum of each sentence's edge weights; exactly 0 for a sentence without edges.</summary>
    double[] RowSums();

    /// <summary><c>y = W x</c>.</summary>
    void Multiply(double[] x, double[] y);
}

/// <summary>Edge weight from two sentences and their shared-term sum; 0 drops the edge.</summary>
internal delegate double EdgeWeight(int i, int j, double shared);

/// <summary>A symmetric graph in compressed rows: row i's neighbours are <c>Columns[RowStart[i]..RowStart[i+1]]</c>.</summary>
internal sealed class SparseSentenceGraph(int count, int[] rowStart, int[] columns, double[] weights) : ISentenceGraph
{
    public int Count { get; } = count;

    public int[] RowStart { get; } = rowStart;

    public int[] Columns { get; } = columns;

    public double[] Weights { get; } = weights;

    public double[] RowSums()
    {
        var sums = new double[Count];
        for (var i = 0; i < Count; i++)
        {
            var sum = 0.0;
            for (var e = RowStart[i]; e < RowStart[i + 1]; e++)
            {
                sum += Weights[e];
            }

            sums[i] = sum;
        }

        return sums;
    }

    // Four accumulators chosen by column as a dense four-way dot product over the whole row would use them (the
    // columns past the last multiple of four go to the first), so small documents rank exactly as with a dense matrix.
    public void Multiply(double[] x, double[] y)
    {
        var tail = Count - (Count % 4);
        Span<double> sums = stackalloc double[4];
        for (var i = 0; i < Count; i++)
        {
            sums.Clear();
            for (var e = RowStart[i]; e < RowStart[i + 1]; e++)
            {
                var column = Columns[e];
                sums[column >= tail ? 0 : column & 3] += Weights[e] * x[column];
            }

            y[i] = (sums[0] + sums[1]) + (sums[2] + sums[3]);
        }
    }

    /// <summary>The weight of edge (i, j), 0 when absent.</summary>
    public double Weight(int i, int j)
    {
        var at = Array.BinarySearch(Columns, RowStart[i], RowStart[i + 1] - RowStart[i], j);
        return at >= 0 ? Weights[at] : 0;
    }
}

/// <summary>Sparse sentence similarity graphs from an inverted index over terms, and weighted PageRank.</summary>
internal static class SentenceGraph
{
    /// <summary>
    /// Builds the graph whose edge (i, j) weighs <paramref name="edge"/>(i, j, shared), where shared sums over the
    /// terms both sentences contain either 1 (<paramref name="termWeights"/> null: the overlap count) or
    /// <c>w_i · w_j · termWeights[t]</c>. Walks an inverted index, so only pairs that share a term cost anything, and
    /// past <see cref="GraphLimits.ExactLimit"/> sentences only pairs within the window (see <see cref="GraphLimits"/>).
    /// </summary>
    public static SparseSentenceGraph Build(Document document, double[]? termWeights, EdgeWeight edge, GraphLimits? limits = null)
    {
        limits ??= GraphLimits.Default;
        var sentences = document.Sentences;
        var n = sentences.Count;
        var vocabulary = document.Terms.Count;
        var exact = n <= limits.ExactLimit;
        var window = exact ? n : limits.Window;
        var keep = exact ? int.MaxValue : limits.Neighbours;

        // Postings: for each term, the sentences containing it (ascending) with the term's count there; and for each
        // sentence term, its own slot in that list, where the walk to either side starts.
        var start = new int[vocabulary + 1];
        var termOffset = new int[n + 1];
        for (var i = 0; i < n; i++)
        {
            var ids = sentences[i].Terms.Ids;
            termOffset[i + 1] = termOffset[i] + ids.Length;
            foreach (var id in ids)
            {
                start[id + 1]++;
            }
        }

        for (var t = 0; t < vocabulary; t++)
        {
            start[t + 1] += start[t];
        }

        var fill = new int[vocabulary];
        var postingSentence = new int[start[vocabulary]];
        var postingWeight = new float[start[vocabulary]];
        var slotOf = new int[termOffset[n]];
        for (var i = 0; i < n; i++)
        {
            var terms = sentences[i].Terms;
            var ids = terms.Ids;
            var weights = terms.Weights;
            for (var k = 0; k < ids.Length; k++)
            {
                var slot = start[ids[k]] + fill[ids[k]]++;
                postingSentence[slot] = i;
                postingWeight[slot] = weights[k];
                slotOf[termOffset[i] + k] = slot;
            }
        }

        var shared = new double[n];
        var seen = new int[n];
        var touched = new List<int>();
        var fromList = new List<int>();
        var toList = new List<int>();
        var weightList = new List<double>();
        var best = new TopEdges(Math.Min(keep, n));
        long visits = 0, pairs = 0;
        for (var i = 0; i < n; i++)
        {
            touched.Clear();
            var terms = sentences[i].Terms;
            var ids = terms.Ids;
            var weights = terms.Weights;
            for (var k = 0; k < ids.Length; k++)
            {
                var t = ids[k];
                var slot = slotOf[termOffset[i] + k];
                // (w_earlier · termWeight) · w_later from either end, so the graph is exactly symmetric.
                var wi = weights[k];
                var tw = termWeights?[t] ?? 0;
                for (var p = slot - 1; p >= start[t] && i - postingSentence[p] <= window; p--)
                {
                    Accumulate(postingSentence[p], termWeights is null ? 1 : postingWeight[p] * tw * wi);
                }

                for (var p = slot + 1; p < start[t + 1] && postingSentence[p] - i <= window; p++)
                {
                    Accumulate(postingSentence[p], termWeights is null ? 1 : wi * tw * postingWeight[p]);
                }
            }

            pairs += touched.Count;
            best.Clear();
            foreach (var j in touched)
            {
                var w = edge(i, j, shared[j]);
                shared[j] = 0;
                if (w > 0)
                {
                    best.Offer(j, w);
                }
            }

            foreach (var (j, w) in best.Items)
            {
                fromList.Add(i);
                toList.Add(j);
                weightList.Add(w);
            }

            void Accumulate(int j, double value)
            {
                visits++;
                if (seen[j] != i + 1)
                {
                    seen[j] = i + 1;
                    touched.Add(j);
                }

                shared[j] += value;
            }
        }

        var graph = Symmetric(n, fromList, toList, weightList);
        if (WorkCounters.Current is { } work)
        {
            work.PostingVisits += visits;
            work.SimilarityPairs += pairs;
            work.Edges += graph.Columns.Length;
        }

        return graph;
    }

    // The union of the kept edges and their reverses, each row sorted by column without repeats. Both ends compute the
    // same weight for an edge (the same products summed in the same term order), so either copy may stay.
    private static SparseSentenceGraph Symmetric(int n, List<int> from, List<int> to, List<double> weight)
    {
        var rowStart = new int[n + 1];
        for (var e = 0; e < from.Count; e++)
        {
            rowStart[from[e] + 1]++;
            rowStart[to[e] + 1]++;
        }

        for (var i = 0; i < n; i++)
        {
            rowStart[i + 1] += rowStart[i];
        }

        var fill = rowStart[..n];
        var columns = new int[rowStart[n]];
        var weights = new double[rowStart[n]];
        for (var e = 0; e < from.Count; e++)
        {
            var a = fill[from[e]]++;
            columns[a] = to[e];
            weights[a] = weight[e];
            var b = fill[to[e]]++;
            columns[b] = from[e];
            weights[b] = weight[e];
        }

        var write = 0;
        var compactStart = new int[n + 1];
        for (var i = 0; i < n; i++)
        {
            var from0 = rowStart[i];
            var length = rowStart[i + 1] - from0;
            Array.Sort(columns, weights, from0, length);
            compactStart[i] = write;
            for (var e = from0; e < from0 + length; e++)
            {
                if (e > from0 && columns[e] == columns[e - 1])
                {
                    continue;
                }

                columns[write] = columns[e];
                weights[write] = weights[e];
                write++;
            }
        }

        compactStart[n] = write;
        return new SparseSentenceGraph(n, compactStart, columns[..write], weights[..write]);
    }

    /// <summary>
    /// Ranks the nodes of an undirected weighted graph. Scores are on TextRank's scale (they average 1):
    /// <c>WS(i) = (1 − d) + d · Σ_j w_ji / out_j · WS(j)</c>, with the mass of nodes without edges spread evenly, which
    /// keeps the order of the original formulation. Iterates until no score moves by <paramref name="epsilon"/> or
    /// <paramref name="maxIterations"/> is reached; each iteration is one product with the graph.
    /// </summary>
    public static double[] Rank(ISentenceGraph graph, double damping, double epsilon, int maxIterations)
    {
        var n = graph.Count;
        var outWeight = graph.RowSums();
        var scores = new double[n];
        var next = new double[n];
        var flow = new double[n]; // score each node passes per unit of edge weight
        Array.Fill(scores, 1.0);
        var iterations = 0;
        while (iterations < maxIterations)
        {
            iterations++;
            var dangling = 0.0;
            for (var i = 0; i < n; i++)
            {
                if (outWeight[i] > 0)
                {
                    flow[i] = damping * scores[i] / outWeight[i];
                }
                else
                {
                    flow[i] = 0;
                    dangling += scores[i];
                }
            }

            // Symmetric weights: what node j receives is row j of the graph dotted with the flows.
            graph.Multiply(flow, next);
            var teleport = (1 - damping) + (damping * dangling / n);
            var delta = 0.0;
            for (var j = 0; j < n; j++)
            {
                next[j] += teleport;
                delta = Math.Max(delta, Math.Abs(next[j] - scores[j]));
            }

            (scores, next) = (next, scores);
            if (delta < epsilon)
            {
                break;
            }
        }

        if (WorkCounters.Current is { } work)
        {
            work.Iterations += iterations;
            work.MatVecs += iterations + 1;
        }

        return scores;
    }

    /// <summary>Throws when a damping factor is outside (0, 1); <paramref name="option"/> names it in the message.</summary>
    public static void CheckDamping(double damping, string option, string paramName)
    {
        if (!(damping is > 0 and < 1))
        {
            throw new ArgumentException($"Option '{option}' must be between 0 and 1 (exclusive), not {damping}.", paramName);
        }
    }

    /// <summary>Throws when the convergence settings are unusable.</summary>
    public static void CheckConvergence(double epsilon, int maxIterations, string paramName)
    {
        if (!(epsilon > 0))
        {
            throw new ArgumentException($"Option 'epsilon' must be greater than 0, not {epsilon}.", paramName);
        }

        if (maxIterations < 1)
        {
            throw new ArgumentException($"Option 'max-iterations' must be at least 1, not {maxIterations}.", paramName);
        }
    }

    // The strongest edges of one sentence: a bounded min-heap on weight, the earlier sentence winning ties.
    private sealed class TopEdges(int capacity)
    {
        private readonly List<(int Column, double Weight)> _heap = [];

        public IEnumerable<(int Column, double Weight)> Items => _heap;

        public void Clear() => _heap.Clear();

        public void Offer(int column, double weight)
        {
            if (_heap.Count < capacity)
            {
                _heap.Add((column, weight));
                Up(_heap.Count - 1);
            }
            else if (Less(_heap[0], (column, weight)))
            {
                _heap[0] = (column, weight);
                Down(0);
            }
        }

        private static bool Less((int Column, double Weight) a, (int Column, double Weight) b) =>
            a.Weight < b.Weight || (a.Weight == b.Weight && a.Column > b.Column);

        private void Up(int i)
        {
            while (i > 0)
            {
                var parent = (i - 1) / 2;
                if (!Less(_heap[i], _heap[parent]))
                {
                    break;
                }

                (_heap[i], _heap[parent]) = (_heap[parent], _heap[i]);
                i = parent;
            }
        }

        private void Down(int i)
        {
            while (true)
            {
                var smallest = i;
                foreach (var child in (ReadOnlySpan<int>)[(2 * i) + 1, (2 * i) + 2])
                {
                    if (child < _heap.Count && Less(_heap[child], _heap[smallest]))
                    {
                        smallest = child;
                    }
                }

                if (smallest == i)
                {
                    return;
                }

                (_heap[i], _heap[smallest]) = (_heap[smallest], _heap[i]);
                i = smallest;
            }
        }
    }
}
