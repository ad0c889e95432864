using System.CommandLine;
using Summarizer.Ingestion;

namespace Summarizer.Cli;

/// <summary>The options that say where records (JSONL, CSV, Parquet) keep their text and id.</summary>
internal sealed class InputFieldOptions
{
    public Option<string[]> TextField { get; } = new("--text-field") { Description = "JSONL/CSV/Parquet field(s) holding the text (default: text, article)." };

    public Option<string?> IdField { get; } = new("--id-field") { Description = "JSONL/CSV/Parquet field holding the id (default: id)." };

    public void AddTo(Command command)
    {
        command.Options.Add(TextField);
        command.Options.Add(IdField);
    }

    public LoadOptions LoadOptions(ParseResult parse)
    {
        var options = new LoadOptions();
        if (parse.GetValue(IdField) is { Length: > 0 } id)
        {
            options = options with { IdField = id };
        }

        if (parse.GetValue(TextField) is { Length: > 0 } text)
        {
            options = options with { TextFields = text };
        }

        return options;
    }
}
