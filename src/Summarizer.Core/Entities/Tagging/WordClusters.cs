using System.Globalization;

namespace Summarizer.Entities.Tagging;

/// <summary>
/// Word classes at up to three granularities (cluster ids of lower-cased words), so that a word the training data never
/// labelled still shares weights with words that mean something similar.
/// </summary>
internal sealed class WordClusters
{
    internal const int Levels = 3;
    internal const int MaxClusters = 1023;

    // Packed per word: level k's cluster + 1 in bits 10k..10k+9; 0 means "no cluster".
    // A plain dictionary: it builds several times faster than a frozen one, which matters for the model's load time.
    private readonly Dictionary<string, int> _packed;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _spans;

    internal WordClusters(IDictionary<string, int> packed)
    {
        _packed = new Dictionary<string, int>(packed, StringComparer.Ordinal);
        _spans = _packed.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    internal static WordClusters Empty { get; } = new(new Dictionary<string, int>());

    internal IReadOnlyDictionary<string, int> Packed => _packed;

    internal int Lookup(ReadOnlySpan<char> lowerWord) => _spans.TryGetValue(lowerWord, out var packed) ? packed : 0;

    /// <summary>Cluster of level <paramref name="level"/> plus one, or 0, from a packed value.</summary>
    internal static int Level(int packed, int level) => (packed >> (10 * level)) & 0x3FF;

    /// <summary>Reads <c>word&lt;TAB&gt;c1&lt;TAB&gt;c2&lt;TAB&gt;c3</c> lines (ids 0 to 1022, coarse to fine).</summary>
    /// <exception cref="FormatException">A line is malformed; the message names the line.</exception>
    internal static WordClusters Read(TextReader reader, string source)
    {
        var packed = new Dictionary<string, int>(StringComparer.Ordinal);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length is < 2 or > Levels + 1 || fields[0].Length == 0)
            {
                throw new FormatException($"{source}:{number}: expected 'word<TAB>cluster' with up to {Levels} cluster ids.");
            }

            var value = 0;
            for (var k = 1; k < fields.Length; k++)
            {
                if (!int.TryParse(fields[k], NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id >= MaxClusters)
                {
                    throw new FormatException($"{source}:{number}: cluster id '{fields[k]}' is not a number from 0 to {MaxClusters - 1}.");
                }

                value |= (id + 1) << (10 * (k - 1));
            }

            packed[fields[0].ToLowerInvariant()] = value;
        }

        return new WordClusters(packed);
    }
}
