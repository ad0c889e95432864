using Summarizer.Core.Tests.Entities.Training;
using Summarizer.Core.Tests.TestSupport;
using Summarizer.Entities;
using Summarizer.Entities.Tagging;
using Summarizer.Entities.Training;

namespace Summarizer.Core.Tests.Entities;

public class NerTrainingTests
{
    // Measured with the shipped model: 0.841 by document, lower-cased 0.767.
    private const double ConllDevFloor = 0.82;
    private const double ConllDevLowercaseFloor = 0.74;

    private static readonly string NerData = Path.Combine(Directory.GetParent(Seeds.Root)!.FullName, "src", "Summarizer.NerData");

    [Fact]
    public void Spans_Iob1AndIob2_GiveTheSameSpans()
    {
        string[] iob1 = ["I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"];
        string[] iob2 = ["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "B-ORG"];

        Assert.Equal(ConllCorpus.Spans(iob2), ConllCorpus.Spans(iob1));
        Assert.Equal([new TokenSpan(0, 2, "PER"), new TokenSpan(3, 4, "LOC"), new TokenSpan(4, 5, "LOC"), new TokenSpan(5, 6, "ORG")],
            ConllCorpus.Spans(iob2));
    }

    [Fact]
    public void Read_MissingTagColumn_NamesFileAndLine()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path, ["Paris\tB-LOC", "", "broken"]);

            var error = Assert.Throws<FormatException>(() => ConllCorpus.Read(path));

