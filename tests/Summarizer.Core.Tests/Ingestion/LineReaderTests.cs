using Summarizer.Ingestion;

namespace Summarizer.Core.Tests.Ingestion;

public sealed class LineReaderTests
{
    private static List<LineRead> ReadAll(string text, long maxChars)
    {
        var reader = new LineReader(new StringReader(text), maxChars);
        var lines = new List<LineRead>();
        while (reader.Read() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }

    [Fact]
    public void Read_EachKindOfLineEnd_EndsALine()
    {
        var lines = ReadAll("a\r\nb\rc\nd", 100);

        Assert.Equal([new(1, "a"), new(2, "b"), new(3, "c"), new(4, "d")], lines);
    }

    [Fact]
    public void Read_CrLfSplitAcrossTwoReads_IsOneLineEnd()
    {
        // The reader fills 16K characters at a time: the \r is the last of the first fill, the \n the first of the next.
        var first = new string('x', (16 * 1024) - 1);

        var lines = ReadAll(first + "\r\nnext\n\nlast\n", 1_000_000);

        Assert.Equal([new(1, first), new(2, "next"), new(3, ""), new(4, "last")], lines);
    }

    [Fact]
    public void Read_LineOverTheLimit_IsSkippedAndTheNextLinesAreRead()
    {
        var lines = ReadAll("short\n" + new string('y', 100_000) + "\r\nafter\n", 10);

        Assert.Equal([new(1, "short"), new(2, null), new(3, "after")], lines);
        Assert.True(lines[1].TooLong);
    }

    [Fact]
    public void Read_LineExactlyAtTheLimit_IsKept()
    {
        var lines = ReadAll("0123456789\n", 10);

        Assert.Equal("0123456789", Assert.Single(lines).Text);
    }

    [Fact]
    public async Task ReadAsync_SameInput_GivesTheSameLinesAsRead()
    {
        var text = "one\r\n" + new string('z', 40_000) + "\ntwo\rthree";
        var reader = new LineReader(new StringReader(text), 30_000);
        var lines = new List<LineRead>();
        while (await reader.ReadAsync(CancellationToken.None) is { } line)
        {
            lines.Add(line);
        }

        Assert.Equal(ReadAll(text, 30_000), lines);
    }
}
