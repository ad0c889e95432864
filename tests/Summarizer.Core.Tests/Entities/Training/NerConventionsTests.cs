using Summarizer.Entities.Training;

namespace Summarizer.Core.Tests.Entities.Training;

public class NerConventionsTests
{
    private static readonly HashSet<string> Nationalities = ["german", "americans", "korean"];

    private static IReadOnlyList<TokenSpan> Apply(string tokens, params TokenSpan[] spans)
    {
        var words = tokens.Split(' ');
        var sentence = new ConllSentence(words, ConllCorpus.Tags(spans, words.Length));
        return ConllCorpus.Spans(NerConventions.Apply(sentence, Nationalities).Tags);
    }

    [Fact]
    public void Apply_TitleInsidePersonName_MovesOut()
    {
        Assert.Equal([new TokenSpan(1, 2, "PER")], Apply("President Obama spoke", new TokenSpan(0, 2, "PER")));
        Assert.Equal([new TokenSpan(3, 5, "PER")], Apply("said Prime Minister Theresa May", new TokenSpan(1, 5, "PER")));
        Assert.Equal([new TokenSpan(2, 4, "PER")], Apply("Dr. Sir Henry Cecil", new TokenSpan(0, 4, "PER")));
    }

    [Fact]
    public void Apply_PersonNamedLikeATitle_Stays()
    {
        Assert.Equal([new TokenSpan(0, 1, "PER")], Apply("King said", new TokenSpan(0, 1, "PER")));
    }

    [Fact]
    public void Apply_LowerCaseArticle_LeavesTheName()
    {
        Assert.Equal([new TokenSpan(2, 4, "LOC")], Apply("in the United States", new TokenSpan(1, 4, "LOC")));
        Assert.Equal([new TokenSpan(0, 2, "LOC")], Apply("The Hague", new TokenSpan(0, 2, "LOC")));
    }

    [Fact]
    public void Apply_Demonym_BecomesMisc()
    {
        Assert.Equal([new TokenSpan(1, 2, "MISC"), new TokenSpan(4, 5, "MISC")],
            Apply("a German racer and Americans", new TokenSpan(1, 2, "LOC"), new TokenSpan(4, 5, "LOC")));
        Assert.Equal([new TokenSpan(1, 3, "MISC")], Apply("the South Korean government", new TokenSpan(1, 3, "LOC")));
        Assert.Equal([new TokenSpan(0, 2, "LOC")], Apply("German Town", new TokenSpan(0, 2, "LOC")));
    }

    [Fact]
    public void Apply_YearBeforeMiscName_MovesOut()
    {
        Assert.Equal([new TokenSpan(2, 4, "MISC")], Apply("the 2014 Commonwealth Games", new TokenSpan(1, 4, "MISC")));
    }

    [Fact]
    public void Apply_LowerCaseMiscInCasedText_IsDropped()
    {
        Assert.Empty(Apply("A communist party", new TokenSpan(1, 2, "MISC")));
        Assert.Equal([new TokenSpan(0, 1, "MISC")], Apply("iphone leaks", new TokenSpan(0, 1, "MISC")));
    }

    [Fact]
    public void Apply_OtherFields_AreKept()
    {
        var sentence = new ConllSentence(["Paris"], ["B-LOC"]) { DocumentIndex = 4, Weight = 0.5 };

        var applied = NerConventions.Apply(sentence, Nationalities);

        Assert.Equal(4, applied.DocumentIndex);
        Assert.Equal(0.5, applied.Weight);
    }
}
