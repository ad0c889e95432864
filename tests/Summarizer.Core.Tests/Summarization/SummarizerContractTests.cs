using Summarizer;
using Summarizer.Analysis;
using Summarizer.Summarization;

namespace Summarizer.Core.Tests.Summarization;

/// <summary>What every extractive method in the catalog promises.</summary>
public class SummarizerContractTests
{
    public static TheoryData<string> ExtractiveMethods()
    {
        var data = new TheoryData<string>();
        foreach (var method in SummarizerCatalog.Methods)
        {
            if (method.Kind == SummarizerKind.Extractive)
            {
                data.Add(method.Name);
            }
        }

        return data;
    }

    private static ISummarizer Create(string name) => SummarizerCatalog.Create(name);

    [Theory]
    [MemberData(nameof(ExtractiveMethods))]
    public void Summarize_EmptyDocument_ReturnsEmpty(string method)
    {
        var summary = Create(method).Summarize(TestDocuments.FromText(""), SummaryLength.Sentences(3));

        Assert.Empty(summary.Sentences);
        Assert.Equal(method, summary.Method);
    }

    [Theory]
    [MemberData(nameof(ExtractiveMethods))]
    public void Summarize_OneSentence_ReturnsThatSentence(string method)
    {
        var document = TestDocuments.FromText("The river burst its banks after days of rain.");

        var summary = Create(method).Summarize(document, SummaryLength.Sentences(3));

        Assert.Equal([0], summary.Indices);
        Assert.Equal("The river burst its banks after days of rain.", summary.Text);
    }

    [Theory]
    [MemberData(nameof(ExtractiveMethods))]
    public void Summarize_FewerSentencesThanRequested_ReturnsAllInOrder(string method)
    {
        var document = TestDocuments.FromSentences(
            "The river burst its banks after days of rain.",
            "Hundreds of homes were flooded.",
            "Officials opened shelters in the town hall.");

        var summary = Create(method).Summarize(document, SummaryLength.Sentences(5));

        Assert.Equal([0, 1, 2], summary.Indices);
    }

    [Theory]
    [MemberData(nameof(ExtractiveMethods))]
    public void Summarize_SentencesWithoutContentWords_StillReturnsAll(string method)
    {
        var document = TestDocuments.FromSentences("It was.", "They did.", "He is.");

        var summary = Create(method).Summarize(document, SummaryLength.Sentences(3));

        Assert.Equal([0, 1, 2], summary.Indices);
    }

    [Theory]
    [MemberData(nameof(ExtractiveMethods))]
    public void Summarize_TwentyPercentOfShortDocument_ReturnsAtLeastOne(string method)
    {
        var document = TestDocuments.FromSentences("Storms hit the coast.", "Power failed in many towns.");

        var summary = Create(method).Summarize(document, SummaryLength.Parse("20%"));

        Assert.Single(summary.Sentences);
    }

    [Theory]
    [MemberData(nameof(ExtractiveMethods))]
    public void Summarize_SeedWithSentenceCount_ReturnsThatMany(string method)
    {
        var document = TestDocuments.Seed();

        var summary = Create(method).Summarize(document, SummaryLength.Sentences(3));

        Assert.Equal(3, summary.Sentences.Count);
    }

    [Theory]
    [MemberData(nameof(ExtractiveMethods))]
    public void Summarize_SeedWithWordBudget_RespectsBudget(string method)
    {
        var document = TestDocuments.Seed();
        var budget = 90;

        var summary = Create(method).Summarize(document, SummaryLength.Words(budget));

        Assert.NotEmpty(summary.Sentences);
        Assert.True(summary.Sentences.Count == 1 || summary.WordCount <= budget,
            $"{summary.WordCount} words in {summary.Sentences.Count} sentences exceed the budget of {budget}.");
    }

    [Theory]
    [MemberData(nameof(ExtractiveMethods))]
    public void Summarize_TinyWordBudget_ReturnsOneSentence(string method)
    {
        var summary = Create(method).Summarize(TestDocuments.Seed(), SummaryLength.Words(1));

        Assert.Single(summary.Sentences);
    }

