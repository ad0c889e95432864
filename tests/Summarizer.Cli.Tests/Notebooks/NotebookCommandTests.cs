using Microsoft.DotNet.Interactive.Documents;
using Summarizer.Cli.Notebooks;

namespace Summarizer.Cli.Tests.Notebooks;

[Collection(NotebookKernelCollection.Name)]
public sealed class NotebookCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static async Task<(int Exit, string Out, string Error)> RunCliAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(args, TextReader.Null, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task NotebookRun_AllCellsSucceed_ExitsZeroAndWritesIpynbAndHtml()
    {
        var notebook = _folder.WriteDib("ok.dib", ("markdown", "# All good"), ("csharp", "Console.WriteLine(\"fine\");"));
        var output = _folder.File("out");

        var (exit, stdout, stderr) = await RunCliAsync("notebook", "run", notebook, "--out", output);

        Assert.True(exit == 0, stderr);
        Assert.Contains("1 cells succeeded, 0 failed", stdout, StringComparison.Ordinal);
        var executed = await NotebookFiles.LoadAsync(Path.Combine(output, "ok.ipynb"));
        Assert.Equal("fine\n", Assert.IsType<TextElement>(Assert.Single(executed.Elements[1].Outputs)).Text);
        var html = await File.ReadAllTextAsync(Path.Combine(output, "ok.html"));
        Assert.Contains("<title>All good</title>", html, StringComparison.Ordinal);
        Assert.Contains("fine", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotebookRun_FailingCell_ExitsTwoAndRecordsTheErrorInBothFiles()
    {
        var notebook = _folder.WriteDib("bad.dib", ("csharp", "throw new InvalidOperationException(\"cell three broke\");"));
        var output = _folder.File("out");

        var (exit, _, stderr) = await RunCliAsync("notebook", "run", notebook, "--out", output);

        Assert.Equal(2, exit);
        Assert.Contains("FAILED", stderr, StringComparison.Ordinal);
        var executed = await NotebookFiles.LoadAsync(Path.Combine(output, "bad.ipynb"));
        var error = Assert.IsType<ErrorElement>(Assert.Single(executed.Elements[0].Outputs));
        Assert.Contains("cell three broke", error.ErrorValue, StringComparison.Ordinal);
        var html = await File.ReadAllTextAsync(Path.Combine(output, "bad.html"));
        Assert.Contains("class=\"output error\"", html, StringComparison.Ordinal);
        Assert.Contains("cell three broke", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotebookRun_MissingNotebook_ExitsOneNamingTheFile()
    {
        var (exit, _, stderr) = await RunCliAsync("notebook", "run", _folder.File("absent.ipynb"), "--out", _folder.File("out"));

        Assert.Equal(1, exit);
        Assert.Contains("absent.ipynb", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_folder.File("out")));
    }

    [Fact]
    public async Task NotebookRun_NotANotebook_ExitsOneNamingTheFile()
    {
        var path = _folder.File("broken.ipynb");
        await File.WriteAllTextAsync(path, "{ this is not json");

        var (exit, _, stderr) = await RunCliAsync("notebook", "run", path, "--out", _folder.File("out"));

        Assert.Equal(1, exit);
        Assert.Contains("broken.ipynb", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotebookRun_OutIsTheNotebooksOwnFolder_ExitsOneInsteadOfOverwriting()
    {
        var path = _folder.File("self.ipynb");
        const string original = """{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""";
        await File.WriteAllTextAsync(path, original);

        var (exit, _, stderr) = await RunCliAsync("notebook", "run", path, "--out", _folder.Path);

        Assert.Equal(1, exit);
        Assert.Contains("overwrite", stderr, StringComparison.Ordinal);
        Assert.Equal(original, await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task NotebookRun_WithoutOut_ExitsOne()
    {
        var notebook = _folder.WriteDib("ok.dib", ("csharp", "1"));

        var (exit, _, stderr) = await RunCliAsync("notebook", "run", notebook);

        Assert.Equal(1, exit);
        Assert.Contains("--out", stderr, StringComparison.Ordinal);
    }
}
