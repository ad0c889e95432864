using Summarizer.Evaluation;

namespace Summarizer.Core.Tests.Evaluation;

public sealed class RougeTokenizerTests
{
    [Fact]
    public void Tokens_PunctuationHyphensAndCase_SplitLikeRouge155()
    {
        Assert.Equal(["the", "u", "s", "cat", "s", "co", "op", "5", "000"], RougeTokenizer.Tokens("The U.S. cat's co-op: $5,000!"));
    }

    [Fact]
    public void Tokens_NonAsciiLetters_ActAsSeparators()
    {
        Assert.Equal(["caf", "na", "ve"], RougeTokenizer.Tokens("Café naïve"));
    }

    [Fact]
    public void Tokens_LoneHyphensAndSymbols_AreDropped()
    {
        Assert.Equal(["a", "b"], RougeTokenizer.Tokens("a -- b - & ("));
    }

    [Fact]
    public void Sentences_EmptyLinesDropped_BlankLinesKeptAsEmptyUnits()
    {
        var sentences = RougeTokenizer.Sentences("one\n\n \ntwo\n");

        Assert.Equal(3, sentences.Count);
        Assert.Equal(["one"], sentences[0]);
        Assert.Empty(sentences[1]);
        Assert.Equal(["two"], sentences[2]);
    }

    [Theory]
    [InlineData("children", "child")]
    [InlineData("geese", "goose")]
    [InlineData("went", "go")]
    public void Stem_WordInExceptionMap_ReturnsWordNetBaseForm(string word, string expected)
    {
        Assert.Equal(expected, RougeTokenizer.Stem(word));
    }

    [Theory]
    [InlineData("was")]
    [InlineData("men")]
    [InlineData("sat")]
    public void Stem_ThreeLettersOrFewer_IsNeitherMappedNorStemmed(string word)
    {
        Assert.True(RougeTokenizer.Exceptions.ContainsKey(word));
        Assert.Equal(word, RougeTokenizer.Stem(word));
    }

    [Fact]
    public void Exceptions_EmbeddedMap_HasAllWordNet20Pairs()
    {
        Assert.Equal(5930, RougeTokenizer.Exceptions.Count);
        Assert.Equal("abet", RougeTokenizer.Exceptions["abetted"]);
    }

    [Theory]
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("agreed", "agre")]
    [InlineData("hopping", "hop")]
    [InlineData("filing", "file")]
    [InlineData("happy", "happi")]
    [InlineData("relational", "relat")]
    [InlineData("generalizations", "gener")]
    [InlineData("yesterday", "yesterdai")]
    [InlineData("controlling", "control")]
    public void Stem_RegularWord_FollowsPorter(string word, string expected)
    {
        Assert.Equal(expected, RougeTokenizer.Stem(word));
    }

    [Theory]
    [InlineData("agreement", "agreem")]
    [InlineData("element", "elem")]
    [InlineData("argument", "argum")]
    [InlineData("apology", "apolog")]
    public void Stem_RougeModifiedRules_DifferFromTextbookPorter(string word, string expected)
    {
        // ROUGE-1.5.5 tries -ment and -ent after the main step-4 rule and has the -logi rule; textbook Porter keeps these longer.
        Assert.Equal(expected, RougeTokenizer.Stem(word));
    }
}
