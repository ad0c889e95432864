using Summarizer.Evaluation;

namespace Summarizer.Core.Tests.Evaluation;

public sealed class RougeTests
{
    [Fact]
    public void Score_UnionLcsExampleFromLin2004_CountsUnionOfSentenceLcs()
    {
        // Reference w1..w5; candidate sentences share w1 w2 and w1 w3 w5 with it: the union is 4 of 5 words.
        var scores = Rouge.Score("w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5", "w1 w2 w3 w4 w5");

        Assert.Equal(0.8, scores.RougeL.Recall);
        Assert.Equal(0.4, scores.RougeL.Precision);
        Assert.Equal(0.53333, scores.RougeL.F);
    }

    [Fact]
    public void Score_LcsHitsBeyondCandidateWordCounts_AreClipped()
    {
        // Both reference sentences match the candidate's single "x"; only one of them may count it.
        var scores = Rouge.Score("x y z", "x y\nx z");

        Assert.Equal(0.75, scores.RougeL.Recall);
        Assert.Equal(1.0, scores.RougeL.Precision);
    }

    [Fact]
    public void Score_SentenceOrderInCandidate_DoesNotMatterForSummaryLevelLcs()
    {
        var forward = Rouge.Score("b1 b2 b3\na1 a2 a3", "a1 a2 a3\nb1 b2 b3");

        Assert.Equal(1.0, forward.RougeL.Recall);
        Assert.Equal(1.0, forward.RougeL.Precision);
        Assert.True(forward.Rouge2.Recall < 1.0);
    }

    [Fact]
    public void Score_BigramsAcrossLineBreaks_AreCounted()
    {
        var scores = Rouge.Score("aa bb\ncc dd", "bb cc");

        Assert.Equal(1.0, scores.Rouge2.Recall);
        Assert.Equal(0.33333, scores.Rouge2.Precision);
    }

    [Fact]
    public void Score_RepeatedCandidateWords_AreClippedToReferenceCounts()
    {
        var scores = Rouge.Score("the the the the", "the cat");

        Assert.Equal(0.5, scores.Rouge1.Recall);
        Assert.Equal(0.25, scores.Rouge1.Precision);
    }

    [Fact]
    public void Score_SeveralReferences_SumsMatchesAndCountsOverReferences()
    {
        var scores = Rouge.Score("xx yy", ["xx yy", "zz ww qq"]);

        Assert.Equal(0.4, scores.Rouge1.Recall);
        Assert.Equal(0.5, scores.Rouge1.Precision);
        Assert.Equal(0.44444, scores.Rouge1.F);
    }

    [Fact]
    public void Score_StemmedForms_Match()
    {
        var scores = Rouge.Score("The children were running.", "A child runs.");

        // child/children via the exception map, run/running/runs via Porter.
        Assert.Equal(2.0 / 3, scores.Rouge1.Recall, 5);
    }

    [Fact]
    public void Score_Values_AreRoundedToFiveDecimalsWithFFromRoundedValues()
    {
        var scores = Rouge.Score("aa bb cc", "aa dd ee ff gg hh");

        Assert.Equal(0.16667, scores.Rouge1.Recall);
        Assert.Equal(0.33333, scores.Rouge1.Precision);
        Assert.Equal(0.22222, scores.Rouge1.F);
    }

    [Fact]
    public void Score_EmptyCandidate_ScoresZero()
    {
        Assert.Equal(RougeScores.Zero, Rouge.Score("", "some reference text"));
    }

    [Fact]
    public void Score_NoReferences_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => Rouge.Score("text", Array.Empty<string>()));
        Assert.Equal("references", error.ParamName);
    }
}
