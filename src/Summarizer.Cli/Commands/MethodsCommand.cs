using System.CommandLine;
using System.Text.Json;
using Summarizer.Summarization;

namespace Summarizer.Cli.Commands;

/// <summary><c>summarizer methods</c>: lists the catalog.</summary>
internal static class MethodsCommand
{
    public static Command Create(CliConsole console)
    {
        var json = new Option<bool>("--json") { Description = "Print the catalog as JSON." };
        var command = new Command("methods", "List the summarisation methods, their options and defaults.") { json };
        command.SetAction(parse =>
        {
            var output = console.Out;
            if (parse.GetValue(json))
            {
                var methods = SummarizerCatalog.Methods.Select(m => new
                {
                    name = m.Name,
                    title = m.Title,
                    description = m.Description,
                    kind = m.Kind.ToString().ToLowerInvariant(),
                    @default = m == SummarizerCatalog.Default,
                    aliases = m.Aliases,
                    options = m.Options.Select(o => new { name = o.Name, description = o.Description, @default = o.DefaultValue, accepts = o.Accepts }),
                });
                output.WriteLine(JsonSerializer.Serialize(methods, JsonOptions.Indented));
                return ExitCodes.Ok;
            }

            foreach (var m in SummarizerCatalog.Methods)
            {
                var marker = m == SummarizerCatalog.Default ? " (default)" : string.Empty;
                output.WriteLine($"{m.Name,-12}{m.Title}{marker}: {m.Description}");
                if (m.Aliases.Count > 0)
                {
                    output.WriteLine($"{string.Empty,-12}aliases: {string.Join(", ", m.Aliases)}");
                }

                foreach (var o in m.Options)
                {
                    var flag = m.Kind == SummarizerKind.Extractive ? $"--option {o.Name}=<value>" : o.Name;
                    var accepts = m.Kind == SummarizerKind.Extractive ? $"; {o.Accepts}" : "";
                    var fallback = o.DefaultValue.Length == 0 ? "" : $" (default {o.DefaultValue}{accepts})";
                    output.WriteLine($"{string.Empty,-12}{flag}  {o.Description}{fallback}");
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
