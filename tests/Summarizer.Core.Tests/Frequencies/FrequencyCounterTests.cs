using Microsoft.Data.Analysis;
using Summarizer.Analysis;
using Summarizer.Frequencies;
using Summarizer.Ingestion;

namespace Summarizer.Core.Tests.Frequencies;

public class FrequencyCounterTests
{
    private static readonly string[] Texts =
    [
        "The storm hit the coast. The storm closed schools.",
        "Schools reopened after the storm. Talks on storm damage continue.",
        "Markets rose. Talks resumed and talks stalled.",
    ];

    private static FrequencyRow Row(FrequencyTable table, string term) => Assert.Single(table.Rows, r => r.Term == term);

    [Fact]
    public void Count_Unigrams_CountsOccurrencesAndDocuments()
    {
        var table = FrequencyCounter.Count(Texts, new FrequencyOptions { Top = 0 });

        Assert.Equal(new FrequencyRow("storm", 4, 2, null), Row(table, "storm"));
        Assert.Equal(new FrequencyRow("talks", 3, 2, null), Row(table, "talks"));
        Assert.Equal(3, table.DocumentCount);
        Assert.Equal("storm", table.Rows[0].Term);
    }

    [Fact]
    public void Count_StopWordsRemoved_LeavesThemOut()
    {
        var table = FrequencyCounter.Count(Texts, new FrequencyOptions { Top = 0 });

        Assert.DoesNotContain(table.Rows, r => r.Term == "the");
    }

    [Fact]
    public void Count_StopWordsKept_CountsThem()
    {
        var table = FrequencyCounter.Count(Texts, new FrequencyOptions { Top = 0, RemoveStopWords = false });

        Assert.Equal(new FrequencyRow("the", 4, 2, null), Row(table, "the"));
    }

    [Fact]
    public void Count_Bigrams_NeverSpanPunctuationOrStopWords()
    {
        var table = FrequencyCounter.Count(["Storm damage. Damage reports, storm warnings."], new FrequencyOptions { N = 2, Top = 0 });

        Assert.Equal(["damage reports", "storm damage", "storm warnings"], table.Rows.Select(r => r.Term).Order());
    }

    [Fact]
    public void Count_TrigramsWithStopWordsKept_IncludeThem()
    {
        var table = FrequencyCounter.Count(["The storm hit the coast."], new FrequencyOptions { N = 3, Top = 0, RemoveStopWords = false });

        Assert.Equal(["hit the coast", "storm hit the", "the storm hit"], table.Rows.Select(r => r.Term).Order());
    }

    [Fact]
    public void Count_Stemming_MergesFormsAndShowsTheMostFrequent()
    {
        var table = FrequencyCounter.Count(["Talks began. The talks stalled. He talked. More talks."],
            new FrequencyOptions { Stem = true, Top = 0 });

        var row = Row(table, "talks");
        Assert.Equal(4, row.Count);
        Assert.DoesNotContain(table.Rows, r => r.Term == "talked");
    }

    [Fact]
    public void Count_StemmedBigrams_ShowTheMostFrequentSurfaceForm()
    {
        var table = FrequencyCounter.Count(["Peace talks stalled. Peace talks resumed. Peace talking stopped."],
            new FrequencyOptions { N = 2, Stem = true, Top = 0 });

        Assert.Equal(3, Row(table, "peace talks").Count);
    }

    [Fact]
    public void Count_Numbers_OnlyWhenAsked()
    {
        var without = FrequencyCounter.Count(["In 2022 prices rose 5 percent."], new FrequencyOptions { Top = 0 });
        var with = FrequencyCounter.Count(["In 2022 prices rose 5 percent."], new FrequencyOptions { Top = 0, IncludeNumbers = true });

        Assert.DoesNotContain(without.Rows, r => r.Term == "2022");
        Assert.Equal(1, Row(with, "2022").Count);
    }

    [Fact]
    public void Count_MinCountAndTop_FilterRows()
    {
        var table = FrequencyCounter.Count(Texts, new FrequencyOptions { MinCount = 2, Top = 2 });

        Assert.Equal(["storm", "talks"], table.Rows.Select(r => r.Term));
        Assert.All(table.Rows, r => Assert.True(r.Count >= 2));
    }

    [Fact]
    public void Count_GroupedArticles_CountsPerGroup()
    {
        var articles = new[]
        {
            Article.FromText(Texts[0], source: "wire"),
            Article.FromText(Texts[1], source: "wire"),
            Article.FromText(Texts[2], source: "markets"),
        };

        var table = FrequencyCounter.Count(articles, new FrequencyOptions { Top = 0 }, a => a.Source);

        Assert.True(table.IsGrouped);
        Assert.Equal(new FrequencyRow("talks", 2, 1, "markets"), Assert.Single(table.Rows, r => r.Term == "talks" && r.Group == "markets"));
        Assert.Equal(new FrequencyRow("talks", 1, 1, "wire"), Assert.Single(table.Rows, r => r.Term == "talks" && r.Group == "wire"));
        Assert.Equal(new FrequencyRow("storm", 4, 2, "wire"), Assert.Single(table.Rows, r => r.Term == "storm"));
        Assert.Equal("markets", table.Rows[0].Group);
    }

    [Fact]
    public void Count_TopWithGroups_AppliesPerGroup()
    {
        var documents = Texts.Select((t, i) => TextAnalyzer.Default.Analyze(Article.FromText(t, source: i < 2 ? "a" : "b")));

        var table = FrequencyCounter.Count(documents, new FrequencyOptions { Top = 1 }, d => d.Article.Source);

        Assert.Equal([("storm", "a"), ("talks", "b")], table.Rows.Select(r => (r.Term, r.Group)));
    }

    [Fact]
    public void Count_NoDocuments_ReturnsNoRows()
    {
        var table = FrequencyCounter.Count(Array.Empty<string>());

        Assert.Empty(table.Rows);
        Assert.Equal(0, table.DocumentCount);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void Count_NOutOfRange_FailsNamingN(int n)
    {
        var error = Assert.Throws<ArgumentException>(() => FrequencyCounter.Count(Texts, new FrequencyOptions { N = n }));

        Assert.Contains("N must be", error.Message);
    }

    [Fact]
    public void ToDataFrame_Ungrouped_HasTermCountDocumentsColumns()
    {
        var table = FrequencyCounter.Count(Texts, new FrequencyOptions { Top = 3 });

        var frame = table.ToDataFrame();

        Assert.Equal(["term", "count", "articles"], frame.Columns.Select(c => c.Name));
        Assert.Equal(3, frame.Rows.Count);
        Assert.Equal("storm", frame["term"][0]);
        Assert.Equal(4, frame["count"][0]);
        Assert.Equal(2, frame["articles"][0]);
    }

    [Fact]
    public void ToDataFrame_Grouped_AddsGroupColumn()
    {
        var articles = Texts.Select(t => Article.FromText(t, source: "wire"));
        var table = FrequencyCounter.Count(articles, new FrequencyOptions { Top = 2 }, a => a.Source);

        var frame = table.ToDataFrame();

        Assert.Equal(["term", "count", "articles", "group"], frame.Columns.Select(c => c.Name));
        Assert.IsType<StringDataFrameColumn>(frame["group"]);
        Assert.Equal("wire", frame["group"][1]);
        Assert.Equal(table.Rows.Count, frame.Rows.Count);
    }
}
