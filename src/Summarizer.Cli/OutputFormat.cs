namespace Summarizer.Cli;

/// <summary>Output formats of the batch commands.</summary>
internal enum OutputFormat
{
    Text,
    Markdown,
    Json,
    Jsonl,
}
