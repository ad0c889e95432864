using Summarizer.Cli.Tests.TestSupport;
using Summarizer.Requests;

namespace Summarizer.Cli.Tests.Docs;

public sealed class ReadmeTests
{
    /// <summary>The README's table of the options both hosts share, as Core declares them.</summary>
    internal static string SharedOptionsTable()
    {
        var rows = RequestOptions.All.Select(o =>
        {
            var names = string.Join(", ", o.Aliases.Where(a => a.StartsWith("--", StringComparison.Ordinal)).Prepend(o.Name).Select(n => $"`{n}`"));
            var value = o.Kind == RequestOptionKind.Flag ? "" : " <value>";
            return $"| {names}{value} | {o.Description.Replace("|", "\\|", StringComparison.Ordinal)} | {o.DefaultValue ?? ""} |";
        });
        return string.Join('\n', rows.Prepend("|---|---|---|").Prepend("| option | what it does | default |"));
    }

    [Fact]
    public void Readme_SharedSummaryOptions_DescribesEveryOptionAsBothHostsRead()
    {
        var readme = File.ReadAllText(Path.Combine(CliRunner.RepoRoot, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);

        var expected = SharedOptionsTable();

        Assert.True(readme.Contains(expected, StringComparison.Ordinal),
            "README.md should list the shared options exactly as Core declares them:\n" + expected);
    }
}
