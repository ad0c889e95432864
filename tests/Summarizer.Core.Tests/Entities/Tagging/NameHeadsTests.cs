using Summarizer.Entities.Tagging;
using Summarizer.Entities.Training;

namespace Summarizer.Core.Tests.Entities.Tagging;

public class NameHeadsTests
{
    private static readonly Gazetteer Names = CreateNames();

    private static Gazetteer CreateNames()
    {
        var gazetteer = new Gazetteer();
        gazetteer.AddList(new StringReader("LOC\twest bank\n"), "names.tsv");
        return gazetteer;
    }

    private static List<TokenSpan> Apply(string sentence, params TokenSpan[] spans)
    {
        var list = spans.ToList();
        NameHeads.Apply([sentence.Split(' ')], [list], Names);
        return list;
    }

    [Fact]
    public void Apply_NameEndingInACompanyWord_BecomesAnOrganisation()
    {
        Assert.Equal([new TokenSpan(2, 4, "ORG")], Apply("merge with Baltic Dairy of Riga", new TokenSpan(2, 4, "LOC")));
        Assert.Equal([new TokenSpan(0, 2, "ORG")], Apply("Halvorsen Marine found damage", new TokenSpan(0, 2, "PER")));
    }

    [Fact]
    public void Apply_NameEndingInAPlaceWord_BecomesALocation()
    {
        Assert.Equal([new TokenSpan(1, 4, "LOC")], Apply("The Lee Harbour Bridge reopened", new TokenSpan(1, 4, "PER")));
    }

    [Fact]
    public void Apply_NameTheListsKnowWithItsType_Stays()
    {
        Assert.Equal([new TokenSpan(2, 4, "LOC")], Apply("in the West Bank", new TokenSpan(2, 4, "LOC")));
    }

    [Fact]
    public void Apply_SingleWordOrMiscName_Stays()
    {
        Assert.Equal([new TokenSpan(1, 2, "PER"), new TokenSpan(3, 5, "MISC")],
            Apply("Mr Bank at Harbour Bridge", new TokenSpan(1, 2, "PER"), new TokenSpan(3, 5, "MISC")));
    }
}
