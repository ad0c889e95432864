using Summarizer;
using Summarizer.Summarization;

namespace Summarizer.Core.Tests.Summarization;

public class SummarizerCatalogTests
{
    [Theory]
    [InlineData("lead", "lead")]
    [InlineData("luhn", "luhn")]
    [InlineData("edmundson", "edmundson")]
    [InlineData("text-rank", "textrank")]
    [InlineData("TextRank", "textrank")]
    [InlineData("lex-rank", "lexrank")]
    [InlineData("lsa", "lsa")]
    [InlineData("sum-basic", "sumbasic")]
    [InlineData("sum_basic", "sumbasic")]
    [InlineData("kl-sum", "klsum")]
    [InlineData("kl", "klsum")]
    public void Find_NameOrAlias_ReturnsMethod(string name, string expected)
    {
        var method = SummarizerCatalog.Find(name);

        Assert.Equal(expected, method.Name);
    }

    [Fact]
    public void Methods_NamesAndAliases_BelongToOneMethodEach()
    {
        var keys = SummarizerCatalog.Methods
            .SelectMany(m => m.Aliases.Append(m.Name)
                .Select(n => n.Replace("-", "").Replace("_", "").ToLowerInvariant())
                .Distinct())
            .ToList();

        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void Default_IsFirstExtractiveMethod()
    {
        Assert.Same(SummarizerCatalog.Methods[0], SummarizerCatalog.Default);
        Assert.Equal(SummarizerKind.Extractive, SummarizerCatalog.Default.Kind);
    }

    [Fact]
    public void Find_UnknownName_ListsKnownMethods()
    {
        var error = Assert.Throws<UserInputException>(() => SummarizerCatalog.Find("pagerank-ish"));

        Assert.Contains("textrank", error.Message);
        Assert.Contains("klsum", error.Message);
    }
}
