using System.CommandLine;
using System.Globalization;
using Summarizer.Cli.Notebooks;

namespace Summarizer.Cli.Commands;

/// <summary><c>summarizer notebook run</c>: executes a notebook headless and writes the executed .ipynb and an .html page.</summary>
internal static class NotebookCommand
{
    public static Command Create(CliConsole console) => Create(console, NotebookHost.CreateRunner, NotebookHost.CreateExporter);

    /// <summary>Builds the command with the given runner and exporter factories (tests pass their own).</summary>
    public static Command Create(CliConsole console, Func<NotebookRunner> runner, Func<NotebookHtmlExporter> exporter)
    {
        var notebook = new Argument<string>("notebook") { Description = "The .ipynb or .dib notebook to run." };
        var output = new Option<string>("--out", "-o")
        {
            Description = "Directory for the executed <name>.ipynb and the self-contained <name>.html.",
            Required = true,
        };
        var timeout = new Option<double>("--timeout")
        {
            Description = "Seconds one cell may run before it counts as failed.",
            DefaultValueFactory = _ => 600,
        };
        var workingDirectory = new Option<string?>("--kernel-working-dir")
        {
            Description = "Directory relative paths in cells resolve against (default: the notebook's directory).",
        };
        var continueOnError = new Option<bool>("--continue-on-error")
        {
            Description = "Run the remaining cells after a cell fails (default: stop, as Run All does).",
        };

        var run = new Command("run", "Execute every cell with the Summarizer extension loaded; write the executed .ipynb and a self-contained .html.")
        {
            notebook, output, timeout, workingDirectory, continueOnError,
        };
        run.SetAction((parse, cancellationToken) => RunAsync(
            console,
            runner(),
            exporter(),
            parse.GetValue(notebook)!,
            parse.GetValue(output)!,
            parse.GetValue(timeout),
            parse.GetValue(workingDirectory),
            parse.GetValue(continueOnError),
            cancellationToken));

        var jupyter = new Option<bool>("--jupyter")
        {
            Description = $"Also register the .net-csharp Jupyter kernel (dotnet-interactive {InteractiveVersion}, started by its full path).",
        };
        var setup = new Command("setup", "Make the Summarizer extension loadable in notebooks (VS Code or Jupyter) and check the kernel.") { jupyter };
        setup.SetAction(parse => Setup(console, NotebookSetup.ForCurrentUser(), parse.GetValue(jupyter)));

        return new Command("notebook", "Set up, run and share notebooks.") { setup, run };
    }

    /// <summary>The dotnet-interactive tool this project is tested with (the version in dotnet-tools.json).</summary>
    public const string InteractiveVersion = "1.0.712001";

    internal static int Setup(CliConsole console, NotebookSetup setup, bool registerJupyter)
    {
        var result = setup.Install();
        var output = console.Out;
        output.WriteLine($"Summarizer {result.Version} is in the local feed {result.Feed}.");
        output.WriteLine($"A notebook loads it with these two lines (saved in {result.LoadFile}, which the notebooks in notebooks/ read):");
        output.WriteLine();
        output.Write(result.Lines);
        output.WriteLine();
        if (registerJupyter)
        {
            var app = NotebookSetup.FindInteractiveApp(InteractiveVersion)
                ?? throw new UsageException($"dotnet-interactive {InteractiveVersion} is not installed: run 'dotnet tool restore' in the repository, "
                    + $"or 'dotnet tool install -g Microsoft.dotnet-interactive --version {InteractiveVersion}', then run this again.");
            output.WriteLine($"Registered the Jupyter kernel .net-csharp: {NotebookSetup.InstallJupyterKernel(app, NotebookSetup.JupyterKernelsDirectory())}");
        }

        output.WriteLine("Kernels:");
        output.WriteLine("  VS Code: " + NotebookSetup.VsCodeHasPolyglot() switch
        {
            true => "the Polyglot Notebooks extension is installed.",
            false => "install the Polyglot Notebooks extension (ms-dotnettools.dotnet-interactive-vscode).",
            null => "'code' is not on the PATH; in VS Code, install the Polyglot Notebooks extension (ms-dotnettools.dotnet-interactive-vscode).",
        });
        output.WriteLine("  Jupyter: " + NotebookSetup.JupyterHasDotnetKernel() switch
        {
            true => "the .net-csharp kernel is registered.",
            false => "no .net-csharp kernel: run 'summarizer notebook setup --jupyter'.",
            null => "Jupyter is not installed (pip install jupyter, or your system's jupyter packages).",
        });
        return ExitCodes.Ok;
    }

