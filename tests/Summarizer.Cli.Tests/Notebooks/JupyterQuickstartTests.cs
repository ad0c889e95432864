using System.Diagnostics;
using Summarizer.Cli.Commands;
using Summarizer.Cli.Notebooks;
using Xunit.Abstractions;

namespace Summarizer.Cli.Tests.Notebooks;

/// <summary>
/// The quickstart through the real Jupyter client: <c>summarizer notebook setup --jupyter</c>'s feed and kernel spec,
/// <c>jupyter nbconvert --execute</c> with the pinned dotnet-interactive as the <c>.net-csharp</c> kernel, nbformat's
/// own validation of the saved notebook, and nbconvert's HTML read in Chromium with scripts off.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(NotebookKernelCollection.Name)]
public sealed class JupyterQuickstartTests(ITestOutputHelper output)
{
    [JupyterFact]
    public async Task Quickstart_ExecutedByJupyter_SucceedsWithoutWarningsValidatesAndReadsWithoutScripts()
    {
        using var feed = new LocalFeed();
        var app = NotebookSetup.FindInteractiveApp(NotebookCommand.InteractiveVersion);
        Assert.True(app is not null, $"dotnet-interactive {NotebookCommand.InteractiveVersion} is not in the NuGet cache; run 'dotnet tool restore'.");
        var jupyterData = Path.Combine(feed.Root, "jupyter");
        NotebookSetup.InstallJupyterKernel(app!, Path.Combine(jupyterData, "kernels"));
        var outDirectory = Path.Combine(feed.Root, "out");
        var environment = new Dictionary<string, string>
        {
            ["XDG_DATA_HOME"] = feed.DataHome,
            ["JUPYTER_DATA_DIR"] = jupyterData,
            ["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1",
            // The notebook must load through the setup's file, as it does for a user.
            [NotebookHost.LoadVariable] = "",
        };

        var run = await RunAsync("jupyter", environment, "nbconvert", "--to", "notebook", "--execute",
            "--ExecutePreprocessor.kernel_name=.net-csharp", "--ExecutePreprocessor.timeout=600",
            Repo.PathOf("notebooks", "quickstart.ipynb"), "--output-dir", outDirectory);

        Assert.True(run.ExitCode == 0, run.Stderr);
        var noise = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith("[NbConvertApp] Converting notebook", StringComparison.Ordinal)
                        && !l.StartsWith("[NbConvertApp] Writing", StringComparison.Ordinal))
            .ToArray();
        Assert.True(noise.Length == 0, "nbconvert said more than it converted: " + string.Join('\n', noise));
        var executed = Path.Combine(outDirectory, "quickstart.ipynb");

        var validation = await RunAsync("/usr/bin/python3", environment, "-c",
            "import json, sys\nfrom nbformat.validator import iter_validate\nnb = json.load(open(sys.argv[1]))\n"
            + "errors = [e.message for e in iter_validate(nb, version=4, version_minor=5)]\nprint('\\n'.join(errors))\nsys.exit(1 if errors else 0)",
            executed);
        Assert.True(validation.ExitCode == 0, "nbformat validation: " + validation.Stdout + validation.Stderr);

        var html = await RunAsync("jupyter", environment, "nbconvert", "--to", "html", executed, "--output-dir", outDirectory);
        Assert.True(html.ExitCode == 0, html.Stderr);
        if (File.Exists(ChromiumFactAttribute.ExecutablePath))
        {
            await ScriptFreeView.AssertReadableAsync(Path.Combine(outDirectory, "quickstart.html"), "jupyter-no-js", minCharts: 2, minTables: 4, minCards: 14);
        }
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string program, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repo.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            if (value.Length == 0)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s  {program} {string.Join(' ', arguments.Take(4))}");
        return (process.ExitCode, await stdout, await stderr);
    }
}

/// <summary>A fact that needs Jupyter's nbconvert and nbformat (Debian's jupyter-nbconvert and python3-nbclient).</summary>
public sealed class JupyterFactAttribute : FactAttribute
{
    public JupyterFactAttribute()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator);
        if (!path.Any(p => File.Exists(Path.Combine(p, "jupyter-nbconvert"))) || !File.Exists("/usr/bin/python3"))
        {
            Skip = "Needs jupyter-nbconvert and python3-nbclient (apt-get install -y jupyter-nbconvert python3-nbclient python3-ipykernel; .ci/install does this in CI).";
        }
    }
}
