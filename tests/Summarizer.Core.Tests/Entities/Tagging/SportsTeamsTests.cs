using Summarizer.Entities.Tagging;
using Summarizer.Entities.Training;

namespace Summarizer.Core.Tests.Entities.Tagging;

public class SportsTeamsTests
{
    private static readonly Gazetteer Places = CreatePlaces();

    [Fact]
    public void Apply_CricketScorecard_PlacesUsedAsSidesBecomeOrganisations()
    {
        var (sentences, spans) = Document(
            ("CRICKET - ENGLISH COUNTY CHAMPIONSHIP SCORES .", []),
            ("Surrey 429-7 , Kent 108-3 .", [new(0, 1, "LOC"), new(3, 4, "LOC")]),
            ("Kent won the match in London after Surrey lost two wickets .", [new(0, 1, "LOC"), new(5, 6, "LOC"), new(7, 8, "LOC")]));

        SportsTeams.Apply(sentences, spans, Places);

        Assert.Equal(["ORG", "ORG"], spans[1].Select(s => s.Label));
        Assert.Equal(["ORG", "LOC", "ORG"], spans[2].Select(s => s.Label));
    }

    [Fact]
    public void Apply_StandingsTableWithUntaggedPlaces_AddsOrganisations()
    {
        var (sentences, spans) = Document(
            ("BASEBALL - MAJOR LEAGUE STANDINGS .", []),
            ("W L PCT GB", []),
            ("NEW YORK 74 61 .548 -", []),
            ("Kent 70 64 .522 3 1/2", [new(0, 1, "PER")]));

        SportsTeams.Apply(sentences, spans, Places);

        Assert.Equal([new TokenSpan(0, 2, "ORG")], spans[2]);
        Assert.Equal([new TokenSpan(0, 1, "PER")], spans[3]);
    }

    [Fact]
    public void Apply_NationalSide_StaysAPlace()
    {
        var (sentences, spans) = Document(
            ("SOCCER - England beat Poland 2-1 in the World Cup qualifier .", [new(2, 3, "LOC"), new(4, 5, "LOC")]),
            ("The match was won by a late goal .", []));

        SportsTeams.Apply(sentences, spans, Places);

        Assert.Equal(["LOC", "LOC"], spans[0].Select(s => s.Label));
    }

    [Fact]
    public void Apply_NewsOutsideSport_LeavesPlacesAlone()
    {
        var (sentences, spans) = Document(
            ("Surrey 345 homes were flooded , officials in Kent said .", [new(0, 1, "LOC"), new(7, 8, "LOC")]));

        SportsTeams.Apply(sentences, spans, Places);

        Assert.Equal(["LOC", "LOC"], spans[0].Select(s => s.Label));
    }

    [Fact]
    public void Apply_ElectionResults_AreNotSport()
    {
        var (sentences, spans) = Document(
            ("The final results are in : Democrats won a clear victory .", []),
            ("Kent 345 votes , Surrey 290 .", [new(0, 1, "LOC"), new(4, 5, "LOC")]));

        SportsTeams.Apply(sentences, spans, Places);

        Assert.Equal(["LOC", "LOC"], spans[1].Select(s => s.Label));
    }

    private static (IReadOnlyList<IReadOnlyList<string>> Sentences, List<TokenSpan>[] Spans) Document(
        params (string Text, TokenSpan[] Spans)[] sentences) =>
        (sentences.Select(s => (IReadOnlyList<string>)s.Text.Split(' ')).ToArray(), sentences.Select(s => s.Spans.ToList()).ToArray());

    private static Gazetteer CreatePlaces()
    {
        var gazetteer = new Gazetteer();
        gazetteer.AddList(new StringReader("LOC\tsurrey\nLOC\tkent\nLOC\tlondon\nLOC\tnew york\nCOUNTRY\tengland\nCOUNTRY\tpoland\n"), "test");
        return gazetteer;
    }
}
