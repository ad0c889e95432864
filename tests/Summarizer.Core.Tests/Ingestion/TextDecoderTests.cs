using System.Text;
using Summarizer.Ingestion;

namespace Summarizer.Core.Tests.Ingestion;

public sealed class TextDecoderTests : IDisposable
{
    private const string Sample = "Café prices rise\n\nPARIS: The café’s owner, Zoë Müller, said “enough” on Monday.";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string, byte[]> Encodings()
    {
        var data = new TheoryData<string, byte[]>
        {
            { "utf8-no-bom", new UTF8Encoding(false).GetBytes(Sample) },
            { "utf8-bom", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Sample)] },
            { "utf16le-bom", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Sample)] },
            { "utf16le-no-bom", Encoding.Unicode.GetBytes(Sample) },
            { "utf16be-bom", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Sample)] },
            { "utf16be-no-bom", Encoding.BigEndianUnicode.GetBytes(Sample) },
        };
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        data.Add("windows-1252", Encoding.GetEncoding(1252).GetBytes(Sample));
        return data;
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task LoadAsync_TextInEncoding_DecodesExactly(string name, byte[] bytes)
    {
        var path = _temp.File(name + ".txt", bytes);

        var result = await ArticleLoader.LoadAsync([path], new LoadOptions { DetectLanguage = false });

        Assert.Empty(result.Failures);
        var article = Assert.Single(result.Articles);
        Assert.Equal("Café prices rise", article.Title);
        Assert.Equal("PARIS", article.Place);
        Assert.Equal("The café’s owner, Zoë Müller, said “enough” on Monday.", article.Body);
    }

    [Fact]
    public void Decode_Windows1252Bytes_AreNotMistakenForUtf8()
    {
        // 0xE9 (é) and 0x92 (’) are invalid as UTF-8, so detection must fall through to a legacy code page.
        byte[] bytes = [.. "Caf"u8, 0xE9, .. " owner"u8, 0x92, .. "s menu."u8];

        var text = TextDecoder.Decode(bytes, "menu.txt");

        Assert.Equal("Café owner’s menu.", text);
    }

    [Fact]
    public async Task LoadAsync_CsvWhoseHeadEndsInsideAUtf8Character_IsReadAsUtf8()
    {
        // The encoding is sniffed from the first 4096 bytes; here they end between the two bytes of an "é".
        var lead = "id,text\nr1," + new string('a', 4096 - "id,text\nr1,".Length - 1);
        var path = _temp.File("cut.csv", new UTF8Encoding(false).GetBytes(lead + "é and more text.\nr2,Zoë Müller said so.\n"));

        var result = await ArticleLoader.LoadAsync([path], new LoadOptions { DetectLanguage = false });

        Assert.Empty(result.Failures);
        Assert.EndsWith("é and more text.", result.Articles[0].Text);
        Assert.Equal("Zoë Müller said so.", result.Articles[1].Text);
    }
}
