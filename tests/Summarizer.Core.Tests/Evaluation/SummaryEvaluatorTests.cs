using Summarizer.Evaluation;

namespace Summarizer.Core.Tests.Evaluation;

public sealed class SummaryEvaluatorTests
{
    [Fact]
    public void Evaluate_ValidItems_AggregatesPerDocumentScores()
    {
        EvaluationItem[] items =
        [
            new("a", "the cat sat on the mat", ["the cat sat on the mat"]),
            new("b", "dogs bark", ["the cat sat on the mat"]),
        ];

        var report = new SummaryEvaluator().Evaluate("lead", items);

        Assert.Equal("lead", report.Method);
        Assert.Equal(2, report.Aggregate.Documents);
        Assert.Equal(["a", "b"], report.Documents.Select(d => d.Id));
        Assert.Equal(1.0, report.Documents[0].Scores.Rouge1.F);
        Assert.Equal(0.0, report.Documents[1].Scores.Rouge1.F);
        Assert.Equal(0.5, report.Aggregate.Mean.Rouge1.F, 12);
        Assert.Empty(report.Problems);
    }

    [Fact]
    public void Evaluate_BadItem_IsReportedAndOthersAreStillScored()
    {
        EvaluationItem[] items =
        [
            new("ok", "a cat", ["a cat"]),
            new("no-refs", "a cat", []),
            new("null-candidate", null!, ["a cat"]),
        ];

        var report = new SummaryEvaluator().Evaluate("m", items);

        Assert.Equal(1, report.Aggregate.Documents);
        Assert.Equal(["no-refs", "null-candidate"], report.Problems.Select(p => p.Id));
    }

    [Fact]
    public void Evaluate_KeepDocumentsOff_ReturnsOnlyTheAggregate()
    {
        var report = new SummaryEvaluator(new SummaryEvaluatorOptions(KeepDocuments: false))
            .Evaluate("m", [new EvaluationItem("x", "a cat", ["a cat"])]);

        Assert.Empty(report.Documents);
        Assert.Equal(1, report.Aggregate.Documents);
    }

    [Fact]
    public void JoinJsonl_CandidatesAndReferences_JoinedByIdWithProblemsForTheRest()
    {
        var dir = Directory.CreateTempSubdirectory("rouge-join-");
        try
        {
            var candidates = Path.Combine(dir.FullName, "candidates.jsonl");
            var references = Path.Combine(dir.FullName, "references.jsonl");
            File.WriteAllLines(candidates,
            [
                """{"id": "1", "summary": "one\ntwo"}""",
                """{"id": "2", "summary": ["three", "four"]}""",
                """{"id": "3", "summary": "orphan"}""",
                """not json""",
            ]);
            File.WriteAllLines(references,
            [
                """{"id": "1", "highlights": "one\nfive"}""",
                """{"id": "2", "references": ["three", "four five"]}""",
            ]);
            var problems = new List<EvaluationProblem>();

            var items = EvaluationItems.JoinJsonl(candidates, references, problems);

            Assert.Equal(["1", "2"], items.Select(i => i.Id));
            Assert.Equal("three\nfour", items[1].Candidate);
            Assert.Equal(2, items[1].References.Count);
            Assert.Equal(["3", "#4"], problems.Select(p => p.Id));
            Assert.Contains("candidates.jsonl:4", problems[1].Message, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void JoinJsonl_MissingFile_ThrowsNamingIt()
    {
        var error = Assert.Throws<FileNotFoundException>(() => EvaluationItems.JoinJsonl("/nonexistent/c.jsonl", "/nonexistent/r.jsonl", []));
        Assert.Contains("/nonexistent/", error.Message, StringComparison.Ordinal);
    }
}
