using System.Diagnostics;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Directives;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Events;

namespace Summarizer.Cli.Notebooks;

/// <summary>How a headless run behaves.</summary>
internal sealed record NotebookRunOptions
{
    /// <summary>Longest time one cell may run before it is recorded as failed; 10 minutes by default.</summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Directory the kernel resolves relative paths against while the cells run; null (the default) leaves the
    /// process's current directory alone.
    /// </summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Run the remaining cells after one fails; false (the default) stops at the first failure, as Run All does.</summary>
    public bool ContinueOnError { get; init; }
}

/// <summary>What happened to one cell.</summary>
internal enum CellOutcome
{
    /// <summary>Markdown or an empty cell: nothing to run.</summary>
    NotCode,

    /// <summary>Ran without error.</summary>
    Succeeded,

    /// <summary>Ran and failed, or timed out; an error output was recorded.</summary>
    Failed,

    /// <summary>Not run because an earlier cell failed.</summary>
    Skipped,
}

/// <summary>The report for one cell.</summary>
/// <param name="Index">Zero-based position in the notebook.</param>
/// <param name="KernelName">Kernel the cell targets.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Elapsed">Time the cell took (zero when not run).</param>
/// <param name="Error">The error message when the cell failed.</param>
internal sealed record CellReport(int Index, string KernelName, CellOutcome Outcome, TimeSpan Elapsed, string? Error);

/// <summary>The executed notebook (outputs filled in) and a report per cell.</summary>
internal sealed record NotebookRunResult(InteractiveDocument Document, IReadOnlyList<CellReport> Cells)
{
    /// <summary>True when no cell failed or was skipped.</summary>
    public bool Succeeded => Cells.All(c => c.Outcome is CellOutcome.Succeeded or CellOutcome.NotCode);
}

/// <summary>
/// Executes a notebook's code cells in order in one in-process kernel and records each cell's outputs on the
/// document, as an editor would when running all cells.
/// </summary>
internal sealed class NotebookRunner
{
    private readonly Func<CompositeKernel, Task> _loadExtensions;
    private readonly HostedPackages _hostedPackages;

    /// <summary>Creates a runner.</summary>
    /// <param name="loadExtensions">Loads kernel extensions into a fresh kernel before the first cell runs.</param>
    /// <param name="hostedPackages">Packages built into the runner; references to them are already satisfied.</param>
    public NotebookRunner(Func<CompositeKernel, Task> loadExtensions, HostedPackages hostedPackages)
    {
        _loadExtensions = loadExtensions;
        _hostedPackages = hostedPackages;
    }

