using System.Text.RegularExpressions;
using Summarizer.Analysis;
using Summarizer.Core.Tests.TestSupport;
using Summarizer.Ingestion;
using Summarizer.Stories;

namespace Summarizer.Core.Tests.Stories;

public sealed class StoryFinderTests
{
    [Fact]
    public void Find_HandLabelledFeed_RecoversEveryStory()
    {
        var items = StoryCorpus.Items;

        var report = StoryFinder.Find(StoryCorpus.Articles);

        var truth = items.Select(i => i.Story).ToArray();
        var predicted = Enumerable.Range(0, items.Count).Select(i => report.StoryOf(i).Id).ToArray();
        Assert.Equal(1.0, ClusterMetrics.AdjustedRand(truth, predicted), 6);
        Assert.Equal(7, report.Stories.Count);
    }

    [Fact]
    public void Find_Copies_JoinTheirOriginalsStoryWithoutCountingAgain()
    {
        var report = StoryFinder.Find(StoryCorpus.Articles);

        var port = report.Stories[0];
        Assert.Equal(["port-1", "port-2", "port-3", "port-4"], port.Articles.Select(a => a.Article.Id));
        Assert.Equal("port-1-copy", Assert.Single(port.Articles[0].Copies).Id);
        Assert.Equal(1, port.CopyCount);
        var lake = report.Stories.Single(s => s.Articles.Any(a => a.Article.Id == "lake-1"));
        Assert.Equal(3, lake.Articles.Count);
        Assert.Equal(lake, report.StoryOf(StoryCorpus.Articles.ToList().FindIndex(a => a.Id == "lake-2-edited")));
    }

