using System.Text.Json;
using Summarizer.Cli.Tests.TestSupport;
using Summarizer.Summarization;

namespace Summarizer.Cli.Tests.Commands;

public class MethodsCommandTests
{
    [Fact]
    public async Task Methods_Json_ListsEveryCatalogMethodWithDefaultMarked()
    {
        var (code, output, _) = await CliRunner.RunAsync(null, "methods", "--json");

        Assert.Equal(0, code);
        var methods = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        Assert.Equal(SummarizerCatalog.Methods.Select(m => m.Name), methods.Select(m => m.GetProperty("name").GetString()));
        Assert.Single(methods, m => m.GetProperty("default").GetBoolean());
    }

    [Fact]
    public async Task Methods_Text_ShowsOptionsWithDefaults()
    {
        var (code, output, _) = await CliRunner.RunAsync(null, "methods");

        Assert.Equal(0, code);
        foreach (var method in SummarizerCatalog.Methods)
        {
            foreach (var option in method.Options)
            {
                Assert.Contains(method.Kind == SummarizerKind.Extractive ? $"--option {option.Name}=" : $"{option.Name} ", output);
            }
        }
    }
}
