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

    /// <summary>
    /// Parses one length: <c>3</c> or <c>3s</c> (sentences), <c>20%</c> or <c>0.2</c> (a ratio; a bare number is a
    /// ratio only below 1), or <c>100w</c> (words).
    /// </summary>
    /// <exception cref="UserInputException">The text is none of those.</exception>
    public static SummaryLength Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        if (t.EndsWith('%'))
        {
            return Ratio(ParseRatio(t) ?? throw new UserInputException(NotALength(text)));
        }

        if (t.EndsWith('w') && int.TryParse(t[..^1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var words) && words >= 1)
        {
            return Words(words);
        }

        var count = t.EndsWith('s') ? t[..^1] : t;
        if (int.TryParse(count, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 1)
        {
            return Sentences(n);
        }

        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && r is > 0 and < 1)
        {
            return Ratio(r);
        }

        throw new UserInputException(NotALength(text));
    }

    /// <summary>
    /// The length asked for by the options <c>--sentences</c>, <c>--ratio</c> and <c>--words</c> (at most one; none
    /// gives <see cref="Default"/>), read the same way by every host: <c>--ratio</c> takes a share, <c>0.2</c> or
    /// <c>20%</c>, where <c>1</c> is the whole text.
    /// </summary>
    /// <returns>The length, and every problem with the values (the length is the default when there is one).</returns>
    public static (SummaryLength Length, IReadOnlyList<string> Problems) FromOptions(string? sentences, string? ratio, string? words)
    {
        var problems = new List<string>();
        var given = (sentences is null ? 0 : 1) + (ratio is null ? 0 : 1) + (words is null ? 0 : 1);
        if (given > 1)
        {
            problems.Add("Give only one of --sentences, --ratio and --words.");
        }

        SummaryLength? length = null;
        if (sentences is not null)
        {
            length = int.TryParse(sentences.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 1
                ? Sentences(n)
                : Fail($"--sentences must be a whole number of at least 1, not '{sentences}'.");
        }

        if (ratio is not null)
        {
            length = ParseRatio(ratio) is { } r
                ? Ratio(r)
                : Fail($"--ratio must be a share of the sentences greater than 0 and at most 1, such as 0.2 or 20%, not '{ratio}'.");
        }

        if (words is not null)
        {
            length = int.TryParse(words.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var w) && w >= 1
                ? Words(w)
                : Fail($"--words must be a whole number of at least 1, not '{words}'.");
        }

        return (problems.Count == 0 ? length ?? Default : Default, problems);

        SummaryLength? Fail(string problem)
        {
            problems.Add(problem);
            return null;
        }
    }

    /// <summary>A share in (0, 1]: <c>0.2</c>, <c>1</c> or <c>20%</c>; null for anything else.</summary>
    public static double? ParseRatio(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        var percent = t.EndsWith('%');
        if (!double.TryParse(percent ? t[..^1] : t, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        if (percent)
        {
            value /= 100;
        }

        return value is > 0 and <= 1 ? value : null;
    }

    private static string NotALength(string text) =>
        $"'{text}' is not a summary length: use a sentence count (3), a ratio (20% or 0.2) or words (100w).";

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
