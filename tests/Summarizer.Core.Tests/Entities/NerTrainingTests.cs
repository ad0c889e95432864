using Summarizer.Core.Tests.TestSupport;
using Summarizer.Entities;
using Summarizer.Entities.Training;

namespace Summarizer.Core.Tests.Entities;

public class NerTrainingTests
{
    // Measured with the shipped model: 0.705 by document, 0.68 by sentence; lower-cased 0.59.
    private const double ConllDevFloor = 0.65;
    private const double ConllDevLowercaseFloor = 0.52;

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
    public void TrainFiles_MeasuringOnlySet_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            NerTrainer.TrainFiles(["../shared/data/conll2003-dev/eng.testa"], Path.GetTempFileName()));

        Assert.Contains("measuring only", error.Message, StringComparison.Ordinal);
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