    [Fact]
    public void Find_Stories_LargestFirstWithDateSpanLabelAndEntities()
    {
        var report = StoryFinder.Find(StoryCorpus.Articles);

        Assert.Equal([4, 3, 3, 1, 1, 1, 1], report.Stories.Select(s => s.Articles.Count));
        Assert.Equal(["s1", "s2", "s3", "s4", "s5", "s6", "s7"], report.Stories.Select(s => s.Id));
        var air = report.Stories.Single(s => s.Articles.Any(a => a.Article.Id == "air-1"));
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), air.First);
        Assert.Equal(new DateTimeOffset(2026, 3, 6, 0, 0, 0, TimeSpan.Zero), air.Last);
        Assert.Contains(air.Headline, air.Articles.Select(a => a.Article.Title));
        Assert.Contains(air.Keyphrases, k => k.Contains("kestrel", StringComparison.Ordinal));
        Assert.StartsWith(air.Headline + " [", air.Label, StringComparison.Ordinal);
        Assert.Contains(air.Entities, e => e.Entity == "Ingrid Solheim" && e.Type == "PERSON");
        Assert.Contains(air.Entities, e => e.Entity == "Kestrel Air");
        // The most central article is the one the headline comes from.
        Assert.Equal(air.Headline, air.ByCentrality[0].Article.Title);
    }

    [Fact]
    public void Find_SameInputTwice_SameStories()
    {
        var first = StoryFinder.Find(StoryCorpus.Articles);
        var second = StoryFinder.Find(StoryCorpus.Articles);

        Assert.Equal(first.Stories.Select(s => s.Label), second.Stories.Select(s => s.Label));
        Assert.Equal(first.Stories.Select(s => s.Articles.Select(a => a.Index).ToArray()), second.Stories.Select(s => s.Articles.Select(a => a.Index).ToArray()));
    }

    [Fact]
    public void Find_HigherThreshold_SplitsStoriesFurther()
    {
        var loose = StoryFinder.Find(StoryCorpus.Articles, new StoryOptions { Threshold = 0.25 });
        var strict = StoryFinder.Find(StoryCorpus.Articles, new StoryOptions { Threshold = 0.6 });

        Assert.True(strict.Stories.Count > loose.Stories.Count, $"{strict.Stories.Count} stories at 0.6, {loose.Stories.Count} at 0.25");
    }

    [Fact]
    public void Find_MoreArticles_WorkGrowsNearLinearly()
    {
        // Synthetic stories: each has its own rare names, all share a common vocabulary.
        static Article[] Make(int stories)
        {
            var random = new Random(11);
            var common = Enumerable.Range(0, 400).Select(i => "common" + i).ToArray();
            return Enumerable.Range(0, stories).SelectMany(s => Enumerable.Range(0, 3).Select(v => new Article($"{s}-{v}",
                string.Join(' ', Enumerable.Range(0, 120).Select(k => k % 4 == 0 ? $"name{s}x{random.Next(6)}" : common[random.Next(common.Length)])) + ".")))
                .ToArray();
        }

        var small = StoryFinder.Find(Make(300), new StoryOptions { Keyphrases = 0, Entities = 0 });
        var large = StoryFinder.Find(Make(1200), new StoryOptions { Keyphrases = 0, Entities = 0 });

        Assert.True(large.Work.PairsCompared < small.Work.PairsCompared * 6, $"{small.Work} then {large.Work}");
        Assert.True(large.Work.PostingsVisited < small.Work.PostingsVisited * 6, $"{small.Work} then {large.Work}");
        Assert.Equal(1200, large.Stories.Count);
    }

    [Fact]
    public void Find_BadThreshold_Throws()
    {
        Assert.Throws<ArgumentException>(() => StoryFinder.Find(StoryCorpus.Articles, new StoryOptions { Threshold = 0 }));
    }

    /// <summary>
    /// BBC News has no story labels; nine story threads are labelled by rule: an article belongs to a thread when it
    /// names the thread's key names (Yukos; Kenteris or Thanou; ...) at least three times. The clustering must keep
    /// each thread together and bring no article into them that does not name their key at all.
    /// </summary>
    [SharedDataFact("bbc/bbc_news_summary.jsonl")]
    public async Task Find_BbcNewsThreads_KeptTogetherWithoutStrays()
    {
        var keys = new Dictionary<string, Regex>
        {
            ["yukos"] = new(@"\bYukos\b"), ["greek sprinters"] = new(@"\bKenteris\b|\bThanou\b"), ["worldcom"] = new(@"\bEbbers\b|\bWorldCom\b"),
            ["glazer"] = new(@"\bGlazer\b"), ["lse bids"] = new(@"\bDeutsche B(oe|ö)rse\b|\bEuronext\b"), ["veritas"] = new(@"\bVeritas\b|\bKilroy"),
            ["fiat"] = new(@"\bFiat\b"), ["balco"] = new(@"\bBalco\b"), ["chepkemei"] = new(@"\bChepkemei\b"),
        };
        var load = await ArticleLoader.LoadAsync([Path.Combine(Seeds.SharedData!, "bbc", "bbc_news_summary.jsonl")],
            new LoadOptions { TextFields = ["article"], DetectLanguage = false });

        var report = StoryFinder.Find(load.Articles, new StoryOptions { Keyphrases = 0, Entities = 0 });

        var labelled = Enumerable.Range(0, load.Articles.Count)
            .Where(i => !report.Duplicates.IsDuplicate(i))
            .Select(i => (Index: i, Labels: keys.Where(k => k.Value.Matches(load.Articles[i].Text).Count >= 3).Select(k => k.Key).ToArray()))
            .Where(x => x.Labels.Length == 1)
            .ToArray();
        var truth = labelled.Select(x => x.Labels[0]).ToArray();
        var predicted = labelled.Select(x => report.StoryOf(x.Index).Id).ToArray();
        var ari = ClusterMetrics.AdjustedRand(truth, predicted);
        Assert.True(ari >= 0.75, $"ARI {ari:F3} over {labelled.Length} labelled articles");
        Assert.Equal(1.0, ClusterMetrics.Purity(truth, predicted));
        var strays = labelled.Select(x => (Story: report.StoryOf(x.Index), Key: keys[x.Labels[0]])).Distinct()
            .SelectMany(x => x.Story.Articles.Where(a => !x.Key.IsMatch(a.Article.Text)).Select(a => a.Article.Id)).ToArray();
        Assert.Empty(strays);
    }
}
