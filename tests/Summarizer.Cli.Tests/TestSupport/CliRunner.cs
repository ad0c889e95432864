namespace Summarizer.Cli.Tests.TestSupport;

/// <summary>Runs the CLI in-process with captured streams.</summary>
internal static class CliRunner
{
    public static Task<(int ExitCode, string Out, string Error)> RunAsync(string? stdin, params string[] args) =>
        RunWithEnvironmentAsync(new Dictionary<string, string>(), stdin, args);

    /// <summary>Runs with exactly these environment variables visible to the command.</summary>
    public static async Task<(int ExitCode, string Out, string Error)> RunWithEnvironmentAsync(
        IReadOnlyDictionary<string, string> environment, string? stdin, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var input = new StringReader(stdin ?? string.Empty);
        var console = new CliConsole(input, output, error) { GetVariable = environment.GetValueOrDefault };
        var code = await CliApp.RunAsync(args, console);
        return (code, output.ToString(), error.ToString());
    }

    public static string RepoRoot { get; } = FindRoot();

    public static string Seed(string name) => Path.Combine(RepoRoot, "seeds", name);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Summarizer.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException("Summarizer.sln not found above the test binaries.");
    }
}
