using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;
using Summarizer.Entities.Training;

namespace Summarizer.Entities.Tagging;

/// <summary>
/// A first-order sequence tagger over BIO labels: hashed feature weights per label plus label-transition weights,
/// decoded with Viterbi under BIO constraints. Stored as a deflated binary file with int16-quantised weights.
/// </summary>
internal sealed class NerModel
{
    internal static readonly string[] Labels = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"];
    internal const int L = 9;
    private const string Magic = "SUMNER3";

    // A freshly trained model: one dense row of weights per hash bucket.
    private readonly float[]? _weights;
    private readonly float[] _transitions;

    // A loaded model: the int16 weights as stored (half the memory of floats, so fewer cache misses while tagging),
    // their scale, and bucket -> row in _quantised, -1 for an unused bucket.
    private readonly short[]? _quantised;
    private readonly float _scale;
    private readonly int[]? _rows;

    internal NerModel(NerFeatures features, int hashBits, float[] weights, float[] transitions)
    {
        Features = features;
        HashBits = hashBits;
        _weights = weights;
        _transitions = transitions;
    }

    private NerModel(NerFeatures features, int hashBits, short[] quantised, float scale, float[] transitions, int[] rows)
    {
        Features = features;
        HashBits = hashBits;
        _quantised = quantised;
        _scale = scale;
        _transitions = transitions;
        _rows = rows;
    }

    internal NerFeatures Features { get; }

    internal int HashBits { get; }

    /// <summary>(L + 1) x L: row L is the sentence start.</summary>
    internal float[] Transitions => _transitions;

    internal static int LabelOf(string tag) => Array.IndexOf(Labels, tag) is var i and >= 0 ? i : 0;

    // (L + 1) x L: may label "to" follow label "from" (row L = sentence start)? I-X only continues B-X or I-X.
    private static readonly bool[] AllowedTable = BuildAllowed(touching: true);

    // At run time also: a person, organisation or place never runs straight into a name of another of those types:
    // "Lee Harbour Bridge" is one name, not a person and a bridge. (MISC may: "Kenyan Daniel Kiptoo".) Training
    // decodes without this, since some training sets break it (tweets: "@OECD @jacobgreber").
    private static readonly bool[] RunTimeTable = BuildAllowed(touching: false);

    /// <summary>
    /// True when label <paramref name="to"/> may follow <paramref name="from"/> (L = sentence start); at
    /// <paramref name="runTime"/> names of different types may not touch either.
    /// </summary>
    internal static bool Allowed(int from, int to, bool runTime = false) => (runTime ? RunTimeTable : AllowedTable)[from * L + to];

    private static bool[] BuildAllowed(bool touching)
    {
        var table = new bool[(L + 1) * L];
        for (var from = 0; from <= L; from++)
        {
            for (var to = 0; to < L; to++)
            {
                var sameType = from != L && from != 0 && to != 0 && Labels[from][2..] == Labels[to][2..];
                var touchingOtherName = from != L && from != 0 && !sameType && Labels[to][0] == 'B'
                    && Labels[from][2..] != "MISC" && Labels[to][2..] != "MISC";
                table[from * L + to] = to == 0 || (Labels[to][0] == 'B' && (touching || !touchingOtherName)) || sameType;
            }
        }

        return table;
    }

    /// <summary>Best label sequence for the tokens.</summary>
    internal int[] Tag(IReadOnlyList<string> tokens)
    {
        var n = tokens.Count;
        if (n == 0)
        {
            return [];
        }

        var features = new int[n * NerFeatures.MaxPerToken];
        var counts = new int[n];
        Features.Extract(tokens, features, counts);
        if (_weights is not null)
        {
            return Decode(features, counts, n, _weights, _transitions, runTime: true, tokens);
        }

        // Sum the int16 weights and scale once per label.
        var scores = new float[n * L];
        Span<int> sums = stackalloc int[L];
        for (var i = 0; i < n; i++)
        {
            sums.Clear();
            var row = i * NerFeatures.MaxPerToken;
            for (var f = 0; f < counts[i]; f++)
            {
                var r = _rows![features[row + f]];
                if (r < 0)
                {
                    continue;
                }

                var w = _quantised.AsSpan(r * L, L);
                for (var y = 0; y < L; y++)
                {
                    sums[y] += w[y];
                }
            }

            for (var y = 0; y < L; y++)
            {
                scores[i * L + y] = sums[y] / _scale;
            }
        }

        return Viterbi(scores, n, _transitions, runTime: true, tokens);
    }