    /// <summary>Runs every code cell of <paramref name="document"/>, replacing its outputs; returns the report.</summary>
    /// <param name="document">The notebook; its cells' outputs and execution counts are rewritten in place.</param>
    /// <param name="options">Timeout and working directory.</param>
    /// <param name="onCellDone">Called after each cell, for progress.</param>
    /// <param name="cancellationToken">Stops the run between cells.</param>
    public async Task<NotebookRunResult> RunAsync(
        InteractiveDocument document,
        NotebookRunOptions options,
        Action<CellReport>? onCellDone = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(options);

        var previousDirectory = Directory.GetCurrentDirectory();
        if (options.WorkingDirectory is { } workingDirectory)
        {
            Directory.SetCurrentDirectory(workingDirectory);
        }

        try
        {
            using var kernel = NotebookKernel.Create(_hostedPackages);
            await LoadExtensionsAsync(kernel).ConfigureAwait(false);

            var reports = new List<CellReport>();
            var executionCount = 0;
            var stop = false;
            for (var i = 0; i < document.Elements.Count; i++)
            {
                var cell = document.Elements[i];
                var kernelName = cell.KernelName ?? NotebookKernel.CSharp;
                CellReport report;
                if (kernelName == NotebookKernel.Markdown || string.IsNullOrWhiteSpace(cell.Contents))
                {
                    cell.Outputs.Clear();
                    report = new CellReport(i, kernelName, CellOutcome.NotCode, TimeSpan.Zero, null);
                }
                else if (stop)
                {
                    cell.Outputs.Clear();
                    cell.ExecutionOrder = 0;
                    report = new CellReport(i, kernelName, CellOutcome.Skipped, TimeSpan.Zero, null);
                }
                else
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    cell.ExecutionOrder = ++executionCount;
                    report = await RunCellAsync(kernel, cell, i, kernelName, options.CellTimeout, cancellationToken)
                        .ConfigureAwait(false);
                    stop = report.Outcome == CellOutcome.Failed && !options.ContinueOnError;
                }

                reports.Add(report);
                onCellDone?.Invoke(report);
            }

            return new NotebookRunResult(document, reports);
        }
        finally
        {
            Directory.SetCurrentDirectory(previousDirectory);
        }
    }

    private async Task LoadExtensionsAsync(CompositeKernel kernel)
    {
        // Extensions may read Kernel.Root, which exists only while a command runs (as it does when the notebook tool
        // runs a package's extension.dib), so the loaders run as the handler of a hidden directive.
        const string directive = "#!load-hosted-extensions";
        kernel.AddDirective(
            new KernelActionDirective(directive) { Hidden = true },
            (_, _) => _loadExtensions(kernel));
        var result = await kernel.SendAsync(new SubmitCode(directive)).ConfigureAwait(false);
        if (result.Events.OfType<CommandFailed>().FirstOrDefault() is { } failed)
        {
            throw new InvalidOperationException($"Loading the kernel extensions failed: {failed.Message}", failed.Exception);
        }
    }

    private async Task<CellReport> RunCellAsync(
        CompositeKernel kernel,
        InteractiveDocumentElement cell,
        int index,
        string kernelName,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var outputs = new CellOutputCollector(cell);
        var stopwatch = Stopwatch.StartNew();
        if (!NotebookKernel.Hosts(kernel, kernelName))
        {
            var message = $"Cell {index + 1} targets the '{kernelName}' kernel, which this runner does not host "
                          + $"(it runs {NotebookKernel.CSharp} and {NotebookKernel.Value} cells).";
            outputs.AddError("KernelNotFound", message);
            return new CellReport(index, kernelName, CellOutcome.Failed, stopwatch.Elapsed, message);
        }

        using var subscription = kernel.KernelEvents.Subscribe(new Observer(outputs.Add));
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        var run = kernel.SendAsync(new SubmitCode(cell.Contents, kernelName), timeoutSource.Token);

        // The kernel stops a cell at the token only where the cell's code awaits; the delay bounds the wait anyway.
        await Task.WhenAny(run, Task.Delay(Timeout.Infinite, timeoutSource.Token)).ConfigureAwait(false);
        if (!run.IsCompleted || run.IsCanceled)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var message = $"Cell {index + 1} did not finish within {timeout.TotalSeconds:0.###} s.";
            outputs.AddError("Timeout", message);
            return new CellReport(index, kernelName, CellOutcome.Failed, stopwatch.Elapsed, message);
        }

        var result = await run.ConfigureAwait(false);
        subscription.Dispose();
        stopwatch.Stop();

        // Events raised while the command ran are already recorded through the subscription; the result's own
        // list is the fallback for a failure that was reported only there.
        var failed = result.Events.OfType<CommandFailed>().FirstOrDefault(f => f.Command == result.Command)
                     ?? result.Events.OfType<CommandFailed>().FirstOrDefault();
        if (failed is not null)
        {
            outputs.EnsureError(failed);
            return new CellReport(index, kernelName, CellOutcome.Failed, stopwatch.Elapsed, failed.Message);
        }

        return new CellReport(index, kernelName, CellOutcome.Succeeded, stopwatch.Elapsed, null);
    }

    private sealed class Observer(Action<KernelEvent> onNext) : IObserver<KernelEvent>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(KernelEvent value) => onNext(value);
    }
}
