namespace Summarizer.Stories;

/// <summary>Options for <see cref="DuplicateDetector"/>. Every default is documented and deterministic.</summary>
public sealed record DuplicateOptions
{
    /// <summary>The defaults below.</summary>
    public static DuplicateOptions Default { get; } = new();

    /// <summary>Words per shingle: two texts are compared by the sets of their 5-word runs. Default 5.</summary>
    public int ShingleSize { get; init; } = 5;

    /// <summary>MinHash signature length: more hashes estimate the Jaccard similarity more closely. Default 120
    /// (standard error about 0.046 at a similarity of 0.5).</summary>
    public int Hashes { get; init; } = 120;

    /// <summary>
    /// LSH bands the signature is cut into; <see cref="Hashes"/> / <see cref="Bands"/> rows each. Two texts become a
    /// candidate pair when any band agrees in every row. Default 40 bands of 3 rows: a pair at similarity 0.5 is a
    /// candidate with probability 1 − (1 − 0.5³)⁴⁰ ≈ 0.995, at 0.1 with about 0.04, at 0.02 (two unrelated articles)
    /// with about 0.0003.
    /// </summary>
    public int Bands { get; init; } = 40;

    /// <summary>
    /// Lowest estimated Jaccard similarity of the shingle sets for a near copy. Default 0.5: a text re-edited from
    /// another (headline rewritten, sentences changed, a paragraph added or cut) keeps more than half of its 5-word
    /// runs, while two reports of one event by different writers share few. On BBC News every pair at 0.56 or more
    /// is such a reused text and the next pairs, different articles on one story, are at 0.31.
    /// </summary>
    public double NearThreshold { get; init; } = 0.5;

    /// <summary>Seed of the hash functions; the same seed gives the same signatures on every machine. Default 20261203.</summary>
    public ulong Seed { get; init; } = 20261203;

    /// <summary>Throws when a value is out of range, naming it.</summary>
    public void Validate()
    {
        if (ShingleSize < 1)
        {
            throw new ArgumentException($"ShingleSize must be at least 1, not {ShingleSize}.", nameof(ShingleSize));
        }

        if (Hashes < 1 || Bands < 1 || Hashes % Bands != 0)
        {
            throw new ArgumentException($"Hashes ({Hashes}) must be a positive multiple of Bands ({Bands}).", nameof(Bands));
        }

        if (!(NearThreshold is > 0 and <= 1))
        {
            throw new ArgumentException($"NearThreshold must be greater than 0 and at most 1, not {NearThreshold}.", nameof(NearThreshold));
        }
    }
}
