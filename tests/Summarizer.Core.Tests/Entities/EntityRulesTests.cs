using Summarizer.Entities;

namespace Summarizer.Core.Tests.Entities;

public class EntityRulesTests
{
    [Theory]
    [InlineData("The talks resume on January 5, 2024 in Geneva.", "January 5, 2024")]
    [InlineData("He was born on 12th of March 1961.", "12th of March 1961")]
    [InlineData("The deal closed on 2021-06-30, officials said.", "2021-06-30")]
    [InlineData("Voting ends next week, the board said.", "next week")]
    [InlineData("They met on Friday to discuss it.", "Friday")]
    [InlineData("Growth stalled in the 1990s and recovered.", "1990s")]
    [InlineData("the results came out in april.", "april")]
    public void Find_DateExpressions_ReturnsDate(string text, string expected) =>
        AssertSingle(text, EntityTypes.Date, expected);

    [Theory]
    [InlineData("Shares rose to $4.5 billion on the news.", "$4.5 billion")]
    [InlineData("The club paid £30m for him.", "£30m")]
    [InlineData("It cost 200 million euros to build.", "200 million euros")]
    [InlineData("Aid of US$ 1,200 was promised.", "US$ 1,200")]
    public void Find_MoneyExpressions_ReturnsMoney(string text, string expected) =>
        AssertSingle(text, EntityTypes.Money, expected);

    [Theory]
    [InlineData("Inflation rose 3.5% in May.", "3.5%")]
    [InlineData("Turnout was 62 per cent, up from last time.", "62 per cent")]
    [InlineData("Rates fell by 0.25 percentage points.", "0.25 percentage points")]
    public void Find_PercentExpressions_ReturnsPercent(string text, string expected) =>
        AssertSingle(text, EntityTypes.Percent, expected);

    [Theory]
    [InlineData("The storm dropped rain over 300 km of coast.", "300 km")]
    [InlineData("Output reached 1.2 million barrels a day.", "1.2 million barrels")]
    [InlineData("The parcel weighed 15 kg when it arrived.", "15 kg")]
    public void Find_QuantityExpressions_ReturnsQuantity(string text, string expected) =>
        AssertSingle(text, EntityTypes.Quantity, expected);

    [Theory]
    [InlineData("The meeting starts at 10:30 am sharp.", "10:30 am")]
    [InlineData("Polls close at 8 p.m. local time.", "8 p.m.")]
    public void Find_TimeExpressions_ReturnsTime(string text, string expected) =>
        AssertSingle(text, EntityTypes.Time, expected);

    [Fact]
    public void Find_PoundsSterlingAmount_IsMoneyNotQuantity()
    {
        var found = EntityRules.Find("He owed 500 pounds to the bank.", includeNumbers: false);

        var mention = Assert.Single(found);
        Assert.Equal(EntityTypes.Money, mention.Type);
    }

    [Fact]
    public void Find_ModalMay_IsNotADate()
    {
        var found = EntityRules.Find("Officials may decide later whether to march.", includeNumbers: false);

        Assert.Empty(found);
    }

    [Fact]
    public void Find_NumbersOnRequest_ReturnsBareNumbers()
    {
        const string text = "Police arrested 14 people and 2,300 joined the march.";

        var without = EntityRules.Find(text, includeNumbers: false);
        var with = EntityRules.Find(text, includeNumbers: true);

        Assert.DoesNotContain(without, m => m.Type == EntityTypes.Number);
        Assert.Contains(with, m => m.Type == EntityTypes.Number && m.Text == "2,300");
    }

    private static void AssertSingle(string text, string type, string expected)
    {
        var found = EntityRules.Find(text, includeNumbers: false).Where(m => m.Type == type).ToList();

        var mention = Assert.Single(found);
        Assert.Equal(expected, mention.Text);
        Assert.Equal(expected, text[mention.Start..mention.End]);
    }
}
