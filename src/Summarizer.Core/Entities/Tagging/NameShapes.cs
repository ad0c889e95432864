namespace Summarizer.Entities.Tagging;

/// <summary>
/// Guesses from its letters alone what kind of word a token is: part of a person's name, a place, an organisation or
/// a common word. A character-trigram naive Bayes model over the name lists ("Zelensky", "Stoltenberg" and "Guterres"
/// look like names even when no list has them); the tagger weighs the guess like any other feature.
/// </summary>
internal sealed class NameShapes
{
    internal const int Classes = 4;

    /// <summary>The value for tokens that are not words.</summary>
    internal const int None = Classes * 3;

    private readonly Dictionary<long, int> _trigrams = [];
    private readonly List<float> _logProbabilities = [];
    private readonly float[] _unseen = new float[Classes];
    private List<int[]> _counts = [];
    private long[] _totals = new long[Classes];

    private NameShapes()
    {
    }

    /// <summary>
    /// Learns from the listed single words of the gazetteer (person-name parts, places, organisations) and from common
    /// lower-case words.
    /// </summary>
    internal static NameShapes Build(Gazetteer gazetteer, IEnumerable<string> commonWords)
    {
        var shapes = new NameShapes();
        var counts = new List<int[]>();
        var totals = new long[Classes];
        foreach (var (word, mask) in gazetteer.Entries)
        {
            if ((mask & Gazetteer.ListedBit) == 0)
            {
                continue;
            }

            if ((mask & (Gazetteer.FirstNameBit | Gazetteer.LastNameBit)) != 0)
            {
                shapes.Count(word, 0, counts, totals);
            }

            if ((mask & (1 << Gazetteer.LabelIndex("LOC"))) != 0)
            {
                shapes.Count(word, 1, counts, totals);
            }

            if ((mask & (1 << Gazetteer.LabelIndex("ORG"))) != 0)
            {
                shapes.Count(word, 2, counts, totals);
            }
        }

        foreach (var word in commonWords)
        {
            shapes.Count(word, 3, counts, totals);
        }

        shapes.Estimate(counts, totals);
        return shapes;
    }

    /// <summary>
    /// Writes the trigram counts (sorted, so the bytes repeat); <see cref="Read"/> turns them back into the model much
    /// faster than learning it again. Counts rather than logarithms keep the file the same on every platform.
    /// </summary>
    internal void Write(BinaryWriter writer)
    {
        foreach (var t in _totals)
        {
            writer.Write(t);
        }

        writer.Write(_trigrams.Count);
        foreach (var (key, row) in _trigrams.OrderBy(t => t.Key))
        {
            writer.Write(key);
            foreach (var n in _counts[row])
            {
                writer.Write(n);
            }
        }
    }

    /// <summary>Reads counts written by <see cref="Write"/>.</summary>
    internal static NameShapes Read(BinaryReader reader)
    {
        var shapes = new NameShapes();
        var totals = new long[Classes];
        for (var c = 0; c < Classes; c++)
        {
            totals[c] = reader.ReadInt64();
        }

        var count = reader.ReadInt32();
        if (count < 0)
        {
            throw new InvalidDataException("Named-entity model file is corrupt (name shapes).");
        }

        var counts = new List<int[]>(count);
        shapes._trigrams.EnsureCapacity(count);
        for (var row = 0; row < count; row++)
        {
            shapes._trigrams[reader.ReadInt64()] = row;
            var n = new int[Classes];
            for (var c = 0; c < Classes; c++)
            {
                n[c] = reader.ReadInt32();
            }

            counts.Add(n);
        }

        shapes.Estimate(counts, totals);
        return shapes;
    }

    // Add-one smoothing over the trigrams seen in any class.
    private void Estimate(List<int[]> counts, long[] totals)
    {
        _counts = counts;
        _totals = totals;
        var vocabulary = counts.Count + 1;
        for (var c = 0; c < Classes; c++)
        {
            _unseen[c] = MathF.Log(1f / (totals[c] + vocabulary));
        }

        _logProbabilities.Capacity = counts.Count * Classes;
        foreach (var row in counts)
        {
            for (var c = 0; c < Classes; c++)
            {
                _logProbabilities.Add(MathF.Log((row[c] + 1f) / (totals[c] + vocabulary)));
            }
        }
    }

    /// <summary>Best class times three plus a confidence step (0 to 2), or <see cref="None"/>.</summary>
    internal int Classify(string lowerWord)
    {
        if (lowerWord.Length < 2 || !char.IsLetter(lowerWord[0]))
        {
            return None;
        }

        Span<float> scores = stackalloc float[Classes];
        var n = lowerWord.Length + 2;
        for (var i = 0; i + 3 <= n; i++)
        {
            var key = Key(At(lowerWord, i), At(lowerWord, i + 1), At(lowerWord, i + 2));
            if (_trigrams.TryGetValue(key, out var row))
            {
                for (var c = 0; c < Classes; c++)
                {
                    scores[c] += _logProbabilities[(row * Classes) + c];
                }
            }
            else
            {
                for (var c = 0; c < Classes; c++)
                {
                    scores[c] += _unseen[c];
                }
            }
        }

        var best = 0;
        for (var c = 1; c < Classes; c++)
        {
            best = scores[c] > scores[best] ? c : best;
        }

        var second = float.NegativeInfinity;
        for (var c = 0; c < Classes; c++)
        {
            second = c != best && scores[c] > second ? scores[c] : second;
        }

        var margin = scores[best] - second;
        return (best * 3) + (margin < 2 ? 0 : margin < 6 ? 1 : 2);
    }

    private void Count(string word, int cls, List<int[]> counts, long[] totals)
    {
        if (word.Length < 2 || word.Contains(' ', StringComparison.Ordinal))
        {
            return;
        }

        var n = word.Length + 2;
        for (var i = 0; i + 3 <= n; i++)
        {
            var key = Key(At(word, i), At(word, i + 1), At(word, i + 2));
            if (!_trigrams.TryGetValue(key, out var row))
            {
                row = counts.Count;
                _trigrams[key] = row;
                counts.Add(new int[Classes]);
            }

            counts[row][cls]++;
            totals[cls]++;
        }
    }

    // The word with a boundary mark at each end.
    private static char At(string word, int i) => i == 0 || i == word.Length + 1 ? '\u0001' : word[i - 1];

    private static long Key(char a, char b, char c) => ((long)a << 32) | ((long)b << 16) | c;
}
