using Summarizer.Entities.Training;

namespace Summarizer.Core.Tests.Entities.Training;

public class BtcCorpusTests
{
    private static TempFolder Sections()
    {
        var folder = new TempFolder();
        foreach (var section in new[] { "a", "b", "e", "f", "g" })
        {
            folder.Write($"{section}.conll", $"{section.ToUpperInvariant()}\tO\nParis\tB-LOC\n\n");
        }

        folder.Write("h.conll", "H1\tO\n\nH2\tO\n\nH3\tO\n\nH4\tO\n\n");
        return folder;
    }

    [Fact]
    public void ReadSplit_Test_IsSectionF()
    {
        using var folder = Sections();

        var test = BtcCorpus.ReadSplit(folder.Path, NerSplit.Test);

        Assert.Equal("F", Assert.Single(test).Tokens[0]);
    }

    [Fact]
    public void ReadSplit_Dev_IsTheSecondHalfOfSectionH()
    {
        using var folder = Sections();

        var dev = BtcCorpus.ReadSplit(folder.Path, NerSplit.Dev);

        Assert.Equal(["H3", "H4"], dev.Select(s => s.Tokens[0]));
    }

    [Fact]
    public void ReadSplit_Train_IsTheOtherSectionsAndTheFirstHalfOfH()
    {
        using var folder = Sections();

        var train = BtcCorpus.ReadSplit(folder.Path, NerSplit.Train);

        Assert.Equal(["A", "B", "E", "G", "H1", "H2"], train.Select(s => s.Tokens[0]));
        Assert.Equal(train.Count, train.Select(s => s.DocumentIndex).Distinct().Count());
        Assert.Equal([new TokenSpan(1, 2, "LOC")], ConllCorpus.Spans(train[0].Tags));
    }

    [Fact]
    public void ReadSplit_WhitespaceToken_IsSkipped()
    {
        using var folder = Sections();
        folder.Write("f.conll", "from\tO\nMontpellier\tB-LOC\n \t O\n\tO\nhttps://t.co/x\tO\n\n");

        var test = BtcCorpus.ReadSplit(folder.Path, NerSplit.Test);

        Assert.Equal(["from", "Montpellier", "https://t.co/x"], Assert.Single(test).Tokens);
    }
}
