using Summarizer.Analysis;
using Summarizer.Ingestion;

namespace Summarizer.Stories;

/// <summary>
/// Finds articles that repeat others: exact copies by a hash of the normalised text (lower-case words and numbers in
/// order, so case, punctuation and spacing do not matter), near copies by MinHash over word shingles with LSH banding
/// (Broder 1997; Indyk and Motwani 1998), so only pairs that share a band are compared and the work stays close to
/// linear in the number of articles. Deterministic: seeded hashes, ties to the earlier article. Thread-safe.
/// </summary>
public static class DuplicateDetector
{
    /// <summary>Finds the copies among <paramref name="articles"/>; each names the earliest article of its group.</summary>
    /// <remarks>
    /// The kept article of a group is the earliest by <see cref="Article.Date"/>, then by input position (articles
    /// without a date come after dated ones). Near copies are grouped transitively: when A repeats B and B repeats C,
    /// all three are one group.
    /// </remarks>
    public static DuplicateReport Find(IReadOnlyList<Article> articles, DuplicateOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(articles);
        options ??= DuplicateOptions.Default;
        options.Validate();
        var n = articles.Count;
        var fingerprints = new Fingerprint[n];
        var seeds = Seeds(options.Hashes, options.Seed);
        var multipliers = Seeds(options.Hashes, ~options.Seed).Select(m => m | 1).ToArray();
        Parallel.For(0, n, i => fingerprints[i] = Fingerprint.Of(articles[i].Text, options.ShingleSize, seeds, multipliers));

        var groups = new UnionFind(n);
        var exact = new bool[n];

        // Exact copies: the same sequence hash (two independent 64-bit hashes, so a collision is negligible).
        var firstWithText = new Dictionary<(ulong, ulong), int>();
        for (var i = 0; i < n; i++)
        {
            if (fingerprints[i].Words == 0)
            {
                continue;
            }

            if (firstWithText.TryGetValue(fingerprints[i].TextHash, out var first))
            {
                groups.Union(first, i);
                exact[i] = true;
            }
            else
            {
                firstWithText[fingerprints[i].TextHash] = i;
            }
        }

        // Near copies: LSH over the signatures of the distinct texts; candidates are checked by estimated Jaccard.
        var rows = options.Hashes / options.Bands;
        var candidates = 0L;
        var buckets = new Dictionary<(int Band, ulong Key), List<int>>();
        var seen = new HashSet<long>();
        for (var i = 0; i < n; i++)
        {
            if (exact[i] || fingerprints[i].Words == 0)
            {
                continue;
            }

            var signature = fingerprints[i].Signature;
            for (var band = 0; band < options.Bands; band++)
            {
                var key = BandKey(signature.AsSpan(band * rows, rows));
                if (!buckets.TryGetValue((band, key), out var members))
                {
                    buckets[(band, key)] = [i];
                    continue;
                }

                foreach (var j in members)
                {
                    if (!seen.Add(((long)j << 32) | (uint)i))
                    {
                        continue;
                    }

                    candidates++;
                    if (Similarity(fingerprints[i].Signature, fingerprints[j].Signature) >= options.NearThreshold)
                    {
                        groups.Union(j, i);
                    }
                }

                members.Add(i);
            }
        }

        var duplicates = new List<DuplicateMatch>();
        var keptOf = new Dictionary<int, int>();
        foreach (var group in Enumerable.Range(0, n).GroupBy(groups.Find).Where(g => g.Count() > 1))
        {
            var kept = group.OrderBy(i => articles[i].Date is null ? 1 : 0).ThenBy(i => articles[i].Date).ThenBy(i => i).First();
            foreach (var i in group)
            {
                keptOf[i] = kept;
            }
        }

        for (var i = 0; i < n; i++)
        {
            if (!keptOf.TryGetValue(i, out var kept) || kept == i)
            {
                continue;
            }

            var same = fingerprints[i].TextHash == fingerprints[kept].TextHash;
            duplicates.Add(new DuplicateMatch(i, articles[i].Id, kept, articles[kept].Id,
                same ? DuplicateKind.Exact : DuplicateKind.Near,
                same ? 1 : Math.Round(Similarity(fingerprints[i].Signature, fingerprints[kept].Signature), 4)));
        }

        return new DuplicateReport(articles, duplicates, candidates);
    }

