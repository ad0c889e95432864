namespace Summarizer.Analysis;

/// <summary>Options for <see cref="KeyphraseExtractor"/>.</summary>
public sealed record KeyphraseOptions
{
    /// <summary>The paper's settings, ten phrases.</summary>
    public static KeyphraseOptions Default { get; } = new();

    /// <summary>How many phrases to return. Default 10.</summary>
    public int Top { get; init; } = 10;

    /// <summary>Co-occurrence window in content words: 2 links neighbours only (the paper's best). Default 2.</summary>
    public int Window { get; init; } = 2;

    /// <summary>
    /// Share of the ranked words kept as keywords before they are joined into phrases. Default 1/3 (the paper keeps a
    /// third of the vertices).
    /// </summary>
    public double KeywordShare { get; init; } = 1.0 / 3;

    /// <summary>Probability of following an edge. Default 0.85.</summary>
    public double Damping { get; init; } = 0.85;

    /// <summary>Iteration stops when no score changes by more than this. Default 1e-4.</summary>
    public double Epsilon { get; init; } = 1e-4;

    /// <summary>Upper bound on iterations. Default 100.</summary>
    public int MaxIterations { get; init; } = 100;
}

/// <summary>A key phrase: its text (lower case, as it most often appears) and its score (sum of its words' ranks).</summary>
public sealed record Keyphrase(string Text, double Score);

/// <summary>
/// TextRank keyword extraction (Mihalcea &amp; Tarau 2004, section 3): content words are graph vertices linked when
/// they co-occur within a window inside a sentence; PageRank ranks them, the top third become keywords, and keywords
/// adjacent in the text are joined into phrases. Words are identified by stem; numbers and one-letter words are left
/// out. Thread-safe and deterministic.
/// </summary>
public static class KeyphraseExtractor
{
    /// <summary>The top phrases of <paramref name="document"/>, best first (ties: first occurrence first).</summary>
    public static IReadOnlyList<Keyphrase> Extract(Document document, KeyphraseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        options ??= KeyphraseOptions.Default;
        Validate(options);

        // Vertices: candidate stems, numbered in order of first appearance.
        var vertexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var sequence = new List<int>(); // candidate vertex per token position, -1 elsewhere, -2 at sentence ends
        foreach (var sentence in document.Sentences)
        {
            foreach (ref readonly var token in sentence.Tokens)
            {
                if (!IsCandidate(token))
                {
                    sequence.Add(-1);
                    continue;
                }

                if (!vertexOf.TryGetValue(token.Stem, out var v))
                {
                    v = vertexOf.Count;
                    vertexOf[token.Stem] = v;
                }

                sequence.Add(v);
            }

            sequence.Add(-2);
        }

        var n = vertexOf.Count;
        if (n == 0)
        {
            return [];
        }

        var neighbours = new HashSet<int>[n];
        for (var v = 0; v < n; v++)
        {
            neighbours[v] = [];
        }

        // Link content words that co-occur within the window, counted over content words of one sentence.
        var recent = new List<int>(options.Window);
        foreach (var v in sequence)
        {
            if (v == -2)
            {
                recent.Clear();
                continue;
            }

            if (v < 0)
            {
                continue;
            }

            foreach (var u in recent)
            {
                if (u != v)
                {
                    neighbours[u].Add(v);
                    neighbours[v].Add(u);
                }
            }

            recent.Add(v);
            if (recent.Count >= options.Window)
            {
                recent.RemoveAt(0);
            }
        }

        var rank = Rank(neighbours, options);

        // Keywords: the top share of vertices by rank (ties to the earlier vertex).
        var order = new int[n];
        for (var v = 0; v < n; v++)
        {
            order[v] = v;
        }

        Array.Sort(order, (a, b) => rank[b] != rank[a] ? rank[b].CompareTo(rank[a]) : a.CompareTo(b));
        var keep = Math.Max(1, (int)Math.Ceiling(n * options.KeywordShare));
        var isKeyword = new bool[n];
        for (var k = 0; k < keep; k++)
        {
            isKeyword[order[k]] = true;
        }

        return Phrases(document, vertexOf, isKeyword, rank, options.Top);
    }

    private static bool IsCandidate(in Token token) =>
        token.Kind == TokenKind.Word && !token.IsStopWord && token.Length > 1 && char.IsLetter(token.Normalized[0]);

