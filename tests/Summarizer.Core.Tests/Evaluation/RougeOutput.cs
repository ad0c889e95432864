using System.Globalization;
using System.Text.RegularExpressions;
using Summarizer.Evaluation;

namespace Summarizer.Core.Tests.Evaluation;

/// <summary>Reads ROUGE-1.5.5's printed output so tests can compare against it digit for digit.</summary>
internal static partial class RougeOutput
{
    public static List<(string Metric, string EvalId, string R, string P, string F)> PerDocument(string path) =>
        [.. File.ReadLines(path).Select(l => EvalLine().Match(l)).Where(m => m.Success)
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value, m.Groups[4].Value, m.Groups[5].Value))];

    public static List<(string Metric, string Measure, string Average, string Lower, string Upper)> Averages(string path) =>
        [.. File.ReadLines(path).Select(l => AverageLine().Match(l)).Where(m => m.Success)
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value, m.Groups[4].Value, m.Groups[5].Value))];

    public static RougeScore Pick(RougeScores scores, string metric) => metric switch
    {
        "ROUGE-1" => scores.Rouge1,
        "ROUGE-2" => scores.Rouge2,
        "ROUGE-L" => scores.RougeL,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown metric in ROUGE output."),
    };

    public static double Measure(RougeScore score, string measure) => measure switch
    {
        "R" => score.Recall,
        "P" => score.Precision,
        "F" => score.F,
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, "Unknown measure in ROUGE output."),
    };

    /// <summary>A value as ROUGE prints it (<c>%7.5f</c>).</summary>
    public static string Format(double value) => value.ToString("0.00000", CultureInfo.InvariantCulture);

    /// <summary>Asserts that an aggregate prints exactly as ROUGE-1.5.5's Average lines; returns how many lines were checked.</summary>
    public static int AssertAveragesMatch(string path, RougeAggregate aggregate)
    {
        var expected = Averages(path);
        foreach (var (metric, measure, avg, low, high) in expected)
        {
            Assert.Equal(avg, Format(Measure(Pick(aggregate.Average, metric), measure)));
            Assert.Equal(low, Format(Measure(Pick(aggregate.Lower, metric), measure)));
            Assert.Equal(high, Format(Measure(Pick(aggregate.Upper, metric), measure)));
        }

        return expected.Count;
    }

    [GeneratedRegex(@"^\S+ (ROUGE-\w) Eval (\S+) R:([\d.]+) P:([\d.]+) F:([\d.]+)$")]
    private static partial Regex EvalLine();

    [GeneratedRegex(@"^\S+ (ROUGE-\w) Average_([RPF]): ([\d.]+) \(95%-conf\.int\. ([\d.]+) - ([\d.]+)\)$")]
    private static partial Regex AverageLine();
}
