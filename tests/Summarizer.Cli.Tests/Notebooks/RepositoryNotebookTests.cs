using System.Text.Json;
using Microsoft.DotNet.Interactive.Documents;
using Summarizer.Cli.Notebooks;

namespace Summarizer.Cli.Tests.Notebooks;

[Collection(NotebookKernelCollection.Name)]
public sealed class RepositoryNotebookTests
{
    private static readonly string[] LlmVariables =
        ["AZURE_OPENAI_ENDPOINT", "AZURE_OPENAI_API_KEY", "AZURE_OPENAI_DEPLOYMENT", "OPENAI_API_KEY", "OPENAI_BASE_URL", "SUMMARIZER_LLM_MODEL"];

    public static TheoryData<string> Notebooks() => ["quickstart.ipynb", "llm-summaries.ipynb"];

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_InRepository_IsSavedWithoutOutputs(string name)
    {
        using var notebook = JsonDocument.Parse(File.ReadAllText(Repo.PathOf("notebooks", name)));

        var codeCells = notebook.RootElement.GetProperty("cells").EnumerateArray()
            .Where(c => c.GetProperty("cell_type").GetString() == "code").ToList();
        Assert.NotEmpty(codeCells);
        Assert.All(codeCells, c => Assert.Equal(0, c.GetProperty("outputs").GetArrayLength()));
        Assert.All(codeCells, c => Assert.Equal(JsonValueKind.Null, c.GetProperty("execution_count").ValueKind));
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Notebook_FirstCodeCell_SubmitsTheLinesNotebookSetupSaved(string name)
    {
        var notebook = await NotebookFiles.LoadAsync(Repo.PathOf("notebooks", name));

        var first = notebook.Elements.First(e => e.KernelName == NotebookKernel.CSharp);
        var file = NotebookSetup.ForCurrentUser().LoadFile;
        Assert.EndsWith(Path.Combine("summarizer", "load.dib"), file, StringComparison.Ordinal);
        Assert.Contains("Environment.SpecialFolder.LocalApplicationData), \"summarizer\", \"load.dib\")", first.Contents, StringComparison.Ordinal);
        Assert.Contains($"Environment.GetEnvironmentVariable(\"{NotebookHost.LoadVariable}\")", first.Contents, StringComparison.Ordinal);
        Assert.Contains("run 'summarizer notebook setup'", first.Contents, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_InRepository_IsNbformat45WithUniqueCellIds(string name)
    {
        using var notebook = JsonDocument.Parse(File.ReadAllText(Repo.PathOf("notebooks", name)));

        Assert.Equal(4, notebook.RootElement.GetProperty("nbformat").GetInt32());
        Assert.Equal(5, notebook.RootElement.GetProperty("nbformat_minor").GetInt32());
        var ids = notebook.RootElement.GetProperty("cells").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToArray();
        Assert.All(ids, id => Assert.Matches("^[a-zA-Z0-9-_]{1,64}$", id));
        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Fact]
    public async Task LlmNotebook_NoEndpointConfigured_SkipsTheModelCellsAndStillSucceeds()
    {
        var saved = LlmVariables.ToDictionary(v => v, Environment.GetEnvironmentVariable);
        try
        {
            foreach (var variable in LlmVariables)
            {
                Environment.SetEnvironmentVariable(variable, null);
            }

            var document = await NotebookFiles.LoadAsync(Repo.PathOf("notebooks", "llm-summaries.ipynb"));
            var result = await NotebookHost.CreateRunner().RunAsync(
                document, new NotebookRunOptions { WorkingDirectory = Repo.PathOf("notebooks") });

            Assert.True(result.Succeeded, string.Join("\n", result.Cells.Select(c => c.Error).OfType<string>()));
            var text = string.Concat(result.Document.Elements.SelectMany(e => e.Outputs).OfType<TextElement>().Select(t => t.Text));
            Assert.Contains("No language model is configured (missing OPENAI_API_KEY", text, StringComparison.Ordinal);
            Assert.Contains("Skipped: no language model is configured", text, StringComparison.Ordinal);
            var last = result.Document.Elements.Last(e => e.KernelName == NotebookKernel.CSharp);
            Assert.Contains(last.Outputs.OfType<DisplayElement>(), d => d.Data.ContainsKey("text/html"));
        }
        finally
        {
            foreach (var (variable, value) in saved)
            {
                Environment.SetEnvironmentVariable(variable, value);
            }
        }
    }
}
