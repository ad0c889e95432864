using System.Diagnostics;
using System.Globalization;
using Summarizer.Interactive.Tests.TestSupport;
using Xunit.Abstractions;

namespace Summarizer.Interactive.Tests.EndToEnd;

/// <summary>
/// Packs the extension, loads it from a local feed into the real dotnet-interactive tool (as a notebook does) and
/// runs its magic commands there. Prints load and round-trip times.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class DotnetInteractiveToolTests(ITestOutputHelper output)
{
    // The first line of the embedded plotly.js bundle: present only where the library itself is inlined.
    private const string LibraryMarker = "* plotly.js (basic - minified) v4.1.1";

    [Fact]
    public async Task Tool_LoadsPackedExtension_RunsMagicCommandsWithoutFailures()
    {
        var version = "0.1.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "." +
                      Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var feed = Directory.CreateTempSubdirectory("summarizer-feed-").FullName;
        try
        {
            await PackAsync("src/Summarizer.Core", feed, version);
            await PackAsync("src/Summarizer.Interactive", feed, version);
            var load = $"#i \"nuget: {feed}\"\n#r \"nuget: Summarizer.Interactive, {version}\"";
            var article = Seeds.Read("geneva-talks.txt");

            TimeSpan cold;
            await using (var kernel = await KernelProcess.StartAsync(Seeds.RepoRoot))
            {
                output.WriteLine($"start to KernelReady: {kernel.StartupTime.TotalMilliseconds:F0} ms");
                var loaded = await kernel.SubmitCodeAsync(load);
                Assert.True(loaded.Failure is null, loaded.Failure);
                Assert.Contains(loaded.Values("text/html"), v => v.Contains("summarizer-loaded", StringComparison.Ordinal));
                cold = loaded.Elapsed;

                var rounds = new List<double>();
                for (var i = 0; i < 6; i++)
                {
                    var summarized = await kernel.SubmitCodeAsync("#!summarize --method lead --sentences 2\n" + article);
                    Assert.True(summarized.Failure is null, summarized.Failure);
                    Assert.Contains(summarized.Values("text/html"), v => v.Contains("summarizer-card", StringComparison.Ordinal));
                    Assert.Contains(summarized.Values("text/plain"), v => v.StartsWith("Summary by lead (2 of", StringComparison.Ordinal));
                    rounds.Add(summarized.Elapsed.TotalMilliseconds);
                }

                var warm = rounds.Skip(1).Order().ToArray();
                output.WriteLine($"#!summarize round trips (ms): {string.Join(", ", rounds.Select(r => r.ToString("F1", CultureInfo.InvariantCulture)))}; warm median {warm[warm.Length / 2]:F1} ms");

                var chart = await kernel.SubmitCodeAsync("#!word-freq --top 10\n" + article);
                Assert.True(chart.Failure is null, chart.Failure);
                var chartHtml = Assert.Single(chart.Values("text/html"), v => v.Contains("summarizer-chart", StringComparison.Ordinal));
                Assert.Contains(LibraryMarker, chartHtml, StringComparison.Ordinal);
                Assert.Contains("window.Plotly.newPlot", chartHtml, StringComparison.Ordinal);
                Assert.Contains(chart.Values("text/html"), v => v.Contains("<table", StringComparison.Ordinal));

                var second = await kernel.SubmitCodeAsync("#!word-freq --top 5 --ngram 2\n" + article);
                Assert.True(second.Failure is null, second.Failure);

                var entities = await kernel.SubmitCodeAsync("#!entity-freq --types PERSON --top 5\n" + article);
                Assert.True(entities.Failure is null, entities.Failure);
                Assert.Contains(entities.Values("text/html"), v => v.Contains("summarizer-chart", StringComparison.Ordinal) && v.Contains("Blinken", StringComparison.Ordinal));
                var secondHtml = Assert.Single(second.Values("text/html"), v => v.Contains("summarizer-chart", StringComparison.Ordinal));
                Assert.DoesNotContain(LibraryMarker, secondHtml, StringComparison.Ordinal);
                Assert.Contains("window.Plotly.newPlot", secondHtml, StringComparison.Ordinal);

                var table = await kernel.SubmitCodeAsync("#!load-articles " + Seeds.Root);
                Assert.True(table.Failure is null, table.Failure);
                Assert.Contains(table.Values("text/html"), v => v.Contains("<table", StringComparison.Ordinal) && v.Contains("geneva-talks.txt", StringComparison.Ordinal));

                // Every seed gets its language in the tool as on the command line (the French one included).
                var languages = await kernel.SubmitCodeAsync("string.Join(\",\", articles[\"language\"].Cast<object>().Select(l => l ?? \"(none)\"))");
                Assert.True(languages.Failure is null, languages.Failure);
                var codes = Assert.Single(languages.Values("text/plain")).Split(',');
                Assert.Equal(14, codes.Length);
                Assert.DoesNotContain("(none)", codes);
                Assert.Contains("fr", codes);

                // Stories over the loaded seeds: cards, a timeline with its static SVG, and the stories frame.
                var stories = await kernel.SubmitCodeAsync("#!stories --from articles --top 2");
                Assert.True(stories.Failure is null, stories.Failure);
                Assert.Contains(stories.Values("text/html"), v => v.Contains("summarizer-story-card", StringComparison.Ordinal));
                Assert.Contains(stories.Values("image/svg+xml"), v => v.StartsWith("<svg", StringComparison.Ordinal));
                Assert.Contains(stories.Values("text/plain"), v => v.StartsWith("14 articles, 0 copies set apart, 14 stories", StringComparison.Ordinal));
                var storyCount = await kernel.SubmitCodeAsync("$\"{stories.Rows.Count} stories\"");
                Assert.Equal("14 stories", Assert.Single(storyCount.Values("text/plain")));

                // The LLM path in the real tool, against a chat-completions server on loopback.
                await using (var server = new Summarizer.Core.Tests.Llm.LoopbackChatServer())
                {
                    const string key = "sk-e2e-secret-4242";
                    var config = await kernel.SubmitCodeAsync($"#!llm-config --provider openai --endpoint {server.OpenAIEndpoint} --model e2e-model --api-key {key}");
                    Assert.True(config.Failure is null, config.Failure);
                    var llm = await kernel.SubmitCodeAsync("#!summarize --method llm --no-cache --name gist\n" + article);
                    Assert.True(llm.Failure is null, llm.Failure);
                    Assert.Contains(llm.Values("text/html"), v => v.Contains("summarizer-llm-card", StringComparison.Ordinal));
                    Assert.Contains(server.Requests, r => r.Model == "e2e-model" && r.UserText.Contains("Blinken", StringComparison.Ordinal));
                    Assert.DoesNotContain(config.Values("text/html").Concat(config.Values("text/plain")).Concat(llm.Values("text/html")).Concat(llm.Values("text/plain")),
                        v => v.Contains(key, StringComparison.Ordinal));
                }

                var variables = await kernel.SubmitCodeAsync("$\"{summary.Method} {summary.Sentences.Count} {articles.Rows.Count} {wordFreq.Rows.Count}\"");
                Assert.True(variables.Failure is null, variables.Failure);
                Assert.Contains("lead 2 14 5", variables.Values("text/plain"));
            }

            await using (var kernel = await KernelProcess.StartAsync(Seeds.RepoRoot))
            {
                var loaded = await kernel.SubmitCodeAsync(load);
                Assert.Null(loaded.Failure);
                output.WriteLine($"#r load: cold {cold.TotalMilliseconds:F0} ms, warm {loaded.Elapsed.TotalMilliseconds:F0} ms");
            }
        }
        finally
        {
            Directory.Delete(feed, recursive: true);
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

    private async Task PackAsync(string project, string feed, string version)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Seeds.RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "pack", project, "-c", "Release", "-o", feed, "-p:Version=" + version, "-nologo" })
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
