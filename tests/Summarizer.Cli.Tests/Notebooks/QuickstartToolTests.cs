using System.Diagnostics;
using System.Globalization;
using Summarizer.Cli.Notebooks;
using Summarizer.Interactive.Tests.TestSupport;
using Xunit.Abstractions;

namespace Summarizer.Cli.Tests.Notebooks;

/// <summary>
/// Runs every cell of <c>notebooks/quickstart.ipynb</c> in the real <c>dotnet-interactive stdio</c> tool, as an editor
/// does, with the extension put into a local feed as <c>summarizer notebook setup</c> does and loaded by the notebook's
/// own first cell.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(NotebookKernelCollection.Name)]
public sealed class QuickstartToolTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Quickstart_EveryCellInDotnetInteractive_SucceedsWithTablesChartsAndCards()
    {
        // What 'summarizer notebook setup' does, into a folder of its own; the notebook's first cell loads from it.
        using var feed = new LocalFeed();
        var previous = Environment.GetEnvironmentVariable(NotebookHost.LoadVariable);
        try
        {
            // The kernel process inherits the load lines; an editor's kernel reads them from the setup's file instead.
            Environment.SetEnvironmentVariable(NotebookHost.LoadVariable, feed.Result.Lines);
            var notebook = await NotebookFiles.LoadAsync(Repo.PathOf("notebooks", "quickstart.ipynb"));
            var cells = notebook.Elements.Where(e => e.KernelName == NotebookKernel.CSharp && !string.IsNullOrWhiteSpace(e.Contents)).ToList();

            var html = new List<string>();
            await using (var kernel = await KernelProcess.StartAsync(Repo.Root, workingDirectory: Repo.PathOf("notebooks")))
            {
                output.WriteLine($"start to KernelReady: {kernel.StartupTime.TotalSeconds:F1} s");
                foreach (var cell in cells)
                {
                    var result = await kernel.SubmitCodeAsync(cell.Contents, timeout: TimeSpan.FromMinutes(5));
                    Assert.True(result.Failure is null, $"Cell failed: {FirstLine(cell.Contents)}\n{result.Failure}");
                    Assert.DoesNotContain(result.Events, e => e.EventType == "CommandFailed");
                    html.AddRange(result.Values("text/html"));
                    output.WriteLine($"{result.Elapsed.TotalSeconds,6:F2} s  {FirstLine(cell.Contents)}");
                }
            }

            Assert.Contains(html, h => h.Contains("summarizer-loaded", StringComparison.Ordinal));
            Assert.Contains(html, h => h.Contains("<table", StringComparison.Ordinal));
            var charts = html.Where(h => h.Contains("summarizer-chart", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(charts);
            Assert.All(charts, c => Assert.Contains("window.Plotly.newPlot", c, StringComparison.Ordinal));
            // plotly.js comes with the first chart of the session only; later charts reuse it.
            var library = Summarizer.Interactive.Rendering.PageAssets.Scripts[0].Element;
            Assert.Contains(library, charts[0], StringComparison.Ordinal);
            Assert.All(charts.Skip(1), c => Assert.DoesNotContain(library, c, StringComparison.Ordinal));
            Assert.True(html.Count(h => h.Contains("summarizer-card", StringComparison.Ordinal)) >= 2, "expected a summary card per article");
        }
        finally
        {
            Environment.SetEnvironmentVariable(NotebookHost.LoadVariable, previous);
        }
    }

    private static string FirstLine(string code) => code.Split('\n')[0].Trim();
}