            Assert.Contains($"{path}:3", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Train_TinyCorpus_LearnsItAndRoundTrips()
    {
        var sentences = Enumerable.Range(0, 40).SelectMany(_ => new[]
        {
            Sentence("Ada Lovelace lived in London .", "B-PER I-PER O O B-LOC O"),
            Sentence("Acme Corp hired Alan Turing .", "B-ORG I-ORG O B-PER I-PER O"),
            Sentence("It rained in Paris .", "O O O B-LOC O"),
        }).ToList();
        using var buffer = new MemoryStream();

        NerTrainer.Train(sentences, buffer, new NerTrainingOptions { Epochs = 3, HashBits = 14, Folds = 1 });
        buffer.Position = 0;
        var recognizer = EntityRecognizer.Load(buffer);

        var spans = recognizer.TagTokens(["Acme", "Corp", "hired", "Alan", "Turing", "."]);
        Assert.Equal([new TokenSpan(0, 2, "ORG"), new TokenSpan(3, 5, "PER")], spans);
    }

    [Fact]
    public void Train_WithNameListAndWordClasses_ModelKeepsThemAfterRoundTrip()
    {
        var names = Path.GetTempFileName();
        var clusters = Path.GetTempFileName();
        try
        {
            File.WriteAllText(names, "FIRST\tgrace\nLAST\thopper\nLOC\tlyon\n");
            File.WriteAllText(clusters, "lyon\t1\t2\t3\nparis\t1\t2\t3\n");
            var sentences = Enumerable.Range(0, 30).SelectMany(_ => new[]
            {
                Sentence("Ada Lovelace lived in Paris .", "B-PER I-PER O O B-LOC O"),
                Sentence("It rained in Paris .", "O O O B-LOC O"),
            }).ToList();
            using var buffer = new MemoryStream();

            NerTrainer.Train(sentences, buffer, new NerTrainingOptions { Epochs = 3, HashBits = 14, Folds = 1, NameLists = [names], WordClusters = clusters });
            buffer.Position = 0;
            var model = NerModel.Load(buffer);

            Assert.Equal(WordClusters.Read(new StringReader("lyon\t1\t2\t3\n"), "x").Lookup("lyon"), model.Features.Clusters.Lookup("lyon"));
            Assert.NotEqual(0, model.Features.Gazetteer.Lookup("grace") & Gazetteer.FirstNameBit);
            Assert.NotEqual(0, model.Features.Gazetteer.Lookup("hopper") & Gazetteer.LastNameBit);
            Assert.Equal([new TokenSpan(3, 4, "LOC")], model.Spans(["It", "rained", "in", "Lyon", "."]));
        }
        finally
        {
            File.Delete(names);
            File.Delete(clusters);
        }
    }

    [Fact]
    public void TrainSets_BadNameList_LeavesNoModelBehind()
    {
        var corpus = Path.GetTempFileName();
        var names = Path.GetTempFileName();
        var output = Path.Combine(Path.GetTempPath(), $"ner-{Guid.NewGuid():N}.bin");
        try
        {
            File.WriteAllLines(corpus, ["Paris\tB-LOC", ""]);
            File.WriteAllText(names, "TOWN\tlyon\n");

            var error = Assert.Throws<FormatException>(() =>
                NerTrainer.TrainSets([new NerTrainingSet(corpus)], output, new NerTrainingOptions { Epochs = 1, HashBits = 12, NameLists = [names] }));

            Assert.Contains($"{names}:1", error.Message, StringComparison.Ordinal);
            Assert.False(File.Exists(output));
            Assert.False(File.Exists(output + ".tmp"));
        }
        finally
        {
            File.Delete(corpus);
            File.Delete(names);
        }
    }

    [SharedDataFact("ner/uner-ewt/en_ewt-ud-train.iob2")]
    public void TrainSets_OpenSetsWithCommittedNameLists_ReproduceTheShippedModel()
    {
        var ner = Path.Combine(Seeds.SharedData!, "ner");
        var output = Path.Combine(Path.GetTempPath(), $"ner-{Guid.NewGuid():N}.bin");
        try
        {
            // The sets and weights of the command in src/Summarizer.NerData/README.md.
            NerTrainingSet[] sets =
            [
                new(Path.Combine(ner, "wikigold")), new(Path.Combine(ner, "wnut17"), 0.5), new(Path.Combine(ner, "redocred")),
                new(Path.Combine(ner, "uner-ewt")), new(Path.Combine(ner, "uner-pud")), new(Path.Combine(ner, "crossner")),
                new(Path.Combine(ner, "btc"), 0.5),
            ];

            NerTrainer.TrainSets(sets, output, NerTrainingOptions.Default with
            {
                IncludeDev = true,
                NameLists = [Path.Combine(NerData, "names-en.tsv"), Path.Combine(NerData, "names-curated-en.tsv")],
                CommonWords = [Path.Combine(NerData, "words-en.txt")],
                WordClusters = Path.Combine(NerData, "clusters-en.tsv"),
            });

            using var shipped = typeof(EntityRecognizer).Assembly.GetManifestResourceStream(EntityRecognizer.ModelResourceName)!;
            using var copy = new MemoryStream();
            shipped.CopyTo(copy);
            Assert.True(copy.ToArray().AsSpan().SequenceEqual(File.ReadAllBytes(output)), "the rebuilt model differs from Resources/ner-en.bin");
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public void TrainSets_MeasuringOnlySet_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            NerTrainer.TrainSets([new NerTrainingSet("../shared/data/conll2003-dev/eng.testa")], Path.Combine(Path.GetTempPath(), "never-written.bin")));

        Assert.Contains("measuring only", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3.0, 1.0, "ORG")]
    [InlineData(1.0, 3.0, "LOC")]
    public void TrainSets_ConflictingSets_TheHeavierSetWins(double orgWeight, double locWeight, string expected)
    {
        using var folder = new TempFolder();
        var org = folder.Write("org.conll", string.Concat(Enumerable.Repeat("They\tO\nvisited\tO\nZorvex\tB-ORG\n.\tO\n\n", 20)));
        var loc = folder.Write("loc.conll", string.Concat(Enumerable.Repeat("They\tO\nvisited\tO\nZorvex\tB-LOC\n.\tO\n\n", 20)));
        var output = Path.Combine(folder.Path, "model.bin");

        NerTrainer.TrainSets([new NerTrainingSet(org, orgWeight), new NerTrainingSet(loc, locWeight)], output,
            new NerTrainingOptions { Epochs = 2, HashBits = 14, Folds = 1, Runs = 1, LowercaseShare = 0, UppercaseShare = 0 });

        var spans = EntityRecognizer.LoadFile(output).TagTokens(["They", "visited", "Zorvex", "."]);
        Assert.Equal([new TokenSpan(2, 3, expected)], spans);
    }

    [Fact]
    public void TrainSets_NotPositiveWeight_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            NerTrainer.TrainSets([new NerTrainingSet("train.conll", 0)], Path.Combine(Path.GetTempPath(), "never-written.bin")));

        Assert.Contains("weight", error.Message, StringComparison.Ordinal);
    }

    [SharedDataFact("conll2003-dev/eng.testa")]
    public void EvaluateDocuments_ConllDev_StaysAboveMeasuredFloor()
    {
        var gold = ConllCorpus.Read(Path.Combine(Seeds.SharedData!, "conll2003-dev", "eng.testa"));

        var result = NerEvaluator.EvaluateDocuments(gold, EntityRecognizer.Default.TagDocument);
        var lower = NerEvaluator.EvaluateDocuments(gold, EntityRecognizer.Default.TagDocument, lowercase: true);

        Assert.True(result.Micro.F1 >= ConllDevFloor, $"micro-F1 {result.Micro.F1:F3} < {ConllDevFloor}");
        Assert.True(lower.Micro.F1 >= ConllDevLowercaseFloor, $"lower-cased micro-F1 {lower.Micro.F1:F3} < {ConllDevLowercaseFloor}");
    }

    private static ConllSentence Sentence(string tokens, string tags) => new(tokens.Split(' '), tags.Split(' '));
}
