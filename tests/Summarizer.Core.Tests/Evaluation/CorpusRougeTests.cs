using Summarizer.Evaluation;

namespace Summarizer.Core.Tests.Evaluation;

public sealed class CorpusRougeTests
{
    private static RougeScores Uniform(double value) =>
        new(new RougeScore(value, value, value), new RougeScore(value, value, value), new RougeScore(value, value, value));

    [Fact]
    public void Aggregate_OneDocument_AverageAndIntervalAreItsScore()
    {
        var doc = Rouge.Score("the cat sat", "the cat sat on the mat");

        var aggregate = CorpusRouge.Aggregate([doc]);

        Assert.Equal(doc, aggregate.Average);
        Assert.Equal(doc, aggregate.Lower);
        Assert.Equal(doc, aggregate.Upper);
    }

    [Fact]
    public void Aggregate_ManyDocuments_MeanIsArithmeticMeanAndIntervalBracketsIt()
    {
        var docs = Enumerable.Range(0, 50).Select(i => Uniform(i / 100.0)).ToList();

        var aggregate = CorpusRouge.Aggregate(docs);

        Assert.Equal(0.245, aggregate.Mean.Rouge1.F, 12);
        Assert.InRange(aggregate.Average.Rouge2.Recall, 0.235, 0.255);
        Assert.True(aggregate.Lower.RougeL.F < aggregate.Average.RougeL.F);
        Assert.True(aggregate.Upper.RougeL.F > aggregate.Average.RougeL.F);
        Assert.Equal(50, aggregate.Documents);
    }

    [Fact]
    public void Aggregate_NoDocuments_IsZero()
    {
        var aggregate = CorpusRouge.Aggregate([]);

        Assert.Equal(RougeScores.Zero, aggregate.Average);
        Assert.Equal(0, aggregate.Documents);
    }

    [Theory]
    [InlineData(0, 1000)]
    [InlineData(100, 1000)]
    [InlineData(95, 0)]
    public void Aggregate_InvalidOptions_Throw(double confidence, int resamples)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CorpusRouge.Aggregate([Uniform(0.5)], new CorpusRougeOptions(confidence, resamples)));
    }
}
