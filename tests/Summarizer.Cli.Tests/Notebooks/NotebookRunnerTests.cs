using Microsoft.DotNet.Interactive.Documents;
using Summarizer.Cli.Notebooks;

namespace Summarizer.Cli.Tests.Notebooks;

[Collection(NotebookKernelCollection.Name)]
public sealed class NotebookRunnerTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static NotebookRunner PlainRunner() =>
        new(_ => Task.CompletedTask, new HostedPackages(new Dictionary<string, string> { ["Summarizer.Interactive"] = "0.1.0" }));

    private async Task<NotebookRunResult> RunAsync(NotebookRunOptions options, params (string Kernel, string Source)[] cells)
    {
        var path = _folder.WriteDib("test.dib", cells);
        var document = await NotebookFiles.LoadAsync(path);
        return await PlainRunner().RunAsync(document, options);
    }

    [Fact]
    public async Task Run_StdoutDisplayAndReturnValue_AreRecordedAsCellOutputs()
    {
        var result = await RunAsync(
            new NotebookRunOptions(),
            ("markdown", "# Title"),
            ("csharp", "Console.Write(\"one \");\nConsole.WriteLine(\"two\");\ndisplay(\"shown\");\n6 * 7"));

        Assert.True(result.Succeeded);
        var cell = result.Document.Elements[1];
        Assert.Equal(1, cell.ExecutionOrder);
        var stream = Assert.IsType<TextElement>(cell.Outputs[0]);
        Assert.Equal("stdout", stream.Name);
        Assert.Equal("one two\n", stream.Text);
        var display = Assert.IsType<DisplayElement>(cell.Outputs[1]);
        Assert.Equal("shown", display.Data["text/plain"]);
        var returned = Assert.IsType<ReturnValueElement>(cell.Outputs[2]);
        Assert.Contains("42", (string)returned.Data["text/html"], StringComparison.Ordinal);
        Assert.Equal([CellOutcome.NotCode, CellOutcome.Succeeded], result.Cells.Select(c => c.Outcome));
    }

    [Fact]
    public async Task Run_FailingCell_RecordsErrorOutputAndSkipsLaterCells()
    {
        var result = await RunAsync(
            new NotebookRunOptions(),
            ("csharp", "var before = 1;"),
            ("csharp", "throw new InvalidOperationException(\"the cell broke\");"),
            ("csharp", "Console.WriteLine(\"after\");"));

        Assert.False(result.Succeeded);
        Assert.Equal([CellOutcome.Succeeded, CellOutcome.Failed, CellOutcome.Skipped], result.Cells.Select(c => c.Outcome));
        var error = Assert.IsType<ErrorElement>(Assert.Single(result.Document.Elements[1].Outputs));
        Assert.Contains("the cell broke", error.ErrorValue, StringComparison.Ordinal);
        Assert.Empty(result.Document.Elements[2].Outputs);
    }

    [Fact]
    public async Task Run_ContinueOnError_RunsCellsAfterAFailure()
    {
        var result = await RunAsync(
            new NotebookRunOptions { ContinueOnError = true },
            ("csharp", "int broken = \"not a number\";"),
            ("csharp", "Console.WriteLine(\"after\");"));

        Assert.Equal([CellOutcome.Failed, CellOutcome.Succeeded], result.Cells.Select(c => c.Outcome));
        var error = Assert.IsType<ErrorElement>(Assert.Single(result.Document.Elements[0].Outputs));
        Assert.Contains("CS0029", error.ErrorValue, StringComparison.Ordinal);
        Assert.Equal("after\n", Assert.IsType<TextElement>(Assert.Single(result.Document.Elements[1].Outputs)).Text);
    }

    [Fact]
    public async Task Run_CellPastTimeout_FailsWithTimeoutError()
    {
        var result = await RunAsync(
            new NotebookRunOptions { CellTimeout = TimeSpan.FromMilliseconds(300) },
            ("csharp", "await Task.Delay(TimeSpan.FromMinutes(5));"));

        Assert.Equal(CellOutcome.Failed, Assert.Single(result.Cells).Outcome);
        var error = Assert.IsType<ErrorElement>(Assert.Single(result.Document.Elements[0].Outputs));
        Assert.Equal("Timeout", error.ErrorName);
    }

    [Fact]
    public async Task Run_ReferenceToHostedPackageFromMissingFeed_IsSatisfiedWithoutRestore()
    {
        var feed = _folder.File("never-packed-feed");
        var result = await RunAsync(
            new NotebookRunOptions(),
            ("csharp", $"#i \"nuget: {feed}\"\n#r \"nuget: Summarizer.Interactive, 0.1.0\"\nConsole.WriteLine(\"loaded\");"));

        Assert.True(result.Succeeded, result.Cells[0].Error);
        var text = string.Concat(result.Document.Elements[0].Outputs.OfType<TextElement>().Select(t => t.Text));
        Assert.Contains("Summarizer.Interactive 0.1.0 is built into this runner", text, StringComparison.Ordinal);
        Assert.Contains("does not exist; skipped", text, StringComparison.Ordinal);
        Assert.Contains("loaded", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ReferenceSubmittedFromCode_IsSatisfiedToo()
    {
        var result = await RunAsync(
            new NotebookRunOptions(),
            ("csharp", """
                var feed = System.IO.Path.GetFullPath(System.IO.Path.Combine("..", "no-feed-here"));
                await Microsoft.DotNet.Interactive.Kernel.Root.SendAsync(new Microsoft.DotNet.Interactive.Commands.SubmitCode(
                    $"#i \"nuget: {feed}\"\n#r \"nuget: Summarizer.Interactive, 0.1.0\""));
                """));

        Assert.True(result.Succeeded, result.Cells[0].Error);
        var text = string.Concat(result.Document.Elements[0].Outputs.OfType<TextElement>().Select(t => t.Text));
        Assert.Contains("already satisfied", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WorkingDirectory_RelativePathsResolveAgainstIt()
    {
        Directory.CreateDirectory(_folder.File("data"));
        await File.WriteAllTextAsync(_folder.File(Path.Combine("data", "note.txt")), "from the data folder");
        var before = Directory.GetCurrentDirectory();

        var result = await RunAsync(
            new NotebookRunOptions { WorkingDirectory = _folder.File("data") },
            ("csharp", "Console.Write(System.IO.File.ReadAllText(\"note.txt\"));"));

        Assert.True(result.Succeeded, result.Cells[0].Error);
        Assert.Equal("from the data folder", Assert.IsType<TextElement>(Assert.Single(result.Document.Elements[0].Outputs)).Text);
        Assert.Equal(before, Directory.GetCurrentDirectory());
    }

    [Fact]
    public async Task Run_CellForAKernelNotHosted_FailsNamingTheKernel()
    {
        var result = await RunAsync(new NotebookRunOptions(), ("fsharp", "let x = 1"));

        Assert.Equal(CellOutcome.Failed, Assert.Single(result.Cells).Outcome);
        Assert.Contains("'fsharp'", result.Cells[0].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ExecutedNotebook_WritesIpynbThatLoadsBackWithOutputs()
    {
        var result = await RunAsync(
            new NotebookRunOptions { ContinueOnError = true },
            ("markdown", "# Round trip"),
            ("csharp", "Console.WriteLine(\"streamed\");\ndisplay(\"displayed\");"),
            ("csharp", "throw new Exception(\"recorded\");"));
        var path = _folder.File("out.ipynb");

        NotebookFiles.WriteIpynb(result.Document, path);
        var loaded = await NotebookFiles.LoadAsync(path);

        Assert.Equal(["markdown", "csharp", "csharp"], loaded.Elements.Select(e => e.KernelName));
        Assert.Equal("# Round trip", loaded.Elements[0].Contents);
        var outputs = loaded.Elements[1].Outputs;
        Assert.Contains(outputs, o => o is TextElement { Text: "streamed\n" });
        Assert.Contains(outputs, o => o is DisplayElement d && d.Data.ContainsKey("text/plain"));
        var error = Assert.IsType<ErrorElement>(Assert.Single(loaded.Elements[2].Outputs));
        Assert.Contains("recorded", error.ErrorValue, StringComparison.Ordinal);
        Assert.Equal(2, loaded.Elements[2].ExecutionOrder);
    }
}
