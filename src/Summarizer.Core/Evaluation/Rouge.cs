namespace Summarizer.Evaluation;

/// <summary>
/// ROUGE-1, ROUGE-2 and summary-level ROUGE-L computed as ROUGE-1.5.5 does with <c>-n 2 -m -a</c> (one sentence per
/// line, Porter stemming with the WordNet 2.0 exception list, no stop-word removal, no length limit, F with
/// <c>alpha = 0.5</c>). With several references, matches and counts are summed over the references before dividing
/// (ROUGE's model-average mode <c>-f A</c>), so each reference clips matches separately.
/// </summary>
/// <remarks>
/// Text is one sentence per line. Per-document recall and precision are rounded to five decimals and F is computed
/// from the rounded values, exactly as ROUGE-1.5.5 reports them. Thread-safe.
/// </remarks>
public static class Rouge
{
    /// <summary>Scores <paramref name="candidate"/> against one reference.</summary>
    /// <param name="candidate">The candidate summary, one sentence per line.</param>
    /// <param name="reference">The reference summary, one sentence per line.</param>
    public static RougeScores Score(string candidate, string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return Score(candidate, [reference]);
    }

    /// <summary>Scores <paramref name="candidate"/> against several references of the same document.</summary>
    /// <param name="candidate">The candidate summary, one sentence per line.</param>
    /// <param name="references">At least one reference summary, one sentence per line each.</param>
    /// <exception cref="ArgumentException">When <paramref name="references"/> is empty or holds a null.</exception>
    public static RougeScores Score(string candidate, IReadOnlyList<string> references)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(references);
        if (references.Count == 0)
        {
            throw new ArgumentException("At least one reference summary is needed.", nameof(references));
        }

        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var peer = new RougeText(candidate, vocabulary);
        var unigram = default(Tally);
        var bigram = default(Tally);
        var lcs = default(Tally);
        var peerUnigrams = new Dictionary<int, int>(peer.Unigrams.Count);
        for (var r = 0; r < references.Count; r++)
        {
            var reference = references[r]
                ?? throw new ArgumentException($"Reference {r} is null.", nameof(references));
            var model = new RougeText(reference, vocabulary);
            unigram.Add(NGramHits(model.Unigrams, peer.Unigrams), model.TokenCount, peer.TokenCount);
            bigram.Add(NGramHits(model.Bigrams, peer.Bigrams), model.BigramCount, peer.BigramCount);

            // The peer's unigram budget is renewed for every reference, as in ROUGE's computeLCSScore.
            peerUnigrams.Clear();
            foreach (var (token, count) in peer.Unigrams)
            {
                peerUnigrams[token] = count;
            }

            lcs.Add(UnionLcsHits(model, peer, peerUnigrams), model.TokenCount, peer.TokenCount);
        }

