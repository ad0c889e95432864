using Summarizer.Summarization;

namespace Summarizer.Core.Tests.Summarization;

public class LuhnSummarizerTests
{
    private static readonly string[] Flood =
    [
        "The flood destroyed the old bridge near the river.",
        "Engineers said the river flood had weakened the bridge for years.",
        "A bakery on Main Street opened its doors.",
        "The mayor promised a new bridge over the river.",
        "Residents were told to stay away from the river bridge until the flood waters drop.",
        "Some children played football in the park.",
    ];

    [Fact]
    public void SignificantTerms_FrequentTerms_AreSignificantAndRareOnesAreNot()
    {
        var document = TestDocuments.FromSentences(Flood);

        var significant = new LuhnSummarizer(new LuhnOptions { MaxSentenceShare = 1 }).SignificantTerms(document);

        Assert.Contains("river", significant);
        Assert.Contains("bridg", significant);
        Assert.DoesNotContain("bakeri", significant);
    }

    [Fact]
    public void SignificantTerms_TermInMostSentences_IsTooCommon()
    {
        var document = TestDocuments.FromSentences(Flood);

        var significant = new LuhnSummarizer(new LuhnOptions { MaxSentenceShare = 0.5 }).SignificantTerms(document);

        // "river" and "bridge" are in 4 of 6 sentences; "flood" in 3 of 6.
        Assert.DoesNotContain("river", significant);
        Assert.Contains("flood", significant);
    }

    [Fact]
    public void RateSentences_SentencesWithoutSignificantWords_ScoreZero()
    {
        var document = TestDocuments.FromSentences(Flood);

        var scores = new LuhnSummarizer(new LuhnOptions { MaxSentenceShare = 1 }).RateSentences(document);

        Assert.Equal(0, scores[2]);
        Assert.Equal(0, scores[5]);
        Assert.True(scores[4] > 0 && scores[1] > 0);
    }

    [Fact]
    public void RateSentences_DenseCluster_BeatsScatteredWords()
    {
        var document = TestDocuments.FromSentences(
            "Storm surge storm surge hit.",
            "Storm warnings were issued yesterday for the coast, and much later in the evening there came a surge.",
            "Storm surge flooded streets.");

        var scores = new LuhnSummarizer(new LuhnOptions { MaxSentenceShare = 1 }).RateSentences(document);

        Assert.True(scores[0] > scores[1], $"dense {scores[0]} <= scattered {scores[1]}");
    }

    [Fact]
    public void RateSentences_MaxGapZero_SplitsClusters()
    {
        var document = TestDocuments.FromSentences("Storm and surge.", "Storm surge.", "Storm surge warning.");
        var wide = new LuhnSummarizer(new LuhnOptions { MaxSentenceShare = 1, MaxGap = 4 }).RateSentences(document);

        var narrow = new LuhnSummarizer(new LuhnOptions { MaxSentenceShare = 1, MaxGap = 0 }).RateSentences(document);

        // "Storm and surge": one cluster of 2 over 3 words with a gap allowed, two clusters of 1 without.
        Assert.Equal(4.0 / 3, wide[0], 9);
        Assert.Equal(1.0, narrow[0], 9);
    }
}
