using Summarizer.Evaluation;

namespace Summarizer.Core.Tests.Evaluation;

public sealed class EvaluationSetTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"evalset-{Guid.NewGuid():N}.jsonl");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void ReadJsonl_HighlightsWithLines_KeepsOneSentencePerLine()
    {
        File.WriteAllText(_path, """{"id":"a","article":"one . two .","highlights":"first line .\nsecond line ."}""" + "\n");

        var item = Assert.Single(EvaluationSet.ReadJsonl(_path));

        Assert.Equal("a", item.Article.Id);
        Assert.Equal("first line .\nsecond line .", Assert.Single(item.References));
    }

    [Fact]
    public void ReadJsonl_TitleRepeatedAsFirstLine_MovesItToMetadata()
    {
        File.WriteAllText(_path, """{"id":"b","title":"Shares jump","article":"Shares jump\n\nShares rose 5%.","summary":"Shares rose 5%."}""" + "\n");

        var item = Assert.Single(EvaluationSet.ReadJsonl(_path));

        Assert.Equal("Shares jump", item.Article.Title);
        Assert.Equal("Shares rose 5%.", item.Article.Text);
    }

    [Fact]
    public void ReadJsonl_GluedReferenceSentences_SplitsThem()
    {
        File.WriteAllText(_path, """{"id":"c","article":"x","summary":"Profits rose 76%.TimeWarner said sales rose."}""" + "\n");

        var item = Assert.Single(EvaluationSet.ReadJsonl(_path));

        Assert.Equal("Profits rose 76%.\nTimeWarner said sales rose.", item.References[0]);
    }

    [Fact]
    public void ReadJsonl_MissingReference_ThrowsNamingFileAndLine()
    {
        File.WriteAllText(_path, "\n" + """{"id":"d","article":"text"}""" + "\n");

        var error = Assert.Throws<FormatException>(() => EvaluationSet.ReadJsonl(_path));

        Assert.Contains($"{_path}:2", error.Message);
        Assert.Contains("highlights", error.Message);
    }

    [Fact]
    public void Read_MalformedLines_SkipsEachNamingFileAndLineAndKeepsTheRest()
    {
        File.WriteAllLines(_path,
        [
            """{"id":"a","article":"First story.","highlights":"First."}""",
            """{"id":"broken","article": """,
            """[1, 2, 3]""",
            """{"id":"n","article":"Text.","highlights":42}""",
            "",
            """{"id":"b","article":"Second story.","summary":["One.","Two."]}""",
        ]);

        var set = EvaluationSet.Read(_path);

        Assert.Equal(["a", "b"], set.Items.Select(i => i.Article.Id));
        Assert.Equal([$"{_path}:2", $"{_path}:3", $"{_path}:4"], set.Skipped.Select(s => s.Source));
        Assert.StartsWith($"{_path}:2: invalid JSON (", set.Skipped[0].Message);
        Assert.Equal($"{_path}:3: expected a JSON object, found array.", set.Skipped[1].Message);
        Assert.Equal($"{_path}:4: field 'highlights' is number, expected a string or an array of strings.", set.Skipped[2].Message);
    }

    [Fact]
    public void Read_Limit_StopsAfterThatManyUsableRecords()
    {
        File.WriteAllLines(_path,
        [
            """{"id":"a","article":"One.","highlights":"One."}""",
            "not json",
            """{"id":"b","article":"Two.","highlights":"Two."}""",
            """{"id":"c","article":"Three.","highlights":"Three."}""",
        ]);

        var set = EvaluationSet.Read(_path, limit: 2);

        Assert.Equal(["a", "b"], set.Items.Select(i => i.Article.Id));
        Assert.Equal($"{_path}:2", Assert.Single(set.Skipped).Source);
    }
}
