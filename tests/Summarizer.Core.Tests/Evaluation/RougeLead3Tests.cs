using System.Globalization;
using System.Text.Json;
using Summarizer.Core.Tests.TestSupport;
using Summarizer.Evaluation;
using Xunit.Abstractions;

namespace Summarizer.Core.Tests.Evaluation;

/// <summary>1,000 CNN/DailyMail dev documents (Lead-3 vs highlights) scored by ROUGE-1.5.5, compared per document.</summary>
public sealed class RougeLead3Tests(ITestOutputHelper output)
{
    private const string Data = "rouge/lead3-dev-rouge155.jsonl";

    [SharedDataFact(Data)]
    public void Score_Lead3Dev_AgreesWithRouge155PerDocumentAndOnAverage()
    {
        var expected = new List<double[]>();
        var actual = new List<double[]>();
        foreach (var line in File.ReadLines(Path.Combine(Seeds.SharedData!, Data)))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var scores = Rouge.Score(root.GetProperty("summary").GetString()!, root.GetProperty("reference").GetString()!);
            expected.Add([.. Values(root, "rouge1_rpf"), .. Values(root, "rouge2_rpf"), .. Values(root, "rougeL_rpf")]);
            actual.Add(Flatten(scores));
        }

        Assert.Equal(1000, actual.Count);

        var within = 0;
        var maxDiff = 0.0;
        var sumDiff = 0.0;
        var exact = 0;
        for (var d = 0; d < actual.Count; d++)
        {
            var docMax = 0.0;
            for (var k = 0; k < 9; k++)
            {
                var diff = Math.Abs(actual[d][k] - expected[d][k]) * 100;
                docMax = Math.Max(docMax, diff);
                sumDiff += diff;
            }

            maxDiff = Math.Max(maxDiff, docMax);
            within += docMax <= 0.5 ? 1 : 0;
            exact += docMax < 1e-9 ? 1 : 0;
        }

        var meanAbs = sumDiff / (actual.Count * 9);
        var averageGap = Enumerable.Range(0, 9)
            .Select(k => Math.Abs(actual.Average(a => a[k]) - expected.Average(e => e[k])) * 100)
            .Max();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"documents {actual.Count}; exact {exact}; within 0.5 pt {100.0 * within / actual.Count:0.0}%; mean |diff| {meanAbs:0.00000} pt; max |diff| {maxDiff:0.00000} pt; max average gap {averageGap:0.00000} pt"));

        Assert.True(averageGap <= 0.05, $"An average differs from ROUGE-1.5.5 by {averageGap:0.000} points.");
        Assert.True(within >= actual.Count * 0.99, $"Only {within} of {actual.Count} documents are within 0.5 points.");
    }

    [SharedDataFact(Data)]
    public void Aggregate_Lead3Dev_MatchesRouge155AveragesAndIntervals()
    {
        var scores = new List<RougeScores>();
        foreach (var line in File.ReadLines(Path.Combine(Seeds.SharedData!, Data)).Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            using var json = JsonDocument.Parse(line);
            scores.Add(Rouge.Score(json.RootElement.GetProperty("summary").GetString()!, json.RootElement.GetProperty("reference").GetString()!));
        }

        var aggregate = CorpusRouge.Aggregate(scores);

        // ROUGE-1.5.5's own output for these documents, in file order (see the header of the file).
        var expected = Path.Combine(
            Directory.GetParent(Seeds.Root)!.FullName, "tests", "Summarizer.Core.Tests", "Evaluation", "Data", "lead3-dev-rouge155-averages.txt");
        Assert.Equal(9, RougeOutput.AssertAveragesMatch(expected, aggregate));
        var printed = File.ReadLines(expected).Where(l => !l.StartsWith('#')).Select(l => l + "\n");
        Assert.Equal(string.Concat(printed), Rouge155Report.Format(aggregate));
    }

    private static IEnumerable<double> Values(JsonElement root, string name) =>
        root.GetProperty(name).EnumerateArray().Select(v => v.GetDouble());

    private static double[] Flatten(RougeScores s) =>
        [s.Rouge1.Recall, s.Rouge1.Precision, s.Rouge1.F, s.Rouge2.Recall, s.Rouge2.Precision, s.Rouge2.F, s.RougeL.Recall, s.RougeL.Precision, s.RougeL.F];
}
