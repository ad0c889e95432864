using Summarizer.Entities.Training;

namespace Summarizer.Core.Tests.Entities.Training;

public class ReDocredCorpusTests
{
    private const string Sample = """
        [{"title": "Willi Schneider",
          "sents": [["Willi", "Schneider", "(", "born", "13", "March", "1963", ")", "is", "a", "German", "racer", "from", "Medias", "."],
                    ["He", "won", "two", "FIBT", "World", "Championships", "for", "the", "United", "States", "Navy", "\u00a0", "team", "."]],
          "vertexSet": [
            [{"type": "PER", "pos": [0, 2], "name": "Willi Schneider", "sent_id": 0}],
            [{"type": "TIME", "pos": [4, 7], "name": "13 March 1963", "sent_id": 0}],
            [{"type": "LOC", "pos": [10, 11], "name": "German", "sent_id": 0}],
            [{"type": "LOC", "pos": [13, 14], "name": "Medias", "sent_id": 0}],
            [{"type": "NUM", "pos": [2, 3], "name": "two", "sent_id": 1}],
            [{"type": "MISC", "pos": [3, 6], "name": "FIBT World Championships", "sent_id": 1}],
            [{"type": "ORG", "pos": [8, 11], "name": "United States Navy", "sent_id": 1}],
            [{"type": "LOC", "pos": [8, 10], "name": "United States", "sent_id": 1}]]},
         {"title": "Second", "sents": [["Oslo", "."]], "vertexSet": [[{"type": "LOC", "pos": [0, 1], "sent_id": 0}]]}]
        """;

    [Fact]
    public void Read_Sample_TurnsMentionsIntoSpansAndDropsTimesAndNumbers()
    {
        using var folder = new TempFolder();
        var file = folder.Write("dev_revised.json", Sample);

        var sentences = ReDocredCorpus.Read(file);

        Assert.Equal([new TokenSpan(0, 2, "PER"), new TokenSpan(10, 11, "LOC"), new TokenSpan(13, 14, "LOC")], ConllCorpus.Spans(sentences[0].Tags));
        Assert.Equal("O", sentences[0].Tags[4]);
    }

    [Fact]
    public void Read_NestedMentions_KeepTheLongest()
    {
        using var folder = new TempFolder();
        var file = folder.Write("dev_revised.json", Sample);

        var sentences = ReDocredCorpus.Read(file);

        Assert.Equal([new TokenSpan(3, 6, "MISC"), new TokenSpan(8, 11, "ORG")], ConllCorpus.Spans(sentences[1].Tags));
    }

    [Fact]
    public void Read_BlankToken_IsDropped()
    {
        using var folder = new TempFolder();
        var file = folder.Write("dev_revised.json", Sample);

        var sentences = ReDocredCorpus.Read(file);

        Assert.Equal(["He", "won", "two", "FIBT", "World", "Championships", "for", "the", "United", "States", "Navy", "team", "."], sentences[1].Tokens);
        Assert.Equal(sentences[1].Tokens.Count, sentences[1].Tags.Count);
    }

    [Fact]
    public void Read_Documents_NumberTheirSentences()
    {
        using var folder = new TempFolder();
        var file = folder.Write("dev_revised.json", Sample);

        var sentences = ReDocredCorpus.Read(file);

        Assert.Equal([0, 0, 1], sentences.Select(s => s.DocumentIndex));
    }

    [Fact]
    public void Read_MentionOutsideItsSentence_NamesFileAndDocument()
    {
        using var folder = new TempFolder();
        var file = folder.Write("bad.json", """[{"sents": [["Oslo"]], "vertexSet": [[{"type": "LOC", "pos": [0, 3], "sent_id": 0}]]}]""");

        var error = Assert.Throws<FormatException>(() => ReDocredCorpus.Read(file));

        Assert.Contains($"{file}: document 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingField_NamesTheField()
    {
        using var folder = new TempFolder();
        var file = folder.Write("bad.json", """[{"sents": [["Oslo"]]}]""");

        var error = Assert.Throws<FormatException>(() => ReDocredCorpus.Read(file));

        Assert.Contains("'vertexSet'", error.Message, StringComparison.Ordinal);
    }
}
