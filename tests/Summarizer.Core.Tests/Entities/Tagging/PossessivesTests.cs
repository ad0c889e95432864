using Summarizer.Entities.Tagging;
using Summarizer.Entities.Training;

namespace Summarizer.Core.Tests.Entities.Tagging;

public class PossessivesTests
{
    private static readonly Gazetteer Names = CreateNames();

    private static Gazetteer CreateNames()
    {
        var gazetteer = new Gazetteer();
        gazetteer.AddList(new StringReader("LOC\tmoscow\nPER\tqueen\n"), "names.tsv");
        return gazetteer;
    }

    private static List<TokenSpan> Apply(string sentence, params TokenSpan[] spans)
    {
        var list = spans.ToList();
        Possessives.Apply([sentence.Split(' ')], [list], Names);
        return list;
    }

    [Fact]
    public void Apply_KnownNameBeforeAPossessive_EndsThere()
    {
        Assert.Equal([new TokenSpan(1, 2, "LOC"), new TokenSpan(3, 4, "LOC")], Apply("in Moscow ’s Kremlin", new TokenSpan(1, 4, "LOC")));
    }

    [Fact]
    public void Apply_NameHoldingAPossessive_StaysWhole()
    {
        Assert.Equal([new TokenSpan(0, 4, "ORG")], Apply("Boatmen 's Bancshares Inc. rose", new TokenSpan(0, 4, "ORG")));
        Assert.Equal([new TokenSpan(0, 2, "LOC")], Apply("Lord 's ground", new TokenSpan(0, 2, "LOC")));
    }

    [Fact]
    public void Apply_FirstPartKnownWithAnotherType_StaysWhole()
    {
        Assert.Equal([new TokenSpan(0, 3, "ORG")], Apply("Queen 's Park won", new TokenSpan(0, 3, "ORG")));
    }
}
