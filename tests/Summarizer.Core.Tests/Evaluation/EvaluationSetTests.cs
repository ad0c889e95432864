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
}
