using System.Text.Json;
using Summarizer.Core.Tests.TestSupport;
using Summarizer.Ingestion;
using Summarizer.Stories;

namespace Summarizer.Core.Tests.Stories;

public sealed class DuplicateDetectorTests
{
    [Fact]
    public void Find_ExactCopyWithOtherCaseSpacingAndPunctuation_FlaggedAsExactCopyOfTheFirst()
    {
        var report = DuplicateDetector.Find(StoryCorpus.Articles);

        var copy = Assert.Single(report.Duplicates, d => d.Id == "port-1-copy");
        Assert.Equal(DuplicateKind.Exact, copy.Kind);
        Assert.Equal("port-1", copy.OfId);
        Assert.Equal(1, copy.Similarity);
    }

    [Fact]
    public void Find_ReEditedCopy_FlaggedAsNearCopyOfTheEarlierVersion()
    {
        var report = DuplicateDetector.Find(StoryCorpus.Articles);

        var copy = Assert.Single(report.Duplicates, d => d.Id == "lake-2-edited");
        Assert.Equal(DuplicateKind.Near, copy.Kind);
        Assert.Equal("lake-2", copy.OfId);
        Assert.InRange(copy.Similarity, DuplicateOptions.Default.NearThreshold, 0.99);
    }

    [Fact]
    public void Find_VersionsOfOneStoryByDifferentWriters_AreNotCopies()
    {
        var report = DuplicateDetector.Find(StoryCorpus.Articles);

        // Only the two planted copies: the other versions tell the same story in their own words.
        Assert.Equal(["lake-2-edited", "port-1-copy"], report.Duplicates.Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.Equal(StoryCorpus.Articles.Count - 2, report.Kept.Count);
    }

    [Fact]
    public void Find_CopyGivenFirstButDatedLater_KeepsTheEarlierArticle()
    {
        var original = StoryCorpus.Articles.Single(a => a.Id == "air-1");
        var later = original with { Id = "air-1-repost", Date = original.Date!.Value.AddDays(3) };

        var report = DuplicateDetector.Find([later, original]);

        var copy = Assert.Single(report.Duplicates);
        Assert.Equal(("air-1-repost", "air-1"), (copy.Id, copy.OfId));
        Assert.Equal([1], report.Kept);
        Assert.Equal([1, 0], Assert.Single(report.Groups));
    }

    [Fact]
    public void Find_ThreeCopies_OneGroupAllNamingTheFirst()
    {
        var text = StoryCorpus.Articles.Single(a => a.Id == "fire-1").Text;
        var articles = new[] { new Article("a", text), new Article("b", text.ToUpperInvariant()), new Article("c", text.Replace(". ", ".\n\n", StringComparison.Ordinal)) };

        var report = DuplicateDetector.Find(articles);

        Assert.Equal(["a", "a"], report.Duplicates.Select(d => d.OfId));
        Assert.Equal(2, report.CopiesOf(0).Count);
        Assert.True(report.IsDuplicate(2));
        Assert.Null(report.MatchOf(0));
    }

    [Fact]
    public void Find_EmptyTexts_AreNeverCopies()
    {
        var report = DuplicateDetector.Find([new Article("a", ""), new Article("b", "  ...  "), new Article("c", "")]);

        Assert.Empty(report.Duplicates);
    }

    [Fact]
    public void Find_ManyDistinctArticles_ComparesFewPairs()
    {
        // 2,000 texts drawn from one vocabulary: LSH buckets must keep the checked pairs far below the 2 million pairs.
        var random = new Random(7);
        var words = Enumerable.Range(0, 3000).Select(i => "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var articles = Enumerable.Range(0, 2000)
            .Select(i => new Article("a" + i, string.Join(' ', Enumerable.Range(0, 150).Select(_ => words[random.Next(words.Length)]))))
            .ToArray();

        var report = DuplicateDetector.Find(articles);

        Assert.Empty(report.Duplicates);
        Assert.True(report.CandidatePairs < 2000, $"{report.CandidatePairs} candidate pairs for 2,000 articles");
    }

    [Fact]
    public void Find_SameInputTwice_SameMatches()
    {
        var first = DuplicateDetector.Find(StoryCorpus.Articles);
        var second = DuplicateDetector.Find(StoryCorpus.Articles);

        Assert.Equal(first.Duplicates, second.Duplicates);
    }

    [Fact]
    public void Find_HashesNotAMultipleOfBands_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => DuplicateDetector.Find([], new DuplicateOptions { Hashes = 100, Bands = 30 }));

        Assert.Contains("multiple of Bands", error.Message, StringComparison.Ordinal);
    }

    [SharedDataFact("bbc/duplicates.json")]
    public async Task Find_BbcNews_FindsEveryListedExactCopyAndOnlyTrueCopies()
    {
        var data = Seeds.SharedData!;
        var load = await ArticleLoader.LoadAsync([Path.Combine(data, "bbc", "bbc_news_summary.jsonl")],
            new LoadOptions { TextFields = ["article"], DetectLanguage = false });
        using var listed = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(data, "bbc", "duplicates.json")));
        var groups = listed.RootElement.GetProperty("groups").EnumerateArray()
            .Select(g => g.EnumerateArray().Select(x => x.GetString()!).ToArray()).ToArray();

        var report = DuplicateDetector.Find(load.Articles);

        // Recall: every listed group (identical article fields) is one group here, kept article first.
        var exact = report.Duplicates.Where(d => d.Kind == DuplicateKind.Exact).ToArray();
        foreach (var group in groups)
        {
            Assert.All(group.Skip(1), id => Assert.Contains(exact, d => d.Id == id && d.OfId == group[0]));
        }

        // Precision: the exact copies the list does not name differ only in case, spacing or punctuation.
        var byId = load.Articles.ToDictionary(a => a.Id);
        var unlisted = exact.Where(d => !groups.Any(g => g.Contains(d.Id) && g.Contains(d.OfId))).ToArray();
        Assert.All(unlisted, d => Assert.Equal(Words(byId[d.OfId].Text), Words(byId[d.Id].Text)));
        Assert.Equal(groups.Sum(g => g.Length - 1), exact.Length - unlisted.Length);

        // Near copies: the estimate agrees with the exact Jaccard similarity of the two texts' 5-word shingles.
        var near = report.Duplicates.Where(d => d.Kind == DuplicateKind.Near).ToArray();
        Assert.NotEmpty(near);
        Assert.All(near, d =>
        {
            var exactJaccard = Jaccard(Shingles(byId[d.Id].Text), Shingles(byId[d.OfId].Text));
            Assert.True(exactJaccard >= DuplicateOptions.Default.NearThreshold - 0.1 && Math.Abs(exactJaccard - d.Similarity) < 0.15,
                $"{d.Id} ~ {d.OfId}: estimated {d.Similarity}, exact {exactJaccard:F3}");
        });

        static string Words(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant())
            .Where(w => w.Length > 0));

        static HashSet<string> Shingles(string text)
        {
            var words = Words(text).Split(' ');
            return Enumerable.Range(0, Math.Max(1, words.Length - 4)).Select(i => string.Join(' ', words.Skip(i).Take(5))).ToHashSet();
        }

        static double Jaccard(HashSet<string> a, HashSet<string> b) => (double)a.Intersect(b).Count() / a.Union(b).Count();
    }
}
