using Summarizer.Entities.Training;

namespace Summarizer.Core.Tests.Entities.Training;

public class UnerCorpusTests
{
    private const string Sample = """
        # newdoc id = weblog-1
        # sent_id = weblog-1-0001
        # text = Al-Zaman : American forces killed Shaikh Abdullah near Qaim.
        1	Al	B-ORG	-	stephen
        2	-	I-ORG	-	stephen
        3	Zaman	I-ORG	-	stephen
        4	:	O
        5	American	B-OTH	-	stephen
        6	forces	O
        7	killed	O
        8	Shaikh	B-PER	-	stephen
        9	Abdullah	I-PER	-	stephen
        10	near	O
        11	Qaim	B-LOC	-	stephen
        12	.	B-O	-	stephen

        # sent_id = weblog-1-0002
        1	Baghdad	B-LOC	-	stephen
        2	waits	O

        # newdoc id = email-2
        1	Thanks	O
        2	,	O
        3	Kim	B-PER	-	dan

        """;

    [Fact]
    public void Read_Sample_MapsOthToMiscAndStrayBOToO()
    {
        using var folder = new TempFolder();
        var file = folder.Write("en_ewt-ud-train.iob2", Sample);

        var sentences = UnerCorpus.Read(file);

        Assert.Equal(3, sentences.Count);
        Assert.Equal(["Al", "-", "Zaman", ":", "American", "forces", "killed", "Shaikh", "Abdullah", "near", "Qaim", "."], sentences[0].Tokens);
        Assert.Equal([new TokenSpan(0, 3, "ORG"), new TokenSpan(4, 5, "MISC"), new TokenSpan(7, 9, "PER"), new TokenSpan(10, 11, "LOC")],
            ConllCorpus.Spans(sentences[0].Tags));
        Assert.Equal("O", sentences[0].Tags[^1]);
    }

    [Fact]
    public void Read_NewdocLines_GroupSentencesIntoDocuments()
    {
        using var folder = new TempFolder();
        var file = folder.Write("en_ewt-ud-train.iob2", Sample);

        var sentences = UnerCorpus.Read(file);

        Assert.Equal([0, 0, 1], sentences.Select(s => s.DocumentIndex));
    }

    [Fact]
    public void Read_UnknownTag_NamesFileAndLine()
    {
        using var folder = new TempFolder();
        var file = folder.Write("x-test.iob2", "1\tParis\tB-GPE\n");

        var error = Assert.Throws<FormatException>(() => UnerCorpus.Read(file));

        Assert.Contains($"{file}:1", error.Message, StringComparison.Ordinal);
        Assert.Contains("B-GPE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadSplit_FolderWithOnlyATestFile_SplitsDocumentsByParity()
    {
        using var folder = new TempFolder();
        var text = string.Concat(Enumerable.Range(0, 4).Select(d => $"# newdoc id = d{d}\n1\tDoc{d}\tB-PER\n\n"));
        folder.Write("en_pud-ud-test.iob2", text);

        var train = UnerCorpus.ReadSplit(folder.Path, NerSplit.Train);
        var test = UnerCorpus.ReadSplit(folder.Path, NerSplit.Test);
        var dev = UnerCorpus.ReadSplit(folder.Path, NerSplit.Dev);

        Assert.Equal(["Doc0", "Doc2"], train.Select(s => s.Tokens[0]));
        Assert.Equal(["Doc1", "Doc3"], test.Select(s => s.Tokens[0]));
        Assert.Empty(dev);
    }

    [Fact]
    public void ReadSplit_FolderWithAllSplits_ReadsTheNamedFile()
    {
        using var folder = new TempFolder();
        folder.Write("en_ewt-ud-train.iob2", "1\tTrain\tO\n");
        folder.Write("en_ewt-ud-dev.iob2", "1\tDev\tO\n");
        folder.Write("en_ewt-ud-test.iob2", "1\tTest\tO\n");

        Assert.Equal("Dev", UnerCorpus.ReadSplit(folder.Path, NerSplit.Dev).Single().Tokens[0]);
        Assert.Equal("Test", UnerCorpus.ReadSplit(folder.Path, NerSplit.Test).Single().Tokens[0]);
    }
}