    [Theory]
    [MemberData(nameof(ExtractiveMethods))]
    public void Summarize_Seed_ResultIsInDocumentOrder(string method)
    {
        var summary = Create(method).Summarize(TestDocuments.Seed(), SummaryLength.Sentences(5));

        var indices = summary.Indices;
        for (var i = 1; i < indices.Count; i++)
        {
            Assert.True(indices[i - 1] < indices[i], $"Indices not ascending: {string.Join(", ", indices)}.");
        }
    }

    [Theory]
    [MemberData(nameof(ExtractiveMethods))]
    public void Summarize_SameInputTwice_GivesSameResult(string method)
    {
        var summarizer = Create(method);

        var first = summarizer.Summarize(TestDocuments.Seed(), SummaryLength.Sentences(4));
        var second = Create(method).Summarize(TestDocuments.Seed(), SummaryLength.Sentences(4));

        Assert.Equal(first.Sentences, second.Sentences);
    }

    [Theory]
    [MemberData(nameof(ExtractiveMethods))]
    public void Summarize_ManyThreadsAtOnce_AgreeWithSingleThread(string method)
    {
        var summarizer = Create(method);
        var document = TestDocuments.Seed();
        var expected = summarizer.Summarize(document, SummaryLength.Sentences(3)).Indices;

        var results = new IReadOnlyList<int>[16];
        Parallel.For(0, results.Length, i => results[i] = summarizer.Summarize(document, SummaryLength.Sentences(3)).Indices);

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Theory]
    [MemberData(nameof(ExtractiveMethods))]
    public void Create_EveryCatalogOptionAtItsDefault_IsAccepted(string method)
    {
        var entry = SummarizerCatalog.Find(method);
        var options = entry.Options.ToDictionary(o => o.Name, o => o.DefaultValue);

        var summarizer = entry.Create(options);

        Assert.Equal(entry.Name, summarizer.Name);
        Assert.Equal(3, summarizer.Summarize(TestDocuments.Seed(), SummaryLength.Sentences(3)).Sentences.Count);
    }

    [Theory]
    [MemberData(nameof(ExtractiveMethods))]
    public void Create_UnknownOption_FailsNamingTheOption(string method)
    {
        var options = new Dictionary<string, string> { ["no-such-option"] = "1" };

        var error = Assert.Throws<UserInputException>(() => SummarizerCatalog.Create(method, options));

        Assert.Contains("no-such-option", error.Message);
    }

    [Theory]
    [MemberData(nameof(ExtractiveMethods))]
    public void Create_MalformedOptionValue_FailsNamingTheOption(string method)
    {
        var entry = SummarizerCatalog.Find(method);
        foreach (var option in entry.Options)
        {
            var options = new Dictionary<string, string> { [option.Name] = "not-a-value" };

            var error = Assert.Throws<UserInputException>(() => entry.Create(options));

            Assert.Contains(option.Name, error.Message);
        }
    }

    [Theory]
    [MemberData(nameof(ExtractiveMethods))]
    public void Method_Entry_IsDescribedWithDefaults(string method)
    {
        var entry = SummarizerCatalog.Find(method);

        Assert.False(string.IsNullOrWhiteSpace(entry.Title));
        Assert.False(string.IsNullOrWhiteSpace(entry.Description));
        Assert.Equal(SummarizerKind.Extractive, entry.Kind);
        Assert.Equal(entry.Name, entry.Create().Name);
        Assert.All(entry.Options, o =>
        {
            Assert.False(string.IsNullOrWhiteSpace(o.Description));
            Assert.False(string.IsNullOrWhiteSpace(o.DefaultValue));
            Assert.False(string.IsNullOrWhiteSpace(o.Accepts));
            // The documented default is itself accepted.
            Assert.Empty(entry.Validate(new Dictionary<string, string> { [o.Name] = o.DefaultValue }));
        });
    }
}
