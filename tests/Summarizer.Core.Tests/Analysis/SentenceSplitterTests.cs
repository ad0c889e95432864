using Summarizer.Analysis;
using Summarizer.Core.Tests.TestSupport;

namespace Summarizer.Core.Tests.Analysis;

public class SentenceSplitterTests
{
    [Fact]
    public void Split_SeedArticle_FindsFifteenSentences()
    {
        var text = Seeds.Read("geneva-talks.txt");

        var sentences = SentenceSplitter.SplitToStrings(text);

        Assert.Equal(15, sentences.Count);
        Assert.StartsWith("GENEVA: Washington", sentences[0]);
        Assert.Equal("Moscow has massed tens of thousands of troops on the Ukrainian border, but denies it plans to invade the country", sentences[4]);
        Assert.Equal("“I cannot say whether or not we are on the right track.", sentences[10]);
        Assert.Equal("We will know when we get an answer.”", sentences[11]);
    }

    [Theory]
    [InlineData("Mr. Smith met Dr. Jones at 10 a.m. on Jan. 5. They talked.", 2)]
    [InlineData("The U.S. military said it was ready. The U.N. agreed.", 2)]
    [InlineData("He moved to the U.S. The move was hard.", 2)]
    [InlineData("John F. Kennedy was shot in 1963. The nation mourned.", 2)]
    [InlineData("Prices rose 3.5 percent. Wages fell.", 2)]
    [InlineData("He lives at No. 10 Downing Street. It is old.", 2)]
    [InlineData("“Why?” he asked. Nobody knew.", 2)]
    [InlineData("She said: “It is over.” Then she left.", 2)]
    [InlineData("It was fine (mostly.) Then it rained.", 2)]
    [InlineData("Wait... What happened? Nothing!", 3)]
    [InlineData("Apple Inc. said sales rose. Shares jumped.", 2)]
    [InlineData("ST. LOUIS, Mo. (AP) — The river rose. Homes flooded.", 2)]
    [InlineData("Visit example.com for more. Thanks.", 2)]
    public void Split_NewsPatterns_FindsExpectedCount(string text, int expected)
    {
        var sentences = SentenceSplitter.SplitToStrings(text);

        Assert.Equal(expected, sentences.Count);
    }

    [Fact]
    public void Split_HeadlineLineWithoutPeriod_IsItsOwnSentence()
    {
        var text = "Storm hits coast\nThe storm arrived on Monday. Power failed.";

        var sentences = SentenceSplitter.SplitToStrings(text);

        Assert.Equal(["Storm hits coast", "The storm arrived on Monday.", "Power failed."], sentences);
    }

    [Fact]
    public void Split_PreTokenizedLowerCase_SplitsAtStandaloneMarks()
    {
        var text = "washington ( cnn ) obama says he is `` committed '' to the u.s. deal . his comments came on sunday . "
            + "`` we will stand by them , '' obama said . or at least he hopes it wo n't be .";

        var sentences = SentenceSplitter.SplitToStrings(text);

        Assert.Equal(
            [
                "washington ( cnn ) obama says he is `` committed '' to the u.s. deal .",
                "his comments came on sunday .",
                "`` we will stand by them , '' obama said .",
                "or at least he hopes it wo n't be .",
            ],
            sentences);
    }

    [Fact]
    public void Split_HardWrappedParagraph_JoinsLines()
    {
        var text = "The committee met on Tuesday to discuss the budget and the new\nproposals for the coming year. It adjourned.";

        var sentences = SentenceSplitter.SplitToStrings(text);

        Assert.Equal(2, sentences.Count);
    }

    [Fact]
    public void Split_Offsets_IndexTheOriginalText()
    {
        var text = "  First one.  Second one!\n\nThird one?";

        var spans = SentenceSplitter.Split(text);

        Assert.Equal(["First one.", "Second one!", "Third one?"], spans.Select(s => text[s.Start..s.End]));
        Assert.Equal(0, spans[0].Paragraph);
        Assert.Equal(1, spans[2].Paragraph);
    }

    [Fact]
    public void Split_Blank_ReturnsEmpty()
    {
        Assert.Empty(SentenceSplitter.Split("  \n\t "));
    }
}
