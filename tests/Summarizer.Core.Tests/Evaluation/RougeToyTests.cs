using System.Globalization;
using System.Text.RegularExpressions;
using Summarizer.Core.Tests.TestSupport;
using Summarizer.Evaluation;

namespace Summarizer.Core.Tests.Evaluation;

/// <summary>The toy example scored by ROUGE-1.5.5 with <c>-c 95 -r 1000 -n 2 -m -a -d</c>, compared digit for digit.</summary>
public sealed partial class RougeToyTests
{
    private const string Toy = "rouge/toy";

    [SharedDataFact(Toy)]
    public void Score_ToyDocuments_MatchRouge155PerDocumentOutput()
    {
        var expected = ParseExpected();
        var scores = ScoreToy();

        foreach (var (metric, evalId, r, p, f) in expected.PerDocument)
        {
            var doc = scores[int.Parse(evalId.Split('.')[0], CultureInfo.InvariantCulture)];
            var actual = Pick(doc, metric);
            Assert.Equal(r, Format(actual.Recall));
            Assert.Equal(p, Format(actual.Precision));
            Assert.Equal(f, Format(actual.F));
        }

        Assert.Equal(6, expected.PerDocument.Count);
    }

    [SharedDataFact(Toy)]
    public void Aggregate_ToyDocuments_MatchRouge155AveragesAndIntervals()
    {
        var expected = ParseExpected();
        var aggregate = CorpusRouge.Aggregate(ScoreToy());

        foreach (var (metric, measure, avg, low, high) in expected.Averages)
        {
            Assert.Equal(avg, Format(Measure(Pick(aggregate.Average, metric), measure)));
            Assert.Equal(low, Format(Measure(Pick(aggregate.Lower, metric), measure)));
            Assert.Equal(high, Format(Measure(Pick(aggregate.Upper, metric), measure)));
        }

        Assert.Equal(9, expected.Averages.Count);
        Assert.Equal(2, aggregate.Documents);
    }

    private static List<RougeScores> ScoreToy()
    {
        var root = Path.Combine(Seeds.SharedData!, Toy);
        string Read(string name) => File.ReadAllText(Path.Combine(root, name));
        return
        [
            Rouge.Score(Read("sys/d1.txt"), [Read("ref/d1.A.txt"), Read("ref/d1.B.txt")]),
            Rouge.Score(Read("sys/d2.txt"), Read("ref/d2.txt")),
        ];
    }

    private static RougeScore Pick(RougeScores scores, string metric) => metric switch
    {
        "ROUGE-1" => scores.Rouge1,
        "ROUGE-2" => scores.Rouge2,
        "ROUGE-L" => scores.RougeL,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown metric in the expected output."),
    };

    private static double Measure(RougeScore score, string measure) => measure switch
    {
        "R" => score.Recall,
        "P" => score.Precision,
        "F" => score.F,
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, "Unknown measure in the expected output."),
    };

    private static string Format(double value) => value.ToString("0.00000", CultureInfo.InvariantCulture);

    private static Expected ParseExpected()
    {
        var expected = new Expected([], []);
        foreach (var line in File.ReadLines(Path.Combine(Seeds.SharedData!, Toy, "expected_default_opts.txt")))
        {
            if (EvalLine().Match(line) is { Success: true } e)
            {
                expected.PerDocument.Add((e.Groups[1].Value, e.Groups[2].Value, e.Groups[3].Value, e.Groups[4].Value, e.Groups[5].Value));
            }
            else if (AverageLine().Match(line) is { Success: true } a)
            {
                expected.Averages.Add((a.Groups[1].Value, a.Groups[2].Value, a.Groups[3].Value, a.Groups[4].Value, a.Groups[5].Value));
            }
        }

        return expected;
    }

    [GeneratedRegex(@"^\S+ (ROUGE-\w) Eval (\S+) R:([\d.]+) P:([\d.]+) F:([\d.]+)$")]
    private static partial Regex EvalLine();

    [GeneratedRegex(@"^\S+ (ROUGE-\w) Average_([RPF]): ([\d.]+) \(95%-conf\.int\. ([\d.]+) - ([\d.]+)\)$")]
    private static partial Regex AverageLine();

    private sealed record Expected(
        List<(string Metric, string EvalId, string R, string P, string F)> PerDocument,
        List<(string Metric, string Measure, string Average, string Lower, string Upper)> Averages);
}
