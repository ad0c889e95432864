using System.Text.Json;
using Summarizer.Cli.Tests.TestSupport;

namespace Summarizer.Cli.Tests.Commands;

public class NerCommandTests
{
    private static readonly string UnerSentence =
        "# newdoc id = d\n1\tAda\tB-PER\n2\tLovelace\tI-PER\n3\tvisited\tO\n4\tLondon\tB-LOC\n5\t.\tO\n\n";

    [Fact]
    public async Task NerTrainThenEval_WeightedUnerFolder_RoundTrips()
    {
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            var data = Path.Combine(dir.FullName, "uner");
            Directory.CreateDirectory(data);
            await File.WriteAllTextAsync(Path.Combine(data, "en_x-ud-train.iob2"), string.Concat(Enumerable.Repeat(UnerSentence, 30)));
            await File.WriteAllTextAsync(Path.Combine(data, "en_x-ud-test.iob2"), UnerSentence);
            var model = Path.Combine(dir.FullName, "model.bin");

            var train = await CliRunner.RunAsync(null, "ner", "train", "--data", data + ":2", "--out", model, "--epochs", "2", "--runs", "1");
            var eval = await CliRunner.RunAsync(null, "ner", "eval", "--data", data, "--split", "test", "--model", model, "--format", "json");

            Assert.Equal(0, train.ExitCode);
            Assert.Contains("weight 2", train.Error, StringComparison.Ordinal);
            Assert.Equal(0, eval.ExitCode);
            using var json = JsonDocument.Parse(eval.Out);
            Assert.Equal(1.0, json.RootElement.GetProperty("micro").GetProperty("f1").GetDouble());
            Assert.Equal(5, json.RootElement.GetProperty("tokens").GetInt32());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task NerTrain_MeasuringOnlySet_IsAUsageError()
    {
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            var gmb = Path.Combine(dir.FullName, "gmb");
            Directory.CreateDirectory(gmb);
            await File.WriteAllTextAsync(Path.Combine(gmb, "train.conll"), "Paris\tB-LOC\n");

            var (code, _, error) = await CliRunner.RunAsync(null, "ner", "train", "--data", gmb, "--out", Path.Combine(dir.FullName, "m.bin"));

            Assert.Equal(1, code);
            Assert.Contains("measuring only", error, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(dir.FullName, "m.bin")));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task NerEval_SplitTheSetLacks_IsAUsageError()
    {
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, "dev_revised.json"), """[{"sents": [["Oslo"]], "vertexSet": []}]""");

            var (code, _, error) = await CliRunner.RunAsync(null, "ner", "eval", "--data", dir.FullName, "--split", "test");

            Assert.Equal(1, code);
            Assert.Contains("test split is empty", error, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task NerEval_DataFormatOption_OverridesDetection()
    {
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            var file = Path.Combine(dir.FullName, "sample.txt");
            await File.WriteAllTextAsync(file, "Hinton\tB-researcher\nspoke\tO\n");

            var asConll = await CliRunner.RunAsync(null, "ner", "eval", "--data", file, "--format", "json", "--labels", "PER");
            var asCrossNer = await CliRunner.RunAsync(null, "ner", "eval", "--data", file, "--data-format", "crossner", "--format", "json", "--labels", "PER");

            Assert.Equal(0, asConll.ExitCode);
            Assert.Equal(0, asCrossNer.ExitCode);
            using var conll = JsonDocument.Parse(asConll.Out);
            using var crossNer = JsonDocument.Parse(asCrossNer.Out);
            Assert.Equal(0, conll.RootElement.GetProperty("micro").GetProperty("tp").GetInt32() + conll.RootElement.GetProperty("micro").GetProperty("fn").GetInt32());
            Assert.Equal(1, crossNer.RootElement.GetProperty("micro").GetProperty("tp").GetInt32() + crossNer.RootElement.GetProperty("micro").GetProperty("fn").GetInt32());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