    /// <summary>
    /// Best label sequence for dense weights under the BIO constraints; at <paramref name="runTime"/> also under the
    /// constraints that names of different types do not touch and that no name begins where
    /// <see cref="NerFeatures.NameStarts"/> says none may. Training decodes without them, as some training sets break them.
    /// </summary>
    internal static int[] Decode(int[] features, int[] counts, int n, float[] weights, float[] transitions, bool runTime,
        IReadOnlyList<string>? tokens = null)
    {
        var scores = new float[n * L];
        for (var i = 0; i < n; i++)
        {
            var row = i * NerFeatures.MaxPerToken;
            var s = scores.AsSpan(i * L, L);
            for (var f = 0; f < counts[i]; f++)
            {
                var w = weights.AsSpan(features[row + f] * L, L);
                for (var y = 0; y < L; y++)
                {
                    s[y] += w[y];
                }
            }
        }

        return Viterbi(scores, n, transitions, runTime, tokens);
    }

    private static int[] Viterbi(float[] scores, int n, float[] transitions, bool runTime, IReadOnlyList<string>? tokens)
    {
        var mayBegin = runTime && tokens is not null ? NerFeatures.NameStarts(tokens) : null;
        var best = new float[n * L];
        var back = new int[n * L];
        if (mayBegin is not null)
        {
            for (var i = 0; i < n; i++)
            {
                if (!mayBegin[i])
                {
                    for (var y = 1; y < L; y += 2)
                    {
                        scores[i * L + y] = float.NegativeInfinity;
                    }
                }
            }
        }

        for (var y = 0; y < L; y++)
        {
            best[y] = Allowed(L, y, runTime) ? scores[y] + transitions[L * L + y] : float.NegativeInfinity;
        }

        for (var i = 1; i < n; i++)
        {
            for (var y = 0; y < L; y++)
            {
                var top = float.NegativeInfinity;
                var arg = 0;
                for (var p = 0; p < L; p++)
                {
                    if (!Allowed(p, y, runTime))
                    {
                        continue;
                    }

                    var v = best[(i - 1) * L + p] + transitions[p * L + y];
                    if (v > top)
                    {
                        top = v;
                        arg = p;
                    }
                }

                best[i * L + y] = top + scores[i * L + y];
                back[i * L + y] = arg;
            }
        }

        var labels = new int[n];
        var last = 0;
        for (var y = 1; y < L; y++)
        {
            if (best[(n - 1) * L + y] > best[(n - 1) * L + last])
            {
                last = y;
            }
        }

        labels[n - 1] = last;
        for (var i = n - 1; i > 0; i--)
        {
            labels[i - 1] = back[i * L + labels[i]];
        }

        return labels;
    }

    /// <summary>Entity spans (short labels) predicted for a token sequence.</summary>
    internal IReadOnlyList<TokenSpan> Spans(IReadOnlyList<string> tokens) =>
        ConllCorpus.Spans(Tag(tokens).Select(y => Labels[y]).ToArray());

