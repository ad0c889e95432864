using Summarizer.Entities.Tagging;

namespace Summarizer.Core.Tests.Entities.Tagging;

public class WordClustersTests
{
    [Fact]
    public void Read_ThreeLevels_LooksUpEachLevelCaseInsensitively()
    {
        var clusters = WordClusters.Read(new StringReader("London\t3\t17\t402\nparis\t3\t18\t0\n"), "clusters.tsv");

        var london = clusters.Lookup("london");

        Assert.Equal(4, WordClusters.Level(london, 0));
        Assert.Equal(18, WordClusters.Level(london, 1));
        Assert.Equal(403, WordClusters.Level(london, 2));
        Assert.Equal(1, WordClusters.Level(clusters.Lookup("paris"), 2));
        Assert.Equal(0, clusters.Lookup("berlin"));
    }

    [Theory]
    [InlineData("word\t1\t1023\n")]
    [InlineData("word\tx\n")]
    [InlineData("word\n")]
    [InlineData("word\t1\t2\t3\t4\n")]
    public void Read_BadLine_NamesSourceAndLine(string text)
    {
        var error = Assert.Throws<FormatException>(() => WordClusters.Read(new StringReader("ok\t1\n" + text), "clusters.tsv"));

        Assert.StartsWith("clusters.tsv:2:", error.Message, StringComparison.Ordinal);
    }
}
