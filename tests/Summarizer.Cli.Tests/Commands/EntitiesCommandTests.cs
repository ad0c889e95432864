using System.Text.Json;
using Summarizer.Cli.Tests.TestSupport;

namespace Summarizer.Cli.Tests.Commands;

public class EntitiesCommandTests
{
    [Fact]
    public async Task Entities_JsonlInput_WritesOffsetsIntoEachText()
    {
        const string text = "Angela Merkel met Emmanuel Macron in Paris on Monday. Growth was 2.5%.";
        var stdin = JsonSerializer.Serialize(new { id = "a1", text }) + "\n";

        var (code, output, _) = await CliRunner.RunAsync(stdin, "entities", "-", "--format", "jsonl");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output.Trim());
        Assert.Equal("a1", json.RootElement.GetProperty("id").GetString());
        var entities = json.RootElement.GetProperty("entities").EnumerateArray().ToList();
        Assert.Contains(entities, e => e.GetProperty("type").GetString() == "PERSON" && e.GetProperty("text").GetString() == "Angela Merkel");
        Assert.Contains(entities, e => e.GetProperty("type").GetString() == "PERCENT");
        Assert.All(entities, e => Assert.Equal(
            e.GetProperty("text").GetString(),
            text[e.GetProperty("start").GetInt32()..e.GetProperty("end").GetInt32()]));
    }

    [Fact]
    public async Task Entities_TypesFilter_KeepsOnlyThoseTypes()
    {
        var stdin = JsonSerializer.Serialize(new { id = "a1", text = "Angela Merkel visited Paris on Monday." }) + "\n";

        var (code, output, _) = await CliRunner.RunAsync(stdin, "entities", "-", "--types", "LOCATION");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output.Trim());
        Assert.All(json.RootElement.GetProperty("entities").EnumerateArray(), e => Assert.Equal("LOCATION", e.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task Entities_UnknownType_IsAUsageError()
    {
        var (code, _, error) = await CliRunner.RunAsync("x\n", "entities", "-", "--types", "ANIMAL");

        Assert.Equal(1, code);
        Assert.Contains("ANIMAL", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entities_Table_CountsCanonicalNames()
    {
        var stdin = JsonSerializer.Serialize(new { id = "a1", text = "Antony Blinken met Sergei Lavrov. Mr Blinken spoke later." }) + "\n"
            + JsonSerializer.Serialize(new { id = "a2", text = "On Friday, Mr Blinken flew home." }) + "\n";

        var (code, output, _) = await CliRunner.RunAsync(stdin, "entities", "-", "--table", "--format", "jsonl");

        Assert.Equal(0, code);
        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var blinken = Assert.Single(rows, r => r.GetProperty("entity").GetString() == "Antony Blinken");
        Assert.Equal(3, blinken.GetProperty("count").GetInt32());
        Assert.Equal(2, blinken.GetProperty("articles").GetInt32());
    }

    [Fact]
    public async Task NerEval_MissingFile_IsAUsageError()
    {
        var (code, _, error) = await CliRunner.RunAsync(null, "ner", "eval", "--data", "no-such-file.conll");

        Assert.Equal(1, code);
        Assert.Contains("no-such-file.conll", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NerTrainThenEval_TinyCorpus_RoundTrips()
    {
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            var lines = Enumerable.Range(0, 30).SelectMany(_ => new[]
            {
                "Ada\tB-PER", "Lovelace\tI-PER", "lived\tO", "in\tO", "London\tB-LOC", ".\tO", "",
            });
            var data = Path.Combine(dir.FullName, "train.conll");
            await File.WriteAllLinesAsync(data, lines);
            var model = Path.Combine(dir.FullName, "model.bin");

            var train = await CliRunner.RunAsync(null, "ner", "train", "--data", dir.FullName, "--out", model, "--epochs", "2");
            var eval = await CliRunner.RunAsync(null, "ner", "eval", "--data", data, "--model", model, "--format", "json");

            Assert.Equal(0, train.ExitCode);
            Assert.True(File.Exists(model));
            Assert.Equal(0, eval.ExitCode);
            using var json = JsonDocument.Parse(eval.Out);
            Assert.Equal(1.0, json.RootElement.GetProperty("micro").GetProperty("f1").GetDouble());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
