using System.Collections.Frozen;
using Summarizer.Entities.Tagging;
using Summarizer.Entities.Training;

namespace Summarizer.Core.Tests.Entities.Tagging;

public class DocumentConsistencyTests
{
    [Fact]
    public void Apply_BareSurnameMislabelled_FullNamesMakeItAPerson()
    {
        IReadOnlyList<IReadOnlyList<string>> sentences =
        [
            "President Boris Yeltsin backed the plan .".Split(' '),
            "Yeltsin 's press office could not confirm it .".Split(' '),
            "Boris Yeltsin is on holiday .".Split(' '),
            "Yeltsin has said little .".Split(' '),
        ];
        List<TokenSpan>[] spans =
        [
            [new(1, 3, "PER")],
            [new(0, 1, "ORG")],
            [new(0, 2, "PER")],
            [],
        ];

        DocumentConsistency.Apply(sentences, spans, FrozenSet<string>.Empty);

        Assert.Equal([new TokenSpan(0, 1, "PER")], spans[1]);
        Assert.Equal([new TokenSpan(0, 1, "PER")], spans[3]);
    }

    [Fact]
    public void Apply_BareNameBeginningAnOrganisation_IsThatOrganisation()
    {
        IReadOnlyList<IReadOnlyList<string>> sentences =
        [
            "Nordvik Foods agreed to merge .".Split(' '),
            "Nordvik shares rose .".Split(' '),
            "Nordvik chief executive Karin Holm will lead it .".Split(' '),
        ];
        List<TokenSpan>[] spans =
        [
            [new(0, 2, "ORG")],
            [new(0, 1, "PER")],
            [new(0, 1, "PER"), new(3, 5, "PER")],
        ];

        DocumentConsistency.Apply(sentences, spans, FrozenSet<string>.Empty);

        Assert.Equal([new TokenSpan(0, 1, "ORG")], spans[1]);
        Assert.Equal([new TokenSpan(0, 1, "ORG"), new TokenSpan(3, 5, "PER")], spans[2]);
    }

    [Fact]
    public void Apply_BareNameOfAPersonWhoseNameAlsoBeginsAnOrganisation_StaysAPerson()
    {
        IReadOnlyList<IReadOnlyList<string>> sentences =
        [
            "Henry Ford founded Ford Motor .".Split(' '),
            "Ford said so .".Split(' '),
        ];
        List<TokenSpan>[] spans =
        [
            [new(0, 2, "PER"), new(3, 5, "ORG")],
            [new(0, 1, "PER")],
        ];

        DocumentConsistency.Apply(sentences, spans, FrozenSet<string>.Empty);

        Assert.Equal([new TokenSpan(0, 1, "PER")], spans[1]);
    }

    [Fact]
    public void Apply_SpanStartingInsideATitle_KeepsOnlyThePerson()
    {
        IReadOnlyList<IReadOnlyList<string>> sentences = ["US Secretary of State Antony Blinken met Lavrov .".Split(' ')];
        List<TokenSpan>[] spans = [[new(0, 1, "LOC"), new(3, 6, "LOC")]];

        DocumentConsistency.Apply(sentences, spans, FrozenSet<string>.Empty);

        Assert.Equal([new TokenSpan(0, 1, "LOC"), new TokenSpan(4, 6, "PER")], spans[0]);
    }

    [Fact]
    public void Apply_SameNameTwoLabels_MajorityWins()
    {
        IReadOnlyList<IReadOnlyList<string>> sentences =
        [
            "Jordan said so .".Split(' '),
            "Troops entered Jordan .".Split(' '),
            "Jordan closed its border .".Split(' '),
        ];
        List<TokenSpan>[] spans = [[new(0, 1, "PER")], [new(2, 3, "LOC")], [new(0, 1, "LOC")]];

        DocumentConsistency.Apply(sentences, spans, FrozenSet<string>.Empty);

        Assert.All(spans, list => Assert.Equal("LOC", Assert.Single(list).Label));
    }
}
