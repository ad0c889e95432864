using System.CommandLine;
using Summarizer.Cli.Commands;

namespace Summarizer.Cli;

/// <summary>Exit codes of the <c>summarizer</c> tool.</summary>
internal static class ExitCodes
{
    /// <summary>Everything worked.</summary>
    public const int Ok = 0;

    /// <summary>The command line was wrong (unknown option, bad value, missing input).</summary>
    public const int Usage = 1;

    /// <summary>The run finished but some inputs failed; their errors are in the output.</summary>
    public const int SomeInputsFailed = 2;

    /// <summary>A batch job is not finished: the inputs still waiting have no record yet.</summary>
    public const int NotFinished = 3;

    /// <summary>The Batch API refused a call or could not be reached.</summary>
    public const int ServiceFailed = 4;
}

/// <summary>Builds and runs the command tree. Each command lives in <c>Commands/</c> and only parses, calls Core, writes.</summary>
internal static class CliApp
{
    public static RootCommand BuildRootCommand(CliConsole console)
    {
        var root = new RootCommand("Summarizer: summarise, analyse and evaluate news articles.");
        root.Subcommands.Add(SummarizeCommand.Create(console));
        root.Subcommands.Add(EvalCommand.Create(console));
        root.Subcommands.Add(MethodsCommand.Create(console));
        root.Subcommands.Add(EntitiesCommand.Create(console));
        root.Subcommands.Add(NerCommand.Create(console));
        root.Subcommands.Add(NotebookCommand.Create(console));
        root.Subcommands.Add(ProvidersCommand.Create(console));
        root.Subcommands.Add(StoriesCommand.Create(console));
        root.Subcommands.Add(BatchCommand.Create(console));
        root.Subcommands.Add(MergeCommand.Create(console));
        return root;
    }

    public static Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr,
        CancellationToken cancellationToken = default) =>
        RunAsync(args, new CliConsole(stdin, stdout, stderr), cancellationToken);

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var (stdout, stderr) = (console.Out, console.Error);
        var root = BuildRootCommand(console);
        // Our own handler below turns usage mistakes into exit code 1 without a stack trace.
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await stderr.WriteLineAsync(error.Message).ConfigureAwait(false);
            }

            await stderr.WriteLineAsync("Run 'summarizer --help' for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        try
        {
            return await parse.InvokeAsync(config, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is UsageException or UserInputException)
        {
            await stderr.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return ExitCodes.Usage;
        }
    }
}

/// <summary>The streams a command reads and writes; tests pass their own.</summary>
internal sealed record CliConsole(TextReader In, TextWriter Out, TextWriter Error)
{
    /// <summary>Reads environment variables (provider settings); tests substitute their own.</summary>
    public Func<string, string?> GetVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>True when standard error is a terminal, so live progress is worth drawing.</summary>
    public bool IsInteractive => ReferenceEquals(Error, Console.Error) && !Console.IsErrorRedirected;
}

/// <summary>A command-line mistake the user can fix; reported on stderr with exit code 1.</summary>
internal sealed class UsageException(string message) : Exception(message);
