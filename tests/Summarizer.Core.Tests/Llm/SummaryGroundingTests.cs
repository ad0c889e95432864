using Summarizer.Llm;

namespace Summarizer.Core.Tests.Llm;

public sealed class SummaryGroundingTests
{
    private static readonly Summarizer.Analysis.Document Source = LlmTestContext.Analyze(
        "The council approved a new budget on Monday. It raises spending on schools by 4 percent. "
        + "Critics said the plan ignores road repairs. The mayor will sign the budget next week.");

    [Fact]
    public void Ground_Paraphrase_PointsToTheSourceSentence()
    {
        var grounding = SummaryGrounding.Ground(Source, "Critics say road repairs are ignored by the plan.");

        var sentence = Assert.Single(grounding);
        Assert.Equal(2, sentence.Sources[0].Index);
        Assert.False(sentence.Unsupported);
        Assert.InRange(sentence.Score, 0.2, 1.0);
    }

    [Fact]
    public void Ground_InventedSentence_IsUnsupported()
    {
        var grounding = SummaryGrounding.Ground(Source, "Astronauts discovered penguins on Jupiter.");

        Assert.True(Assert.Single(grounding).Unsupported);
    }

    [Fact]
    public void Ground_Bullets_OneEntryPerBulletWithBestSourcesFirst()
    {
        var grounding = SummaryGrounding.Ground(Source, "- The council approved a budget\n- School spending rises by 4 percent\n- The mayor signs next week");

        Assert.Equal(3, grounding.Count);
        Assert.Equal([0, 1, 3], grounding.Select(g => g.Sources[0].Index));
        Assert.DoesNotContain(grounding, g => g.Text.StartsWith('-'));
        Assert.All(grounding, g => Assert.Equal(g.Sources.OrderByDescending(s => s.Score).Select(s => s.Index), g.Sources.Select(s => s.Index)));
    }

    [Fact]
    public void Ground_EmptySummary_IsEmpty() => Assert.Empty(SummaryGrounding.Ground(Source, "  "));

    [Fact]
    public void Ground_SeveralDocuments_SupportNamesTheDocumentItComesFrom()
    {
        var other = LlmTestContext.Analyze("Road crews began filling potholes on Tuesday. The work will take three weeks.");

        var grounding = SummaryGrounding.Ground([Source, other], "The council approved a budget. Crews are filling potholes for three weeks.");

        Assert.Equal(2, grounding.Count);
        Assert.Equal((0, 0), (grounding[0].Sources[0].Document, grounding[0].Sources[0].Index));
        Assert.Equal(1, grounding[1].Sources[0].Document);
        Assert.Equal("Road crews began filling potholes on Tuesday.", grounding[1].Sources[0].Text);
    }

    [Fact]
    public void Ground_OneDocumentInAList_SameAsGroundingItAlone()
    {
        const string summary = "The council approved a budget that raises school spending.";

        Assert.Equal(SummaryGrounding.Ground(Source, summary), SummaryGrounding.Ground([Source], summary), new GroundedComparer());
    }

    private sealed class GroundedComparer : IEqualityComparer<GroundedSentence>
    {
        public bool Equals(GroundedSentence? x, GroundedSentence? y) => x!.Text == y!.Text && x.Sources.SequenceEqual(y.Sources);

        public int GetHashCode(GroundedSentence obj) => obj.Text.GetHashCode(StringComparison.Ordinal);
    }
}
