using System.Globalization;
using Summarizer.Ingestion;
using Summarizer.Sharding;

namespace Summarizer.Core.Tests.Sharding;

public sealed class ShardTests
{
    [Theory]
    [InlineData("0/4", 0, 4)]
    [InlineData("3/4", 3, 4)]
    [InlineData(" 0 / 1 ", 0, 1)]
    public void TryParse_KOfN_GivesTheShard(string text, int index, int count)
    {
        var (shard, problem) = Shard.TryParse(text);

        Assert.Null(problem);
        Assert.Equal(new Shard(index, count), shard);
    }

    [Theory]
    [InlineData("4/4", "K must be from 0 to 3")]
    [InlineData("1/0", "must look like K/N")]
    [InlineData("-1/4", "must look like K/N")]
    [InlineData("2", "must look like K/N")]
    [InlineData("a/b", "must look like K/N")]
    public void TryParse_BadValue_SaysWhatIsWrong(string text, string message)
    {
        var (shard, problem) = Shard.TryParse(text);

        Assert.Null(shard);
        Assert.Contains(message, problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filter_FourShards_PutEveryArticleAndFailureInExactlyOneInInputOrder()
    {
        var items = Enumerable.Range(0, 2000).Select(i => i % 10 == 0
                ? (LoadItem)new LoadFailure(string.Create(CultureInfo.InvariantCulture, $"bad-{i}.txt"), "unreadable")
                : new LoadedArticle(new Article(string.Create(CultureInfo.InvariantCulture, $"id-{i}"), "Text.")))
            .ToArray();

        var shards = new List<LoadItem>[4];
        for (var k = 0; k < 4; k++)
        {
            shards[k] = await new Shard(k, 4).Filter(items.ToAsyncEnumerable()).ToListAsync();
        }

        var all = shards.SelectMany(s => s).ToArray();
        Assert.Equal(items.Length, all.Length);
        Assert.Equal(items.Length, all.Distinct().Count());
        Assert.All(shards, s => Assert.InRange(s.Count, 400, 600));
        Assert.All(shards, s => Assert.Equal(s.OrderBy(i => Array.IndexOf(items, i)), s));
        Assert.All(shards, s => Assert.Contains(s, i => i is LoadFailure));
    }

    [Fact]
    public void Contains_SameIdFromAnotherSource_FallsInTheSameShard()
    {
        var a = new LoadedArticle(new Article("story-17", "One text.") { Source = "a.jsonl:1" });
        var b = new LoadedArticle(new Article("story-17", "Another text.") { Source = "b.jsonl:9" });

        Assert.All(Enumerable.Range(0, 7), k => Assert.Equal(new Shard(k, 7).Contains(a), new Shard(k, 7).Contains(b)));
        Assert.Equal(Shard.Of("id:story-17", 7), Enumerable.Range(0, 7).Single(k => new Shard(k, 7).Contains(a)));
    }
}
