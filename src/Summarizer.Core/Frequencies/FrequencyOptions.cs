namespace Summarizer.Frequencies;

/// <summary>Options for <see cref="FrequencyCounter"/>.</summary>
public sealed record FrequencyOptions
{
    /// <summary>Single words, stop words removed, no stemming, top 50.</summary>
    public static FrequencyOptions Default { get; } = new();

    /// <summary>Words per term: 1 (words), 2 (bigrams) or 3 (trigrams). Default 1.</summary>
    public int N { get; init; } = 1;

    /// <summary>
    /// Leave out stop words; an n-gram containing one is left out whole (so no term spans a dropped word). Default true.
    /// </summary>
    public bool RemoveStopWords { get; init; } = true;

    /// <summary>
    /// Count by Snowball stem, showing each stem as its most frequent surface form (<c>talks</c>, <c>talked</c>, <c>talk</c>
    /// count together). Default false.
    /// </summary>
    public bool Stem { get; init; }

    /// <summary>Count numbers (<c>2022</c>, <c>3.5</c>) as terms. Default false.</summary>
    public bool IncludeNumbers { get; init; }

    /// <summary>Drop terms seen fewer times than this (per group). Default 1.</summary>
    public int MinCount { get; init; } = 1;

    /// <summary>Keep the most frequent terms only, per group; 0 keeps all. Default 50.</summary>
    public int Top { get; init; } = 50;

    /// <summary>
    /// Count each text once: articles that repeat another, exactly or as a re-edited copy
    /// (<see cref="Stories.DuplicateDetector"/>), are left out and reported in <see cref="FrequencyTable.SkippedDuplicates"/>.
    /// Default false: every document given is counted. The notebook's <c>#!word-freq</c> turns it on.
    /// </summary>
    public bool SkipDuplicates { get; init; }

    /// <summary>Throws when a value is out of range, naming it.</summary>
    public void Validate()
    {
        if (N is < 1 or > 3)
        {
            throw new ArgumentException($"N must be 1, 2 or 3, not {N}.", nameof(N));
        }

        if (MinCount < 1)
        {
            throw new ArgumentException($"MinCount must be at least 1, not {MinCount}.", nameof(MinCount));
        }

        if (Top < 0)
        {
            throw new ArgumentException($"Top must be 0 (all) or more, not {Top}.", nameof(Top));
        }
    }
}
