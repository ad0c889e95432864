using Summarizer.Entities.Training;

namespace Summarizer.Core.Tests.Entities.Training;

public class CrossNerCorpusTests
{
    private static string Lines(params string[] sentences) =>
        string.Join("\n\n", sentences.Select(s => string.Join('\n', s.Split(' ').Select(p => p.Replace('|', '\t'))))) + "\n";

    [Fact]
    public void Read_FineTypes_MapOntoConllLabels()
    {
        using var folder = new TempFolder();
        var file = folder.Write("politics/train.txt", Lines(
            "Senator|O Bob|B-politician Dole|I-politician of|O the|O Republican|B-politicalparty Party|I-politicalparty visited|O Kansas|B-location "
            + "and|O Germany|B-country with|O The|B-magazine Spectator|I-magazine",
            "Jupiter|B-astronomicalobject won|O the|O Nobel|B-award Prize|I-award at|O AAAI|B-conference and|O the|O "
            + "Association|B-conference for|I-conference Computational|I-conference Linguistics|I-conference"));

        var sentences = CrossNerCorpus.Read(file);

        Assert.Equal([new TokenSpan(1, 3, "PER"), new TokenSpan(5, 7, "ORG"), new TokenSpan(8, 9, "LOC"), new TokenSpan(10, 11, "LOC"), new TokenSpan(12, 14, "ORG")],
            ConllCorpus.Spans(sentences[0].Tags));
        Assert.Equal([new TokenSpan(0, 1, "LOC"), new TokenSpan(3, 5, "MISC"), new TokenSpan(6, 7, "MISC"), new TokenSpan(9, 13, "ORG")],
            ConllCorpus.Spans(sentences[1].Tags));
    }

    [Fact]
    public void Read_KindsOfThings_BecomeO()
    {
        using var folder = new TempFolder();
        var file = folder.Write("ai/dev.txt", Lines("Hinton|B-researcher used|O backpropagation|B-algorithm for|O speech|B-task recognition|I-task in|O jazz|B-musicgenre"));

        var sentence = Assert.Single(CrossNerCorpus.Read(file));

        Assert.Equal([new TokenSpan(0, 1, "PER")], ConllCorpus.Spans(sentence.Tags));
    }

    [Fact]
    public void Read_SentenceWithAnElection_IsLeftOut()
    {
        using var folder = new TempFolder();
        var file = folder.Write("politics/dev.txt", Lines(
            "He|O won|O the|O 2006|B-election Canadian|I-election federal|I-election election|I-election",
            "Ottawa|B-location voted|O"));

        var sentence = Assert.Single(CrossNerCorpus.Read(file));

        Assert.Equal("Ottawa", sentence.Tokens[0]);
    }

    [Fact]
    public void Read_UnknownType_NamesTheFile()
    {
        using var folder = new TempFolder();
        var file = folder.Write("music/train.txt", Lines("Oslo|B-city"));

        var error = Assert.Throws<FormatException>(() => CrossNerCorpus.Read(file));

        Assert.Contains(file, error.Message, StringComparison.Ordinal);
        Assert.Contains("'city'", error.Message, StringComparison.Ordinal);
    }
}
