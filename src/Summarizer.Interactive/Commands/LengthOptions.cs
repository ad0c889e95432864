using System.Globalization;
using Summarizer.Summarization;

namespace Summarizer.Interactive.Commands;

/// <summary>Summary length from <c>--sentences</c>, <c>--ratio</c> or <c>--words</c>, as the CLI reads them.</summary>
internal static class LengthOptions
{
    public static IEnumerable<string> Errors(int? sentences, string? ratio, int? words)
    {
        var given = (sentences is null ? 0 : 1) + (ratio is null ? 0 : 1) + (words is null ? 0 : 1);
        if (given > 1)
        {
            yield return "Give only one of --sentences, --ratio and --words.";
        }

        if (sentences is < 1)
        {
            yield return $"--sentences must be at least 1, not {sentences}.";
        }

        if (words is < 1)
        {
            yield return $"--words must be at least 1, not {words}.";
        }

        if (ratio is not null && ParseRatio(ratio) is null)
        {
            yield return $"--ratio must be a share in (0, 1] such as 0.2 or 20%, not '{ratio}'.";
        }
    }

    public static SummaryLength From(int? sentences, string? ratio, int? words)
    {
        if (sentences is { } s)
        {
            return SummaryLength.Sentences(s);
        }

        if (words is { } w)
        {
            return SummaryLength.Words(w);
        }

        if (ratio is not null)
        {
            return SummaryLength.Ratio(ParseRatio(ratio) ?? throw new MagicCommandException($"Bad --ratio '{ratio}'."));
        }

        return SummaryLength.Default;
    }

    private static double? ParseRatio(string text)
    {
        var t = text.Trim();
        var percent = t.EndsWith('%');
        if (!double.TryParse(percent ? t[..^1] : t, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        if (percent || value > 1)
        {
            value /= 100;
        }

        return value is > 0 and <= 1 ? value : null;
    }
}
