using System.Globalization;
using Summarizer.Analysis;

namespace Summarizer.Summarization;

/// <summary>How long a summary should be: a sentence count, a ratio of the document's sentences, or a word budget.</summary>
public readonly record struct SummaryLength
{
    private SummaryLength(SummaryLengthUnit unit, double value)
    {
        Unit = unit;
        Value = value;
    }

    /// <summary>The unit of <see cref="Value"/>.</summary>
    public SummaryLengthUnit Unit { get; }

    /// <summary>Sentence count, ratio in (0, 1], or word budget.</summary>
    public double Value { get; }

    /// <summary>The default length: 3 sentences.</summary>
    public static SummaryLength Default { get; } = Sentences(3);

    /// <summary>Exactly <paramref name="count"/> sentences (fewer when the document is shorter).</summary>
    public static SummaryLength Sentences(int count) => count >= 1
        ? new(SummaryLengthUnit.Sentences, count)
        : throw new ArgumentOutOfRangeException(nameof(count), count, "The sentence count must be at least 1.");

    /// <summary>A share of the document's sentences, rounded, at least one.</summary>
    public static SummaryLength Ratio(double ratio) => ratio is > 0 and <= 1
        ? new(SummaryLengthUnit.Ratio, ratio)
        : throw new ArgumentOutOfRangeException(nameof(ratio), ratio, "The ratio must be in (0, 1], e.g. 0.2 or 20%.");

    /// <summary>As many top sentences as fit in <paramref name="words"/> words (always at least one sentence).</summary>
    public static SummaryLength Words(int words) => words >= 1
        ? new(SummaryLengthUnit.Words, words)
        : throw new ArgumentOutOfRangeException(nameof(words), words, "The word budget must be at least 1.");

    /// <summary>Parses <c>3</c> (sentences), <c>20%</c> or <c>0.2</c> (ratio), or <c>100w</c> (words).</summary>
    public static SummaryLength Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        if (t.EndsWith('%') && double.TryParse(t[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var pct))
        {
            return Ratio(pct / 100);
        }

        if (t.EndsWith('w') && int.TryParse(t[..^1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var words))
        {
            return Words(words);
        }

        if (int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
        {
            return Sentences(n);
        }

        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && r is > 0 and < 1)
        {
            return Ratio(r);
        }

        throw new FormatException($"'{text}' is not a summary length: use a sentence count (3), a ratio (20% or 0.2) or words (100w).");
    }

    /// <summary>The sentence count this length means for <paramref name="document"/> (word budgets: an upper bound).</summary>
    public int SentenceCount(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var n = document.Sentences.Count;
        return Unit switch
        {
            SummaryLengthUnit.Sentences => Math.Min(n, (int)Value),
            SummaryLengthUnit.Ratio => Math.Min(n, Math.Max(1, (int)Math.Round(n * Value, MidpointRounding.AwayFromZero))),
            _ => n,
        };
    }

    /// <inheritdoc />
    public override string ToString() => Unit switch
    {
        SummaryLengthUnit.Sentences => Value.ToString(CultureInfo.InvariantCulture),
        SummaryLengthUnit.Ratio => (Value * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%",
        _ => Value.ToString(CultureInfo.InvariantCulture) + "w",
    };
}

/// <summary>Units of <see cref="SummaryLength"/>.</summary>
public enum SummaryLengthUnit
{
    /// <summary>A sentence count.</summary>
    Sentences,

    /// <summary>A share of the document's sentences.</summary>
    Ratio,

    /// <summary>A word budget.</summary>
    Words,
}
