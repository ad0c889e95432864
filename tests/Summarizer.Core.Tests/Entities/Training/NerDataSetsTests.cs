using Summarizer.Entities.Training;

namespace Summarizer.Core.Tests.Entities.Training;

public class NerDataSetsTests
{
    [Fact]
    public void Detect_FolderLayouts_GiveTheirFormats()
    {
        using var conll = new TempFolder();
        conll.Write("train.conll", "Paris\tB-LOC\n");
        conll.Write("stats.json", "{}");
        using var uner = new TempFolder();
        uner.Write("en_pud-ud-test.iob2", "1\tParis\tB-LOC\n");
        using var redocred = new TempFolder();
        redocred.Write("dev_revised.json", "[]");
        using var crossner = new TempFolder();
        crossner.Write("music/train.txt", "Paris\tB-location\n");
        using var btc = new TempFolder();
        btc.Write("a.conll", "Paris\tB-LOC\n");

        Assert.Equal(NerDataFormat.Conll, NerDataSets.Detect(conll.Path));
        Assert.Equal(NerDataFormat.Uner, NerDataSets.Detect(uner.Path));
        Assert.Equal(NerDataFormat.ReDocred, NerDataSets.Detect(redocred.Path));
        Assert.Equal(NerDataFormat.CrossNer, NerDataSets.Detect(crossner.Path));
        Assert.Equal(NerDataFormat.Btc, NerDataSets.Detect(btc.Path));
    }

    [Fact]
    public void Detect_UnknownFolder_NamesIt()
    {
        using var folder = new TempFolder();
        folder.Write("notes.md", "nothing here");

        var error = Assert.Throws<FormatException>(() => NerDataSets.Detect(folder.Path));

        Assert.Contains(folder.Path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CrossNerFolder_JoinsDomainsAndKeepsDocumentsApart()
    {
        using var folder = new TempFolder();
        folder.Write("ai/dev.txt", "Hinton\tB-researcher\n\nLeCun\tB-researcher\n");
        folder.Write("music/dev.txt", "Oslo\tB-location\n");

        var dev = NerDataSets.Read(folder.Path, NerSplit.Dev);

        Assert.Equal(["Hinton", "LeCun", "Oslo"], dev.Select(s => s.Tokens[0]));
        Assert.Equal(["B-PER", "B-PER", "B-LOC"], dev.Select(s => s.Tags[0]));
        Assert.Equal(3, dev.Select(s => s.DocumentIndex).Distinct().Count());
    }

    [Fact]
    public void Read_ReDocredFolder_TrainsOnItsDevFileAndHasNoTestSplit()
    {
        using var folder = new TempFolder();
        folder.Write("dev_revised.json", """[{"sents": [["Oslo"]], "vertexSet": [[{"type": "LOC", "pos": [0, 1], "sent_id": 0}]]}]""");
        folder.Write("test_revised.json", """[{"sents": [["Bergen"]], "vertexSet": []}]""");

        Assert.Equal("Oslo", NerDataSets.Read(folder.Path, NerSplit.Train).Single().Tokens[0]);
        Assert.Equal("Bergen", NerDataSets.Read(folder.Path, NerSplit.Dev).Single().Tokens[0]);
        Assert.Empty(NerDataSets.Read(folder.Path, NerSplit.Test));
    }

    [Theory]
    [InlineData("../shared/data/conll2003-dev/eng.testa")]
    [InlineData("/data/ner/gmb")]
    [InlineData("/data/bbc/bbc_news_summary.jsonl")]
    public void IsMeasuringOnly_MeasuringSets_AreRecognised(string path)
    {
        Assert.True(NerDataSets.IsMeasuringOnly(path));
    }

    [Fact]
    public void IsMeasuringOnly_OpenSet_IsNot()
    {
        Assert.False(NerDataSets.IsMeasuringOnly("/data/ner/uner-ewt"));
    }
}
