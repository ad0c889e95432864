using System.Text;
using Summarizer.Ingestion;

namespace Summarizer.Core.Tests.Ingestion;

public sealed class ArticleLoaderErrorTests : IDisposable
{
    private static readonly LoadOptions Options = new() { DetectLanguage = false };
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static async Task<LoadFailure> SingleFailure(string input, LoadOptions? options = null)
    {
        var result = await ArticleLoader.LoadAsync([input], options ?? Options);
        Assert.Empty(result.Articles);
        return Assert.Single(result.Failures);
    }

    [Fact]
    public async Task LoadAsync_EmptyFile_NamesTheFile()
    {
        var path = _temp.File("empty.txt", "");

        var failure = await SingleFailure(path);

        Assert.Equal(path, failure.Source);
        Assert.Equal($"{path}: empty file", failure.Message);
    }

    [Fact]
    public async Task LoadAsync_WhitespaceOnlyFile_ReportsNoText()
    {
        var path = _temp.File("blank.md", "  \n\n \t\n");

        var failure = await SingleFailure(path);

        Assert.Equal($"{path}: empty, no article text", failure.Message);
    }

    [Fact]
    public async Task LoadAsync_FileWithNulBytes_ReportsBinary()
    {
        var path = _temp.File("photo.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x01]);

        var failure = await SingleFailure(path);

        Assert.StartsWith(path + ": binary content", failure.Message);
    }

    [Fact]
    public async Task LoadAsync_FileOfControlCharacters_ReportsBinary()
    {
        var bytes = Enumerable.Range(0, 200).Select(i => (byte)(i % 2 == 0 ? 0x01 + (i % 7) : 0x41)).ToArray();
        var path = _temp.File("noise.txt", bytes);

        var failure = await SingleFailure(path);

        Assert.StartsWith(path + ": binary content", failure.Message);
        Assert.Contains("control characters", failure.Message);
    }

    [Fact]
    public async Task LoadAsync_FileOverSizeCap_ReportsSizeAndLimit()
    {
        var path = _temp.File("long.txt", new string('x', 300) + ".");

        var failure = await SingleFailure(path, Options with { MaxBytes = 100 });

        Assert.Equal($"{path}: 301 bytes, over the 100 bytes limit (LoadOptions.MaxBytes)", failure.Message);
    }

    [Fact]
    public async Task LoadAsync_InvalidUtf8AfterUtf8Bom_ReportsUndecodable()
    {
        var path = _temp.File("broken.txt", [0xEF, 0xBB, 0xBF, (byte)'A', (byte)'b', 0xC3, 0x28, (byte)'c', (byte)'.']);

        var failure = await SingleFailure(path);

        Assert.StartsWith(path + ": cannot be decoded as utf-8", failure.Message);
    }

    [Fact]
    public async Task LoadAsync_MissingFile_NamesIt()
    {
        var path = Path.Combine(_temp.Root, "nowhere.txt");

        var failure = await SingleFailure(path);

        Assert.Equal($"{path}: no such file or folder", failure.Message);
    }

    [Theory]
    [InlineData("fake.pdf")]
    [InlineData("fake.docx")]
    [InlineData("fake.parquet")]
    public async Task LoadAsync_CorruptDocument_NamesTheFile(string name)
    {
        var path = _temp.File(name, "This is not really a binary document at all, just some text.");

        var failure = await SingleFailure(path);

        Assert.Equal(path, failure.Source);
        Assert.StartsWith(path + ": cannot be read", failure.Message);
    }

    [Fact]
    public async Task LoadAsync_FeedThatIsNotXml_NamesTheFile()
    {
        var path = _temp.File("feed.xml", "just words, no feed here");

        var failure = await SingleFailure(path);

        Assert.StartsWith(path + ": not a readable RSS or Atom feed", failure.Message);
    }

    [Fact]
    public async Task LoadAsync_FolderWithOneBadFile_ReportsItAndKeepsTheRest()
    {
        _temp.File("a.txt", "Alpha story\n\nThe first story has a body.");
        var bad = _temp.File("b.txt", [0x00, 0x01, 0x02, 0x03, 0x00]);
        _temp.File("sub/c.md", "# Gamma story\n\nThe third story has a body.");
        _temp.File("notes.bin", [0x00, 0x01]);
        _temp.File("README.md", "# About\n\nThis folder is for tests.");

        var result = await ArticleLoader.LoadAsync([_temp.Root], Options);

        Assert.Equal(["Alpha story", "Gamma story"], result.Articles.Select(a => a.Title));
        var failure = Assert.Single(result.Failures);
        Assert.Equal(bad, failure.Source);
        Assert.Contains("binary content", failure.Message);
    }

    [Fact]
    public async Task LoadAsync_JsonLinesWithBadLines_ReportsLineAndFieldAndKeepsGoodOnes()
    {
        var lines = new[]
        {
            """{"id": "a1", "title": "First", "text": "The first article."}""",
            """{"id": "a2", "title": "Second" """,
            """{"id": "a3", "title": "Third"}""",
            "",
            """{"id": "a5", "text": 42}""",
            """{"id": {"x": 1}, "text": "Object id."}""",
            """["not", "an", "object"]""",
            """{"id": 8, "article": "Eighth article, read from the article field.", "date": "2026-01-02"}""",
            """{"text": "Bad date.", "date": "someday"}""",
            """{"text": "   "}""",
        };
        var path = _temp.File("batch.jsonl", string.Join("\n", lines) + "\n");

        var result = await ArticleLoader.LoadAsync([path], Options);

        Assert.Equal(["a1", "8"], result.Articles.Select(a => a.Id));
        Assert.Equal($"{path}:8", result.Articles[1].Source);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero), result.Articles[1].Date);
        Assert.Collection(
            result.Failures,
            f => Assert.StartsWith($"{path}:2: invalid JSON", f.Message),
            f => Assert.Equal($"{path}:3: no text field (looked for 'text', 'article')", f.Message),
            f => Assert.Equal($"{path}:5: field 'text' is a number, expected a string", f.Message),
            f => Assert.Equal($"{path}:6: field 'id' is an object, expected a string or an integer", f.Message),
            f => Assert.Equal($"{path}:7: expected a JSON object, found array", f.Message),
            f => Assert.Equal($"{path}:9: field 'date' is not a date: 'someday'", f.Message),
            f => Assert.Equal($"{path}:10: field 'text' is empty", f.Message));
        Assert.All(result.Failures, f => Assert.StartsWith(path + ":", f.Source));
    }

    [Fact]
    public async Task LoadAsync_JsonLinesWithCustomFields_UsesThem()
    {
        var path = _temp.File("custom.jsonl", """{"doc": "d1", "headline": "Custom", "body": "Body of the custom record."}""" + "\n");
        var options = Options with { IdField = "doc", TitleField = "headline", TextFields = ["body"] };

        var result = await ArticleLoader.LoadAsync([path], options);

        var article = Assert.Single(result.Articles);
        Assert.Equal("d1", article.Id);
        Assert.Equal("Custom", article.Title);
        Assert.Equal("Body of the custom record.", article.Text);
    }

    [Fact]
    public async Task LoadAsync_JsonLinesWithoutId_UsesContentHash()
    {
        var path = _temp.File("noid.jsonl", """{"text": "No id here."}""" + "\n");

        var article = Assert.Single((await ArticleLoader.LoadAsync([path], Options)).Articles);

        Assert.Equal(ArticleId.ForText("No id here."), article.Id);
    }

    [Fact]
    public async Task LoadAsync_CsvRowWithWrongFieldCount_ReportsLineAndKeepsOtherRows()
    {
        var path = _temp.File("rows.csv", "id,title,text\nr1,One,\"First body,\nover two lines.\"\nr2,Two\nr3,Three,Third body.\n");

        var result = await ArticleLoader.LoadAsync([path], Options);

        Assert.Equal(["r1", "r3"], result.Articles.Select(a => a.Id));
        Assert.Equal("First body,\nover two lines.", result.Articles[0].Text);
        Assert.Equal($"{path}:5", result.Articles[1].Source);
        var failure = Assert.Single(result.Failures);
        Assert.Equal($"{path}:4: the row has 2 fields, the header has 3", failure.Message);
    }

    [Fact]
    public async Task LoadAsync_CsvWithoutTextColumn_ReportsEachRow()
    {
        var path = _temp.File("notext.csv", "id,headline\n1,Hello\n");

        var failure = await SingleFailure(path);

        Assert.Equal($"{path}:2: no text field (looked for 'text', 'article')", failure.Message);
    }
}
