using Summarizer.Core.Tests.TestSupport;
using Summarizer.Entities;
using Summarizer.Ingestion;

namespace Summarizer.Core.Tests.Entities;

public class EntityFrequenciesTests
{
    [Fact]
    public void CanonicalNames_SurnameAndTitle_JoinTheFullName()
    {
        EntityMention[] mentions =
        [
            new("Antony Blinken", EntityTypes.Person, 0, 14),
            new("Blinken", EntityTypes.Person, 20, 27),
            new("Mr Blinken", EntityTypes.Person, 30, 40),
            new("Sergei Lavrov", EntityTypes.Person, 50, 63),
        ];

        var names = EntityFrequencies.CanonicalNames(mentions);

        Assert.Equal(["Antony Blinken", "Antony Blinken", "Antony Blinken", "Sergei Lavrov"], names);
    }

    [Fact]
    public void CanonicalNames_CaseVariants_ShareOneSpelling()
    {
        EntityMention[] mentions =
        [
            new("Nato", EntityTypes.Organization, 0, 4),
            new("NATO", EntityTypes.Organization, 10, 14),
            new("Nato", EntityTypes.Organization, 20, 24),
        ];

        var names = EntityFrequencies.CanonicalNames(mentions);

        Assert.Equal(["Nato", "Nato", "Nato"], names);
    }

    [Fact]
    public void CanonicalNames_TwoPeopleShareASurname_KeepsTheShortFormApart()
    {
        EntityMention[] mentions =
        [
            new("Hillary Clinton", EntityTypes.Person, 0, 15),
            new("Bill Clinton", EntityTypes.Person, 20, 32),
            new("Clinton", EntityTypes.Person, 40, 47),
        ];

        var names = EntityFrequencies.CanonicalNames(mentions);

        Assert.Equal("Clinton", names[2]);
    }

    [Fact]
    public void Count_TwoArticles_CountsMentionsAndArticles()
    {
        (string, string)[] articles =
        [
            ("a1", "US Secretary of State Antony Blinken met Sergei Lavrov in Geneva. Blinken said Nato would respond. Mr Blinken left."),
            ("a2", "NATO allies met in Brussels. Antony Blinken spoke first."),
        ];

        var counts = EntityFrequencies.Count(articles);

        var blinken = Assert.Single(counts, c => c.Entity == "Antony Blinken");
        Assert.Equal(EntityTypes.Person, blinken.Type);
        Assert.Equal(4, blinken.Count);
        Assert.Equal(2, blinken.Articles);
        Assert.Contains("Antony Blinken", blinken.ExampleSentence, StringComparison.Ordinal);
        Assert.Single(counts, c => c.Entity.Equals("nato", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void ToDataFrame_Counts_HasOneRowPerEntityAndFiveColumns()
    {
        EntityCount[] counts =
        [
            new("Antony Blinken", EntityTypes.Person, 4, 2, "Antony Blinken spoke."),
            new("Geneva", EntityTypes.Location, 1, 1, "They met in Geneva."),
        ];

        var frame = EntityFrequencies.ToDataFrame(counts);

        Assert.Equal(2, frame.Rows.Count);
        Assert.Equal(["entity", "type", "count", "articles", "example"], frame.Columns.Select(c => c.Name));
        Assert.Equal(4, frame["count"][0]);
        Assert.Equal("Geneva", frame["entity"][1]);
    }

    [Fact]
    public async Task Count_SeedArticles_TopNamesHaveTheirTypes()
    {
        var loaded = await ArticleLoader.LoadAsync([Seeds.Root]);

        var rows = EntityFrequencies.Count(loaded.Articles.Select(a => (a.Id, a.Text)));

        var top = rows.Take(15).ToList();
        Assert.Contains(top, r => r.Entity == "Baltic Dairy" && r.Type == EntityTypes.Organization);
        Assert.Contains(rows, r => r.Entity == "Svalbard" && r.Type == EntityTypes.Location);
        Assert.Contains(rows, r => r.Entity == "Lee Harbour Bridge" && r.Type == EntityTypes.Location);
        Assert.DoesNotContain(rows, r => r.Entity == "Lee" && r.Type == EntityTypes.Person);
        Assert.DoesNotContain(rows, r => r.Entity is "Baltic Dairy" or "Svalbard" or "Tromso" && r.Type == EntityTypes.Person);
        Assert.Contains(rows, r => r.Entity == "Nordvik" && r.Type == EntityTypes.Organization);
    }

    [Fact]
    public void Count_SkipDuplicates_LeavesOutCopiedArticles()
    {
        const string text = "Antony Blinken met Sergei Lavrov in Geneva on Friday. Blinken said the talks were frank.";
        var articles = new[] { ("a", text), ("b", text.Replace(". ", ".\n", StringComparison.Ordinal)), ("c", "Sergei Lavrov flew home to Moscow.") };

        var all = EntityFrequencies.Count(articles);
        var once = EntityFrequencies.Count(articles, options: new EntityFrequencyOptions { SkipDuplicates = true });

        Assert.Equal(2, all.Single(c => c.Entity == "Antony Blinken").Articles);
        Assert.Equal(1, once.Single(c => c.Entity == "Antony Blinken").Articles);
        Assert.Equal(2, once.Single(c => c.Entity == "Sergei Lavrov").Articles);
    }
}
