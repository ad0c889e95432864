using System.Globalization;
using Summarizer.Core.Tests.TestSupport;
using Summarizer.Evaluation;

namespace Summarizer.Core.Tests.Evaluation;

/// <summary>The toy example scored by ROUGE-1.5.5 with <c>-c 95 -r 1000 -n 2 -m -a -d</c>, compared digit for digit.</summary>
public sealed class RougeToyTests
{
    private const string Toy = "rouge/toy";

    private static string ExpectedPath => Path.Combine(Seeds.SharedData!, Toy, "expected_default_opts.txt");

    [SharedDataFact(Toy)]
    public void Score_ToyDocuments_MatchRouge155PerDocumentOutput()
    {
        var expected = RougeOutput.PerDocument(ExpectedPath);
        var scores = ScoreToy();

        foreach (var (metric, evalId, r, p, f) in expected)
        {
            var doc = scores[int.Parse(evalId.Split('.')[0], CultureInfo.InvariantCulture)];
            var actual = RougeOutput.Pick(doc, metric);
            Assert.Equal(r, RougeOutput.Format(actual.Recall));
            Assert.Equal(p, RougeOutput.Format(actual.Precision));
            Assert.Equal(f, RougeOutput.Format(actual.F));
        }

        Assert.Equal(6, expected.Count);
    }

    [SharedDataFact(Toy)]
    public void Aggregate_ToyDocuments_MatchRouge155AveragesAndIntervals()
    {
        var aggregate = CorpusRouge.Aggregate(ScoreToy());

        Assert.Equal(9, RougeOutput.AssertAveragesMatch(ExpectedPath, aggregate));
        Assert.Equal(2, aggregate.Documents);
    }

    [SharedDataFact(Toy)]
    public void Format_ToyDocuments_PrintsRouge155OutputWithPerDocumentLines()
    {
        var scores = ScoreToy();

        var printed = Rouge155Report.Format(CorpusRouge.Aggregate(scores), scores);

        // The expected file also has a summary block after ROUGE's own lines; compare ROUGE's part.
        var rougeLines = File.ReadLines(ExpectedPath).Where(l => l.StartsWith("---", StringComparison.Ordinal)
            || l.StartsWith("...", StringComparison.Ordinal) || l.StartsWith("1 ROUGE", StringComparison.Ordinal));
        Assert.Equal(string.Concat(rougeLines.Select(l => l + "\n")), printed);
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
}
