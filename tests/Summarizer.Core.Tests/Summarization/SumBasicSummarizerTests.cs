using Summarizer.Summarization;

namespace Summarizer.Core.Tests.Summarization;

public class SumBasicSummarizerTests
{
    private static readonly string[] Sentences =
    [
        "Ferries were cancelled.",
        "The storm closed schools and the storm closed roads.",
        "Storm damage closed the port.",
        "Volunteers cleared fallen trees.",
    ];

    [Fact]
    public void Summarize_FirstPick_ContainsTheMostFrequentWord()
    {
        var document = TestDocuments.FromSentences(Sentences);

        var summary = new SumBasicSummarizer().Summarize(document, SummaryLength.Sentences(1));

        Assert.Contains("storm", summary.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Summarize_AfterSquaring_PrefersNewContentOverRepeats()
    {
        var document = TestDocuments.FromSentences(
            "The storm closed schools and the storm closed roads.",
            "The storm closed schools and roads.",
            "Volunteers cleared fallen trees from the roads.",
            "Ferries were cancelled.");

        var summary = new SumBasicSummarizer().Summarize(document, SummaryLength.Sentences(2));

        Assert.Equal([0, 2], summary.Indices);
    }

    [Fact]
    public void Summarize_NoSquaring_RepeatsTheDominantContent()
    {
        var document = TestDocuments.FromSentences(
            "The storm closed schools and the storm closed roads.",
            "The storm closed schools and roads.",
            "Volunteers cleared fallen trees from the roads.",
            "Ferries were cancelled.");

        var summary = new SumBasicSummarizer(new SumBasicOptions { UpdateExponent = 1 }).Summarize(document, SummaryLength.Sentences(2));

        Assert.Equal([0, 1], summary.Indices);
    }

    [Fact]
    public void Summarize_ScoresAreAverageProbabilities()
    {
        var document = TestDocuments.FromSentences(Sentences);

        var summary = new SumBasicSummarizer().Summarize(document, SummaryLength.Sentences(4));

        Assert.All(summary.Sentences, s => Assert.InRange(s.Score, 0, 1));
    }
}