    private static void Validate(KeyphraseOptions options)
    {
        if (options.Top < 1)
        {
            throw new ArgumentException($"Top must be at least 1, not {options.Top}.", nameof(options));
        }

        if (options.Window < 2)
        {
            throw new ArgumentException($"Window must be at least 2, not {options.Window}.", nameof(options));
        }

        if (!(options.KeywordShare is > 0 and <= 1))
        {
            throw new ArgumentException($"KeywordShare must be in (0, 1], not {options.KeywordShare}.", nameof(options));
        }

        if (!(options.Damping is > 0 and < 1))
        {
            throw new ArgumentException($"Damping must be between 0 and 1 (exclusive), not {options.Damping}.", nameof(options));
        }

        if (!(options.Epsilon > 0) || options.MaxIterations < 1)
        {
            throw new ArgumentException("Epsilon must be greater than 0 and MaxIterations at least 1.", nameof(options));
        }
    }

    // Unweighted undirected PageRank on TextRank's scale (scores average 1).
    private static double[] Rank(HashSet<int>[] neighbours, KeyphraseOptions options)
    {
        var n = neighbours.Length;
        var adjacency = new int[n][];
        for (var v = 0; v < n; v++)
        {
            adjacency[v] = [.. neighbours[v]];
            Array.Sort(adjacency[v]);
        }

        var d = options.Damping;
        var scores = new double[n];
        var next = new double[n];
        Array.Fill(scores, 1.0);
        for (var iteration = 0; iteration < options.MaxIterations; iteration++)
        {
            var isolated = 0.0;
            for (var v = 0; v < n; v++)
            {
                if (adjacency[v].Length == 0)
                {
                    isolated += scores[v];
                }
            }

            Array.Fill(next, (1 - d) + (d * isolated / n));
            for (var v = 0; v < n; v++)
            {
                var edges = adjacency[v];
                if (edges.Length == 0)
                {
                    continue;
                }

                var share = d * scores[v] / edges.Length;
                foreach (var u in edges)
                {
                    next[u] += share;
                }
            }

            var delta = 0.0;
            for (var v = 0; v < n; v++)
            {
                delta = Math.Max(delta, Math.Abs(next[v] - scores[v]));
            }

            (scores, next) = (next, scores);
            if (delta < options.Epsilon)
            {
                break;
            }
        }

        return scores;
    }

    private sealed class PhraseInfo(int first, double score)
    {
        public int First { get; } = first;

        public double Score { get; } = score;

        public Dictionary<string, int> Surfaces { get; } = new(StringComparer.Ordinal);
    }

    // Runs of adjacent keywords (no token between them) become phrases; a phrase is identified by its stems.
    private static List<Keyphrase> Phrases(Document document, Dictionary<string, int> vertexOf, bool[] isKeyword,
        double[] rank, int top)
    {
        var phrases = new Dictionary<string, PhraseInfo>(StringComparer.Ordinal);
        var stems = new List<string>();
        var surface = new List<string>();
        var score = 0.0;
        var occurrence = 0;

        void Flush()
        {
            if (stems.Count == 0)
            {
                return;
            }

            var key = string.Join(' ', stems);
            if (!phrases.TryGetValue(key, out var info))
            {
                info = new PhraseInfo(occurrence, score);
                phrases[key] = info;
            }

            var text = string.Join(' ', surface);
            info.Surfaces[text] = info.Surfaces.GetValueOrDefault(text) + 1;
            occurrence++;
            stems.Clear();
            surface.Clear();
            score = 0;
        }

        foreach (var sentence in document.Sentences)
        {
            foreach (ref readonly var token in sentence.Tokens)
            {
                if (IsCandidate(token) && isKeyword[vertexOf[token.Stem]])
                {
                    stems.Add(token.Stem);
                    surface.Add(token.Normalized);
                    score += rank[vertexOf[token.Stem]];
                }
                else
                {
                    Flush();
                }
            }

            Flush();
        }

        var list = phrases.Values.ToList();
        list.Sort((a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.First.CompareTo(b.First));
        var result = new List<Keyphrase>(Math.Min(top, list.Count));
        foreach (var info in list)
        {
            if (result.Count == top)
            {
                break;
            }

            result.Add(new Keyphrase(MostFrequent(info.Surfaces), info.Score));
        }

        return result;
    }

    private static string MostFrequent(Dictionary<string, int> surfaces)
    {
        string? best = null;
        var bestCount = 0;
        foreach (var (text, count) in surfaces)
        {
            if (count > bestCount || (count == bestCount && string.CompareOrdinal(text, best) < 0))
            {
                best = text;
                bestCount = count;
            }
        }

        return best ?? string.Empty;
    }
}
