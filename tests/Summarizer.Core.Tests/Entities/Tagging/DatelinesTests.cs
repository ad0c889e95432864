using Summarizer.Entities.Tagging;
using Summarizer.Entities.Training;

namespace Summarizer.Core.Tests.Entities.Tagging;

public class DatelinesTests
{
    private static readonly Gazetteer Places = CreatePlaces();

    [Theory]
    [InlineData("BEIJING 1996-08-30", 1)]
    [InlineData("NEW YORK ( Reuters ) - Stocks rose .", 2)]
    [InlineData("PARIS , March 3 - The talks ended .", 1)]
    public void Apply_CapitalisedPlaceOpeningADateline_IsALocation(string sentence, int words)
    {
        var spans = Apply(sentence);

        Assert.Equal([new TokenSpan(0, words, "LOC")], spans);
    }

    [Theory]
    [InlineData("BEIJING IS CALM .")]
    [InlineData("ACME 1996-08-30")]
    [InlineData("Beijing 1996-08-30")]
    public void Apply_NoDateline_AddsNothing(string sentence)
    {
        Assert.Empty(Apply(sentence));
    }

    private static List<TokenSpan> Apply(string sentence)
    {
        List<TokenSpan>[] spans = [[]];
        Datelines.Apply([sentence.Split(' ')], spans, Places);
        return spans[0];
    }

    private static Gazetteer CreatePlaces()
    {
        var gazetteer = new Gazetteer();
        gazetteer.AddList(new StringReader("LOC\tbeijing\nLOC\tnew york\nLOC\tparis\n"), "test");
        return gazetteer;
    }
}
