using Summarizer.Llm.Batch;

namespace Summarizer.Core.Tests.Llm.Batch;

public sealed class BatchIdsTests
{
    [Fact]
    public void Escape_IdWithSeparatorsAndNonAscii_KeepsSafeCharactersAndPercentEncodesTheRest()
    {
        Assert.Equal("a%3Ab%40c%25d%20%C3%A9%2Fx_1.2-3", BatchIds.Escape("a:b@c%d é/x_1.2-3"));
    }

    [Fact]
    public void Escape_LongIds_KeepAPrefixAndAHashAndStayDistinct()
    {
        var a = BatchIds.Escape(new string('q', 80) + "a");
        var b = BatchIds.Escape(new string('q', 80) + "b");

        Assert.Equal(41, a.Length);
        Assert.StartsWith(new string('q', 24) + "~", a, StringComparison.Ordinal);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Occurrences_RepeatedId_GetsNumberedSuffixesInInputOrder()
    {
        var ids = new BatchIds.Occurrences();

        var keys = new[] { "x", "y", "x", "x" }.Select(ids.Next).ToArray();

        Assert.Equal(["x", "y", "x@2", "x@3"], keys);
        Assert.Equal("x@2:m1.3", BatchIds.Map(keys[2], 1, 3));
        Assert.Equal("y:f", BatchIds.Final(keys[1]));
    }
}
