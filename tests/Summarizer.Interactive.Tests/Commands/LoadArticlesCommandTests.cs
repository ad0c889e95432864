using Microsoft.Data.Analysis;
using Summarizer.Interactive.Tests.TestSupport;

namespace Summarizer.Interactive.Tests.Commands;

public sealed class LoadArticlesCommandTests : IAsyncLifetime
{
    private KernelFixture _k = null!;
    private string _dir = null!;

    public async Task InitializeAsync()
    {
        _k = await KernelFixture.CreateAsync();
        _dir = Directory.CreateTempSubdirectory("summarizer-load-").FullName;
    }

    public Task DisposeAsync()
    {
        _k.Dispose();
        Directory.Delete(_dir, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task LoadArticles_Glob_SetsDataFrameWithOneRowPerFile()
    {
        File.WriteAllText(Path.Combine(_dir, "a.txt"), "First article. It has two sentences.");
        File.WriteAllText(Path.Combine(_dir, "b.txt"), "Second article.");
        File.WriteAllText(Path.Combine(_dir, "c.md"), "Not matched.");

        var result = await _k.SubmitAsync($"#!load-articles {Path.Combine(_dir, "*.txt")}");

        result.Succeeded();
        var frame = _k.Variable<DataFrame>("articles");
        Assert.Equal(2, frame.Rows.Count);
        Assert.Equal("Second article.", frame.Columns["text"][1]);
        Assert.EndsWith("a.txt", (string)frame.Columns["source"][0], StringComparison.Ordinal);
        Assert.Contains(result.Values("text/html"), v => v.Contains("<table", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LoadArticles_LongArticle_ViewLeavesTheTextOutButTheVariableKeepsIt()
    {
        var body = string.Join(' ', Enumerable.Repeat("The committee heard evidence about the harbour works all day.", 20));

        var result = await _k.SubmitAsync($"#!load-articles\n{body}");

        result.Succeeded();
        Assert.Equal(body, _k.Variable<DataFrame>("articles").Columns["text"][0]);
        var html = Assert.Single(result.Values("text/html"), v => v.Contains("<table", StringComparison.Ordinal));
        Assert.DoesNotContain("harbour works", html, StringComparison.Ordinal);
        Assert.Contains("1 row, 8 of 10 columns; the variable &#39;articles&#39; holds the whole table", html, StringComparison.Ordinal);
        Assert.Contains(result.Values("text/plain"), v => v.Contains("8 of 10 columns", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LoadArticles_NameOption_SetsThatVariable()
    {
        (await _k.SubmitAsync($"#!load-articles {Seeds.Path("geneva-talks.txt")} --name geneva")).Succeeded();

        Assert.Equal(1, _k.Variable<DataFrame>("geneva").Rows.Count);
    }

    [Fact]
    public async Task LoadArticles_CellText_LoadsItAsOneArticle()
    {
        (await _k.SubmitAsync("#!load-articles\nAn article typed in the cell. Second sentence.")).Succeeded();

        var frame = _k.Variable<DataFrame>("articles");
        Assert.Equal("An article typed in the cell. Second sentence.", frame.Columns["text"][0]);
    }

    [Fact]
    public async Task LoadArticles_OneMissingFile_LoadsOthersAndListsFailure()
    {
        var good = Path.Combine(_dir, "good.txt");
        File.WriteAllText(good, "A good article.");
        var missing = Path.Combine(_dir, "missing<b>.txt");

        var result = await _k.SubmitAsync($"#!load-articles \"{good},{missing}\"");

        result.Succeeded();
        Assert.Equal(1, _k.Variable<DataFrame>("articles").Rows.Count);
        var failures = result.SingleValue("text/html", v => v.Contains("summarizer-failures", StringComparison.Ordinal));
        Assert.Contains("missing&lt;b&gt;.txt", failures, StringComparison.Ordinal);
        Assert.Contains("no such file or folder", failures, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadArticles_UnreadableInputsOnly_FailsNamingEachInput()
    {
        var empty = Path.Combine(_dir, "empty.txt");
        File.WriteAllText(empty, "   ");

        var message = (await _k.SubmitAsync($"#!load-articles \"{empty},{Path.Combine(_dir, "none", "*.txt")}\"")).Failed();

        Assert.Contains("empty.txt: empty", message, StringComparison.Ordinal);
        Assert.Contains("*.txt: no files match", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadArticles_NoPathAndNoText_FailsWithUsage()
    {
        var message = (await _k.SubmitAsync("#!load-articles")).Failed();

        Assert.Contains("#!load-articles seeds/*.txt", message, StringComparison.Ordinal);
    }
}
