using Summarizer.Sharding;

namespace Summarizer.Core.Tests.Sharding;

public sealed class ShardMergeTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "summarizer-merge-tests", Guid.NewGuid().ToString("N"));

    public ShardMergeTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task MergeAsync_ShuffledParts_OrdersBySourcePathThenLineNumberThenIdAndKeepsLinesVerbatim()
    {
        var a = Write("a.jsonl",
            """{"id":"x10","source":"in.jsonl:10","summary":"ten"}""",
            """{"id":"x2","source":"in.jsonl:2","summary":"two é"}""",
            """{"id":"m","source":"missing.txt","error":"missing.txt: no such file"}""");
        var b = Write("b.jsonl",
            """{"source":"in.jsonl:1","id":"x1","summary":"one"}""",
            "",
            """{"id":"e2","entities":[]}""",
            """{"id":"e1","entities":[{"text":"Oslo"}]}""");

        using var output = new StringWriter();
        var rows = await ShardMerge.MergeAsync([a, b], output);

        Assert.Equal(6, rows);
        Assert.Equal(
        [
            """{"id":"e1","entities":[{"text":"Oslo"}]}""",
            """{"id":"e2","entities":[]}""",
            """{"source":"in.jsonl:1","id":"x1","summary":"one"}""",
            """{"id":"x2","source":"in.jsonl:2","summary":"two é"}""",
            """{"id":"x10","source":"in.jsonl:10","summary":"ten"}""",
            """{"id":"m","source":"missing.txt","error":"missing.txt: no such file"}""",
        ], output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task MergeAsync_LineThatIsNotAnObject_NamesFileAndLine()
    {
        var a = Write("a.jsonl", """{"id":"ok"}""", "[1,2]");

        var error = await Assert.ThrowsAsync<UserInputException>(() => ShardMerge.MergeAsync([a], TextWriter.Null));

        Assert.StartsWith(a + ":2: not a JSON object", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MergeAsync_MissingPart_SaysWhichFile()
    {
        var missing = Path.Combine(_dir, "nope.jsonl");

        var error = await Assert.ThrowsAsync<UserInputException>(() => ShardMerge.MergeAsync([missing], TextWriter.Null));

        Assert.Equal(missing + ": no such file.", error.Message);
    }

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }
}
