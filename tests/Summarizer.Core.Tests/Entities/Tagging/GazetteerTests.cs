using Summarizer.Entities.Tagging;

namespace Summarizer.Core.Tests.Entities.Tagging;

public class GazetteerTests
{
    [Fact]
    public void AddList_NamesAndNameParts_AnnotateTokens()
    {
        var gazetteer = new Gazetteer();
        gazetteer.AddList(new StringReader("LOC\tnew york\nFIRST\tada\nLAST\tlovelace\nCOUNTRY\tfrance\n"), "names.tsv");
        var output = new int[5];

        gazetteer.Annotate(["ada", "lovelace", "left", "new", "york"], output);

        Assert.Equal(1 << 12, output[0] & 0x3000);
        Assert.Equal(1 << 13, output[1] & 0x3000);
        Assert.Equal(0, output[2]);
        Assert.Equal(1 << Gazetteer.LabelIndex("LOC"), output[3] & 0x0F);
        Assert.Equal(1 << (4 + Gazetteer.LabelIndex("LOC")), output[4] & 0xF0);
        Assert.NotEqual(0, gazetteer.Lookup("france") & Gazetteer.CountryBit);
        Assert.Equal(0, gazetteer.Lookup("new york") & Gazetteer.CountryBit);
    }

    [Fact]
    public void AddList_NameWithLettersBeyondAscii_IsAlsoKnownInPlainLetters()
    {
        var gazetteer = new Gazetteer();
        gazetteer.AddList(new StringReader("LOC\ttromsø\nLOC\tkraków\nLAST\tstraße\n"), "names.tsv");

        Assert.NotEqual(0, gazetteer.Lookup("tromsø") & (1 << Gazetteer.LabelIndex("LOC")));
        Assert.NotEqual(0, gazetteer.Lookup("tromso") & (1 << Gazetteer.LabelIndex("LOC")));
        Assert.NotEqual(0, gazetteer.Lookup("krakow") & (1 << Gazetteer.LabelIndex("LOC")));
        Assert.NotEqual(0, gazetteer.Lookup("strasse") & Gazetteer.LastNameBit);
    }

    [Theory]
    [InlineData("tromsø", "tromso")]
    [InlineData("łódź", "lodz")]
    [InlineData("æbeltoft", "aebeltoft")]
    [InlineData("são paulo", "sao paulo")]
    [InlineData("paris", "paris")]
    public void Fold_Phrase_IsSpeltInPlainLatinLetters(string phrase, string expected)
    {
        Assert.Equal(expected, Gazetteer.Fold(phrase));
    }

    [Fact]
    public void AddList_UnknownLabel_NamesSourceAndLine()
    {
        var gazetteer = new Gazetteer();

        var error = Assert.Throws<FormatException>(() =>
            gazetteer.AddList(new StringReader("# comment\nLOC\tparis\nTOWN\tlyon\n"), "names.tsv"));

        Assert.StartsWith("names.tsv:3:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddList_MultiWordFirstName_IsRejected()
    {
        var gazetteer = new Gazetteer();

        var error = Assert.Throws<FormatException>(() => gazetteer.AddList(new StringReader("FIRST\tmary ann\n"), "names.tsv"));

        Assert.StartsWith("names.tsv:1:", error.Message, StringComparison.Ordinal);
    }
}