    internal void Save(Stream stream)
    {
        if (_weights is not { } weights)
        {
            throw new InvalidOperationException("Only a freshly trained model can be saved.");
        }

        using var deflate = new DeflateStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(deflate, Encoding.UTF8);
        writer.Write(Magic);
        writer.Write(HashBits);
        writer.Write(L);
        foreach (var t in _transitions)
        {
            writer.Write(t);
        }

        var max = weights.Length == 0 ? 1f : weights.Max(Math.Abs);
        var scale = max > 0 ? 32767f / max : 1f;
        writer.Write(scale);
        var rows = weights.Length / L;
        var previous = -1;
        var nonZero = 0;
        for (var r = 0; r < rows; r++)
        {
            nonZero += RowUsed(weights, r, scale) ? 1 : 0;
        }

        // Row numbers first, then all weights as one block, which loads in one read.
        writer.Write(nonZero);
        for (var r = 0; r < rows; r++)
        {
            if (RowUsed(weights, r, scale))
            {
                writer.Write7BitEncodedInt(r - previous);
                previous = r;
            }
        }

        for (var r = 0; r < rows; r++)
        {
            if (!RowUsed(weights, r, scale))
            {
                continue;
            }

            for (var y = 0; y < L; y++)
            {
                writer.Write((short)MathF.Round(weights[r * L + y] * scale));
            }
        }

        var entries = Features.Gazetteer.Entries;
        writer.Write(entries.Count);
        foreach (var (phrase, mask) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            writer.Write(phrase);
            writer.Write(mask);
        }

        writer.Write(Features.LowerWords.Count);
        foreach (var word in Features.LowerWords.Order(StringComparer.Ordinal))
        {
            writer.Write(word);
        }

        var clusters = Features.Clusters.Packed;
        writer.Write(clusters.Count);
        foreach (var (word, packed) in clusters.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            writer.Write(word);
            writer.Write(packed);
        }

        Features.Shapes.Write(writer);
    }

    internal static NerModel Load(Stream stream)
    {
        // Inflating the whole file first and reading from memory loads several times faster than reading through the
        // deflate stream value by value.
        using var inflated = new MemoryStream();
        using (var deflate = new DeflateStream(stream, CompressionMode.Decompress, leaveOpen: true))
        {
            deflate.CopyTo(inflated);
        }

        inflated.Position = 0;
        using var reader = new BinaryReader(inflated, Encoding.UTF8);
        if (reader.ReadString() != Magic)
        {
            throw new InvalidDataException("Not a named-entity model file (bad header).");
        }

        var bits = reader.ReadInt32();
        if (reader.ReadInt32() != L || bits is < 10 or > 26)
        {
            throw new InvalidDataException("Named-entity model file has an unsupported layout.");
        }

        var transitions = new float[(L + 1) * L];
        for (var i = 0; i < transitions.Length; i++)
        {
            transitions[i] = reader.ReadSingle();
        }

        var scale = reader.ReadSingle();
        var used = reader.ReadInt32();
        if (used < 0 || used > 1 << bits)
        {
            throw new InvalidDataException("Named-entity model file is corrupt (row count).");
        }

        var rows = new int[1 << bits];
        Array.Fill(rows, -1);
        var bucket = -1;
        for (var k = 0; k < used; k++)
        {
            bucket += reader.Read7BitEncodedInt();
            if ((uint)bucket >= (uint)rows.Length)
            {
                throw new InvalidDataException("Named-entity model file is corrupt (row number).");
            }

            rows[bucket] = k;
        }

        var quantised = new short[used * L];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(quantised.AsSpan()));
        if (!BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.ReverseEndianness(quantised, quantised);
        }


        var count = reader.ReadInt32();
        var entries = new Dictionary<string, ushort>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var phrase = reader.ReadString();
            entries[phrase] = reader.ReadUInt16();
        }

        var words = new string[reader.ReadInt32()];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = reader.ReadString();
        }

        var clusterCount = reader.ReadInt32();
        var clusters = new Dictionary<string, int>(clusterCount, StringComparer.Ordinal);
        for (var i = 0; i < clusterCount; i++)
        {
            var word = reader.ReadString();
            clusters[word] = reader.ReadInt32();
        }

        var shapes = NameShapes.Read(reader);
        var features = new NerFeatures(new Gazetteer(entries), new HashSet<string>(words, StringComparer.Ordinal), new WordClusters(clusters), bits, shapes);
        return new NerModel(features, bits, quantised, scale, transitions, rows);
    }

    private static bool RowUsed(float[] weights, int r, float scale)
    {
        for (var y = 0; y < L; y++)
        {
            if (MathF.Round(weights[r * L + y] * scale) != 0)
            {
                return true;
            }
        }

        return false;
    }
}
