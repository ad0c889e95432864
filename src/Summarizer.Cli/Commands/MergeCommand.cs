using System.CommandLine;
using System.Globalization;
using System.Text;
using Summarizer.Sharding;

namespace Summarizer.Cli.Commands;

/// <summary><c>summarizer merge &lt;parts&gt;</c>: joins the JSONL outputs of <c>--shard</c> runs (see <see cref="ShardMerge"/>).</summary>
internal static class MergeCommand
{
    public static Command Create(CliConsole console)
    {
        var parts = new Argument<string[]>("parts")
        {
            Description = "JSONL outputs of 'summarize --shard' or 'entities --shard' runs.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file (written whole, then renamed into place) instead of standard output." };
        var command = new Command("merge",
            "Join the JSONL outputs of sharded runs: every row once, ordered by source (path, then line number) and id.") { parts, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var files = parse.GetValue(parts)!;
            var path = parse.GetValue(output);
            int rows;
            if (path is null)
            {
                rows = await ShardMerge.MergeAsync(files, console.Out, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var temp = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
                try
                {
                    await using (var writer = new StreamWriter(temp, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
                    {
                        rows = await ShardMerge.MergeAsync(files, writer, cancellationToken).ConfigureAwait(false);
                    }

                    File.Move(temp, path, overwrite: true);
                }
                finally
                {
                    File.Delete(temp);
                }
            }

            await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Merged {rows} rows from {files.Length} parts.")).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
