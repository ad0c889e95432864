using System.Diagnostics;
using System.Globalization;
using Summarizer.Cli.Notebooks;
using Summarizer.Interactive.Tests.TestSupport;
using Xunit.Abstractions;

namespace Summarizer.Cli.Tests.Notebooks;

/// <summary>
/// Runs every cell of <c>notebooks/quickstart.ipynb</c> in the real <c>dotnet-interactive stdio</c> tool, as an editor
/// does, with the extension packed into a local feed and loaded by the notebook's own first cell.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(NotebookKernelCollection.Name)]
public sealed class QuickstartToolTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Quickstart_EveryCellInDotnetInteractive_SucceedsWithTablesChartsAndCards()
    {
        // A version of its own so NuGet's cache (keyed by id and version) cannot serve an older build.
        var version = "0.1.0-nb." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "." +
                      Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var work = Directory.CreateTempSubdirectory("summarizer-nb-e2e-").FullName;
        var feed = Directory.CreateDirectory(Path.Combine(work, "feed")).FullName;
        var previousFeed = Environment.GetEnvironmentVariable("SUMMARIZER_FEED");
        var previousVersion = Environment.GetEnvironmentVariable("SUMMARIZER_VERSION");
        try
        {
            var build = Path.Combine(work, "build");
            await PackAsync("src/Summarizer.Core", feed, version, build);
            await PackAsync("src/Summarizer.Interactive", feed, version, build);

            // The notebook's load cell reads these; the kernel process inherits them.
            Environment.SetEnvironmentVariable("SUMMARIZER_FEED", feed);
            Environment.SetEnvironmentVariable("SUMMARIZER_VERSION", version);
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
            Environment.SetEnvironmentVariable("SUMMARIZER_FEED", previousFeed);
            Environment.SetEnvironmentVariable("SUMMARIZER_VERSION", previousVersion);
            Directory.Delete(work, recursive: true);
            var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ??
                           Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            foreach (var id in new[] { "summarizer.interactive", "summarizer.core" })
            {
                var folder = Path.Combine(packages, id, version);
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        }
    }

    private static string FirstLine(string code) => code.Split('\n')[0].Trim();

    /// <summary>Packs into <paramref name="feed"/>, building under <paramref name="build"/> so that other test runs
    /// packing the same projects at the same time do not write the same obj and bin folders.</summary>
    private static async Task PackAsync(string project, string feed, string version, string build)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "pack", project, "-c", "Release", "-o", feed, "-p:Version=" + version, "--artifacts-path", build, "-nologo" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"dotnet pack {project} failed: {await stdout} {await stderr}");
    }
}
