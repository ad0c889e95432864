using System.CommandLine;
using System.Text.Json;
using Summarizer.Llm;

namespace Summarizer.Cli.Commands;

/// <summary><c>summarizer providers</c>: which LLM providers are configured and what each still needs. Never prints a key.</summary>
internal static class ProvidersCommand
{
    public static Command Create(CliConsole console, Func<string, string?>? getVariable = null)
    {
        var json = new Option<bool>("--json") { Description = "Print the providers as JSON." };
        var model = new Option<string?>("--model", "-m") { Description = "The model or deployment you intend to use (counts as configured)." };
        var command = new Command("providers", "List LLM providers (for --method llm): what is configured and what is missing.") { json, model };
        command.SetAction(parse =>
        {
            var statuses = LlmProviders.Describe(getVariable, parse.GetValue(model));
            var output = console.Out;
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(statuses.Select(s => new
                {
                    name = s.Name,
                    description = s.Description,
                    configured = s.IsConfigured,
                    settings = s.Settings.Select(x => new { name = x.Name, state = x.State, secret = x.IsSecret }),
                    missing = s.Missing,
                }), JsonOptions.Indented));
                return ExitCodes.Ok;
            }

            foreach (var s in statuses)
            {
                output.WriteLine($"{s.Name,-8}{(s.IsConfigured ? "configured" : "not configured")}: {s.Description}");
                foreach (var setting in s.Settings)
                {
                    output.WriteLine($"{string.Empty,-8}{setting.Name,-26}{setting.State}");
                }

                if (s.Missing.Count > 0)
                {
                    output.WriteLine($"{string.Empty,-8}missing: {string.Join(", ", s.Missing)}");
                }
            }

            output.WriteLine("Keys are read from the environment only; use: summarizer summarize --method llm --provider azure|openai --model <name>.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
