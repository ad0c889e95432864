using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace Summarizer.Cli;

/// <summary>
/// Progress for long runs: a Spectre.Console status line on a terminal, and always one final summary line on stderr
/// (Spectre's live display prints nothing when output is redirected, so the last line is ours).
/// </summary>
internal static class BatchProgress
{
    /// <summary>Runs <paramref name="body"/>, giving it a callback to report (done, failed) counts.</summary>
    public static async Task<(int Done, int Failed)> RunAsync(CliConsole console, string verb,
        Func<Action<int, int>, Task<(int Done, int Failed)>> body)
    {
        var stopwatch = Stopwatch.StartNew();
        (int Done, int Failed) result;
        if (console.IsInteractive)
        {
            var terminal = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            result = await terminal.Status().StartAsync($"{verb}…", async ctx =>
                await body((done, failed) => ctx.Status($"{verb}: {done} done, {failed} failed")).ConfigureAwait(false))
                .ConfigureAwait(false);
        }
        else
        {
            result = await body(static (_, _) => { }).ConfigureAwait(false);
        }

        var seconds = stopwatch.Elapsed.TotalSeconds;
        var rate = seconds > 0 ? result.Done / seconds : 0;
        await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{verb}: {result.Done} articles, {result.Failed} failed, {seconds:0.00} s ({rate:0} articles/s)")).ConfigureAwait(false);
        return result;
    }
}