    /// <summary>Estimated Jaccard similarity: the share of signature positions where both minima agree.</summary>
    private static double Similarity(ulong[] a, ulong[] b)
    {
        var same = 0;
        for (var k = 0; k < a.Length; k++)
        {
            if (a[k] == b[k])
            {
                same++;
            }
        }

        return (double)same / a.Length;
    }

    private static ulong BandKey(ReadOnlySpan<ulong> rows)
    {
        var key = 0x9E3779B97F4A7C15UL;
        foreach (var r in rows)
        {
            key = Mix(key ^ r);
        }

        return key;
    }

    /// <summary>The SplitMix64 finaliser: a fast, well-mixed 64-bit hash step.</summary>
    internal static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    private static ulong[] Seeds(int count, ulong seed)
    {
        var seeds = new ulong[count];
        var state = seed;
        for (var f = 0; f < seeds.Length; f++)
        {
            state += 0x9E3779B97F4A7C15UL;
            seeds[f] = Mix(state);
        }

        return seeds;
    }

    /// <summary>What is kept of one text: its word count, the hash of its normalised words and its MinHash signature.</summary>
    private readonly record struct Fingerprint(int Words, (ulong, ulong) TextHash, ulong[] Signature)
    {
        public static Fingerprint Of(string text, int shingleSize, ulong[] seeds, ulong[] multipliers)
        {
            var spans = new List<(int Start, int Length, TokenKind Kind)>(text.Length / 5);
            Tokenizer.Scan(text, 0, text.Length, spans);
            var words = new List<ulong>(spans.Count);
            ulong h1 = 14695981039346656037UL, h2 = 0x84222325CBF29CE4UL;
            foreach (var (start, length, kind) in spans)
            {
                if (kind == TokenKind.Punctuation)
                {
                    continue;
                }

                var w = WordHash(text.AsSpan(start, length));
                words.Add(w);
                h1 = (h1 ^ w) * 1099511628211UL;
                h2 = Mix(h2 + w);
            }

            var signature = new ulong[seeds.Length];
            Array.Fill(signature, ulong.MaxValue);
            if (words.Count == 0)
            {
                return new Fingerprint(0, (h1, h2), signature);
            }

            // A shingle is the mixed hash of its words in order; hash function f is a multiply-xor keyed by its own odd
            // multiplier and seed, which is enough to order already well-mixed values independently per function.
            var k = Math.Min(shingleSize, words.Count);
            for (var i = 0; i + k <= words.Count; i++)
            {
                var shingle = 0UL;
                for (var j = 0; j < k; j++)
                {
                    shingle = Mix(shingle ^ words[i + j]);
                }

                for (var f = 0; f < signature.Length; f++)
                {
                    var h = (shingle ^ seeds[f]) * multipliers[f];
                    h ^= h >> 29;
                    if (h < signature[f])
                    {
                        signature[f] = h;
                    }
                }
            }

            return new Fingerprint(words.Count, (h1, h2), signature);
        }

        // Lower-cased letters and digits only, so "U.S." and "US", "don't" and "dont" hash alike.
        private static ulong WordHash(ReadOnlySpan<char> word)
        {
            var h = 14695981039346656037UL;
            foreach (var c in word)
            {
                if (char.IsLetterOrDigit(c))
                {
                    h = (h ^ char.ToLowerInvariant(c)) * 1099511628211UL;
                }
            }

            return Mix(h);
        }
    }

    private sealed class UnionFind
    {
        private readonly int[] _parent;

        public UnionFind(int n)
        {
            _parent = new int[n];
            for (var i = 0; i < n; i++)
            {
                _parent[i] = i;
            }
        }

        public int Find(int i)
        {
            while (_parent[i] != i)
            {
                _parent[i] = _parent[_parent[i]];
                i = _parent[i];
            }

            return i;
        }

        // The smaller root wins, so groups do not depend on the order of unions.
        public void Union(int a, int b)
        {
            var ra = Find(a);
            var rb = Find(b);
            if (ra != rb)
            {
                _parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
            }
        }
    }
}