        return new RougeScores(unigram.ToScore(), bigram.ToScore(), lcs.ToScore());
    }

    /// <summary>Clipped n-gram matches: each reference n-gram counts at most as often as the candidate has it.</summary>
    internal static int NGramHits<TGram>(Dictionary<TGram, int> model, Dictionary<TGram, int> peer)
        where TGram : notnull
    {
        var hits = 0;
        foreach (var (gram, count) in model)
        {
            if (peer.TryGetValue(gram, out var peerCount))
            {
                hits += Math.Min(count, peerCount);
            }
        }

        return hits;
    }

    /// <summary>
    /// Summary-level LCS: for each reference sentence, the union of its LCS positions with every candidate sentence;
    /// a hit is counted only while both the reference's and the candidate's unigram budgets for that token last.
    /// </summary>
    internal static int UnionLcsHits(RougeText model, RougeText peer, Dictionary<int, int> peerUnigrams)
    {
        var modelUnigrams = new Dictionary<int, int>(model.Unigrams);
        var hits = 0;
        int[]? table = null;
        foreach (var sentence in model.Sentences)
        {
            if (sentence.Length == 0)
            {
                continue;
            }

            var mask = new bool[sentence.Length];
            foreach (var peerSentence in peer.Sentences)
            {
                MarkLcs(sentence, peerSentence, mask, ref table);
            }

            for (var i = 0; i < sentence.Length; i++)
            {
                var token = sentence[i];
                if (mask[i]
                    && modelUnigrams.TryGetValue(token, out var m) && m > 0
                    && peerUnigrams.TryGetValue(token, out var p) && p > 0)
                {
                    hits++;
                    modelUnigrams[token] = m - 1;
                    peerUnigrams[token] = p - 1;
                }
            }
        }

        return hits;
    }

    /// <summary>
    /// Marks the reference positions on one LCS of <paramref name="model"/> and <paramref name="peer"/>, choosing
    /// among equal-length subsequences exactly as ROUGE's <c>lcs_inner</c>/<c>markLCS</c> do (ties go "up").
    /// </summary>
    internal static void MarkLcs(int[] model, int[] peer, bool[] mask, ref int[]? table)
    {
        var m = model.Length;
        var n = peer.Length;
        if (m == 0 || n == 0)
        {
            return;
        }

        var width = n + 1;
        var size = (m + 1) * width;
        if (table is null || table.Length < size)
        {
            table = new int[Math.Max(size, 1024)];
        }

        Array.Clear(table, 0, size);

        // Lengths only; the direction taken at each cell is recomputed on the way back, which gives the same path.
        for (var i = 1; i <= m; i++)
        {
            var row = i * width;
            var up = row - width;
            for (var j = 1; j <= n; j++)
            {
                if (model[i - 1] == peer[j - 1])
                {
                    table[row + j] = table[up + j - 1] + 1;
                }
                else if (table[up + j] >= table[row + j - 1])
                {
                    table[row + j] = table[up + j];
                }
                else
                {
                    table[row + j] = table[row + j - 1];
                }
            }
        }

        var a = m;
        var b = n;
        while (a != 0 && b != 0)
        {
            if (model[a - 1] == peer[b - 1])
            {
                a--;
                b--;
                mask[a] = true;
            }
            else if (table[((a - 1) * width) + b] >= table[(a * width) + b - 1])
            {
                a--;
            }
            else
            {
                b--;
            }
        }
    }

    /// <summary>Matches and unit counts summed over references.</summary>
    private struct Tally
    {
        private long _hits;
        private long _modelCount;
        private long _peerCount;

        public void Add(int hits, int modelCount, int peerCount)
        {
            _hits += hits;
            _modelCount += modelCount;
            _peerCount += peerCount;
        }

        public readonly RougeScore ToScore()
        {
            var recall = _modelCount != 0 ? PerlNumerics.Round5((double)_hits / _modelCount) : 0;
            var precision = _peerCount != 0 ? PerlNumerics.Round5((double)_hits / _peerCount) : 0;
            var denominator = (0.5 * precision) + (0.5 * recall);
            var f = denominator > 0 ? PerlNumerics.Round5(precision * recall / denominator) : 0;
            return new RougeScore(recall, precision, f);
        }
    }
}

/// <summary>
/// A summary as ROUGE sees it: token ids per sentence plus unigram and bigram counts over the whole text. Ids come
/// from a vocabulary shared by the texts compared in one call, so equal tokens have equal ids.
/// </summary>
internal sealed class RougeText
{
    public RougeText(string text, Dictionary<string, int> vocabulary)
    {
        var sentences = RougeTokenizer.Sentences(text);
        Sentences = new int[sentences.Count][];
        Unigrams = [];
        Bigrams = [];

        // N-grams run across sentence boundaries: ROUGE joins the lines before counting.
        var previous = -1;
        for (var s = 0; s < sentences.Count; s++)
        {
            var tokens = sentences[s];
            var ids = new int[tokens.Length];
            for (var t = 0; t < tokens.Length; t++)
            {
                if (!vocabulary.TryGetValue(tokens[t], out var id))
                {
                    id = vocabulary.Count;
                    vocabulary.Add(tokens[t], id);
                }

                ids[t] = id;
                TokenCount++;
                Unigrams[id] = Unigrams.GetValueOrDefault(id) + 1;
                if (previous >= 0)
                {
                    var gram = ((long)previous << 32) | (uint)id;
                    Bigrams[gram] = Bigrams.GetValueOrDefault(gram) + 1;
                    BigramCount++;
                }

                previous = id;
            }

            Sentences[s] = ids;
        }
    }

    public int[][] Sentences { get; }

    public Dictionary<int, int> Unigrams { get; }

    public Dictionary<long, int> Bigrams { get; }

    public int TokenCount { get; }

    public int BigramCount { get; }
}