    private static async Task<int> RunAsync(
        CliConsole console,
        NotebookRunner runner,
        NotebookHtmlExporter exporter,
        string notebookPath,
        string outputDirectory,
        double timeoutSeconds,
        string? workingDirectory,
        bool continueOnError,
        CancellationToken cancellationToken)
    {
        if (!double.IsFinite(timeoutSeconds) || timeoutSeconds <= 0)
        {
            throw new UsageException($"--timeout must be a positive number of seconds, not {timeoutSeconds.ToString(CultureInfo.InvariantCulture)}.");
        }

        var source = Path.GetFullPath(notebookPath);
        if (!File.Exists(source))
        {
            throw new UsageException($"Notebook not found: {notebookPath}");
        }

        var kernelDirectory = Path.GetFullPath(workingDirectory ?? Path.GetDirectoryName(source)!);
        if (!Directory.Exists(kernelDirectory))
        {
            throw new UsageException($"--kernel-working-dir: directory not found: {workingDirectory}");
        }

        var name = Path.GetFileNameWithoutExtension(source);
        var outDirectory = Path.GetFullPath(outputDirectory);
        var ipynbPath = Path.Combine(outDirectory, name + ".ipynb");
        var htmlPath = Path.Combine(outDirectory, name + ".html");
        if (string.Equals(ipynbPath, source, StringComparison.Ordinal))
        {
            throw new UsageException($"--out would overwrite the notebook itself ({notebookPath}); choose another directory.");
        }

        Microsoft.DotNet.Interactive.Documents.InteractiveDocument document;
        try
        {
            document = await NotebookFiles.LoadAsync(source).ConfigureAwait(false);
        }
        catch (NotebookFormatException ex)
        {
            throw new UsageException(ex.Message);
        }

        Directory.CreateDirectory(outDirectory);
        var codeCells = document.Elements.Count(e => e.KernelName != NotebookKernel.Markdown && !string.IsNullOrWhiteSpace(e.Contents));
        var options = new NotebookRunOptions
        {
            CellTimeout = TimeSpan.FromSeconds(timeoutSeconds),
            WorkingDirectory = kernelDirectory,
            ContinueOnError = continueOnError,
        };

        var done = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await runner.RunAsync(
            document,
            options,
            report =>
            {
                if (report.Outcome == CellOutcome.NotCode)
                {
                    return;
                }

                done++;
                var status = report.Outcome switch
                {
                    CellOutcome.Succeeded => "ok",
                    CellOutcome.Failed => "FAILED",
                    _ => "skipped",
                };
                console.Error.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"[{done}/{codeCells}] cell {report.Index + 1} ({report.KernelName}) {status} {report.Elapsed.TotalSeconds:0.00} s"));
                if (report.Error is { } error)
                {
                    console.Error.WriteLine("    " + FirstLine(error));
                }
            },
            cancellationToken).ConfigureAwait(false);

        NotebookFiles.WriteIpynb(result.Document, ipynbPath, NotebookFiles.CellIds(source));
        NotebookFiles.WriteText(htmlPath, exporter.Export(result.Document, name));

        var failed = result.Cells.Count(c => c.Outcome == CellOutcome.Failed);
        var skipped = result.Cells.Count(c => c.Outcome == CellOutcome.Skipped);
        var succeeded = result.Cells.Count(c => c.Outcome == CellOutcome.Succeeded);
        console.Out.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{Path.GetFileName(source)}: {succeeded} cells succeeded, {failed} failed, {skipped} not run in {clock.Elapsed.TotalSeconds:0.0} s."));
        console.Out.WriteLine($"Wrote {ipynbPath}");
        console.Out.WriteLine($"Wrote {htmlPath}");
        return result.Succeeded ? ExitCodes.Ok : ExitCodes.SomeInputsFailed;
    }

    private static string FirstLine(string text)
    {
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? text : text[..newline].TrimEnd('\r') + " ...";
    }
}
