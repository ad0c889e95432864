using Summarizer.Core.Tests.TestSupport;
using Summarizer.Ingestion;

namespace Summarizer.Core.Tests.Ingestion;

public class ArticleTextParserTests
{
    [Fact]
    public void FromString_GenevaSeed_FirstLineIsDatelineNotTitle()
    {
        var article = ArticleLoader.FromString(Seeds.Read("geneva-talks.txt"));

        Assert.Null(article.Title);
        Assert.Equal("GENEVA", article.Place);
        Assert.StartsWith("Washington and Moscow’s top diplomats agreed on Friday", article.Body);
        Assert.Contains("\nAs fears grow", article.Body);
    }

    [Fact]
    public void FromString_TitleLineThenDateline_SplitsTitlePlaceAndBody()
    {
        var article = ArticleLoader.FromString("Ministers agree fishing quotas\n\nBRUSSELS: Ministers agreed on Monday. Talks ran late.");

        Assert.Equal("Ministers agree fishing quotas", article.Title);
        Assert.Equal("BRUSSELS", article.Place);
        Assert.Equal("Ministers agreed on Monday. Talks ran late.", article.Body);
        Assert.Equal(ArticleId.ForText(article.Body), article.Id);
    }

    [Fact]
    public void FromString_TitleBylineAndDateLines_FillsMetadata()
    {
        var article = ArticleLoader.FromString("Port strike ends\nBy Ana Lopes\n3 June 2026\n\nThe strike ended on Tuesday.");

        Assert.Equal("Port strike ends", article.Title);
        Assert.Equal("Ana Lopes", article.Byline);
        Assert.Equal(new DateTimeOffset(2026, 6, 3, 0, 0, 0, TimeSpan.Zero), article.Date);
        Assert.Equal("The strike ended on Tuesday.", article.Body);
    }

    [Theory]
    [InlineData("The committee met on Monday.\nIt agreed a budget.")]
    [InlineData("Prices rose sharply in the capital as\nshoppers stocked up before the holiday.")]
    [InlineData("A single short line")]
    [InlineData("\"We will not back down,\"\nthe minister said.")]
    public void FromString_FirstLineIsNotAHeadline_HasNoTitle(string text)
    {
        var article = ArticleLoader.FromString(text);

        Assert.Null(article.Title);
        Assert.Equal(text.Trim(), article.Body);
    }

    [Theory]
    [InlineData("NEW YORK — Stocks fell on Friday.", "NEW YORK", "Stocks fell on Friday.")]
    [InlineData("LONDON, England (CNN) -- The Queen spoke.", "LONDON", "The Queen spoke.")]
    [InlineData("SÃO PAULO (Reuters) - Coffee prices rose.", "SÃO PAULO", "Coffee prices rose.")]
    [InlineData("MONTRÉAL – Snow fell overnight.", "MONTRÉAL", "Snow fell overnight.")]
    public void FromString_Datelines_MoveToPlace(string text, string place, string body)
    {
        var article = ArticleLoader.FromString(text);

        Assert.Equal(place, article.Place);
        Assert.Equal(body, article.Body);
    }

    [Theory]
    [InlineData("US Secretary of State Antony Blinken said: the talks went well.")]
    [InlineData("Nato allies met in Brussels: no deal was reached.")]
    [InlineData("I - for one - disagree.")]
    public void FromString_NoDateline_KeepsTextWhole(string text)
    {
        var article = ArticleLoader.FromString(text);

        Assert.Null(article.Place);
        Assert.Equal(text, article.Body);
    }

    [Fact]
    public void FromString_GivenTitle_DoesNotTakeFirstLineAsTitle()
    {
        var article = ArticleLoader.FromString("Short line\n\nBody text here.", title: "Given", source: "notes");

        Assert.Equal("Given", article.Title);
        Assert.Equal("notes", article.Source);
        Assert.StartsWith("Short line", article.Body);
    }

    [Fact]
    public void FromString_WindowsLineEnds_FindsTitleAndKeepsTextAsGiven()
    {
        const string text = "Floods hit valley\r\n\r\nRain fell.\r\nRivers rose.";

        var article = ArticleLoader.FromString(text);

        Assert.Equal("Floods hit valley", article.Title);
        Assert.Equal(text, article.Text);
        Assert.Equal("Rain fell.\r\nRivers rose.", article.Body);
    }

    [Theory]
    [InlineData("Ministers agree fishing quotas\n\nBRUSSELS: Ministers agreed on Monday. Talks ran late.")]
    [InlineData("Port strike ends\r\nBy Ana Lopes\r\n3 June 2026\r\n\r\nLISBON — The strike ended on Tuesday. Dockers went back.")]
    [InlineData("\uFEFFCRICKET - LEICESTERSHIRE TAKE OVER AT TOP AFTER INNINGS VICTORY .\nLONDON 1996-08-30\nWest Indian all-rounder Phil Simmons took four for 38 on Friday.")]
    [InlineData("  \n\nGENEVA: Talks went on. Both sides spoke.  \n\n")]
    public void FromString_TitleAndDateline_BodyIsASliceOfTheTextAsGiven(string text)
    {
        var article = ArticleLoader.FromString(text);

        Assert.Equal(text, article.Text);
        Assert.Equal(text[article.BodyStart..article.BodyEnd], article.Body);
        Assert.False(char.IsWhiteSpace(article.Body[0]));
        Assert.False(char.IsWhiteSpace(article.Body[^1]));
        Assert.Equal(ArticleId.ForText(article.Body), article.Id);
    }

    [Fact]
    public void FromString_OnlyWhitespace_Throws()
    {
        Assert.Throws<ArgumentException>(() => ArticleLoader.FromString("  \n\t\n"));
    }
}
