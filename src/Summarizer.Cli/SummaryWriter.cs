using System.Text.Json;
using System.Text.Json.Serialization;
using Summarizer.Requests;

namespace Summarizer.Cli;

/// <summary>
/// Writes <see cref="SummaryResult"/>s in one of the output formats, streaming where the format allows. JSON collects
/// the results and writes one array, in input order, at the end. Thread-safe.
/// </summary>
internal abstract class SummaryWriter(TextWriter output)
{
    private readonly Lock _lock = new();

    protected TextWriter Output { get; } = output;

    public static SummaryWriter Create(OutputFormat format, TextWriter output) => format switch
    {
        OutputFormat.Jsonl => new JsonlWriter(output),
        OutputFormat.Json => new JsonArrayWriter(output),
        OutputFormat.Markdown => new MarkdownWriter(output),
        _ => new TextFormatWriter(output),
    };

    public void Write(SummaryResult result)
    {
        lock (_lock)
        {
            WriteCore(result);
            Output.Flush();
        }
    }

    public virtual void Complete()
    {
        lock (_lock)
        {
            Output.Flush();
        }
    }

    protected abstract void WriteCore(SummaryResult result);

    /// <summary>The JSON record of a result: the same shape for every method, with the LLM's fields when present.</summary>
    public static SummaryRecord ToRecord(SummaryResult r) => r.Error is not null
        ? new SummaryRecord { Id = r.Id, Source = r.Source, Method = r.Method, Error = r.Error }
        : new SummaryRecord
        {
            Id = r.Id,
            Source = r.Source,
            Title = r.Title,
            Language = r.Language,
            Method = r.Method,
            Summary = r.Text,
            Sentences = r.Sentences.Select(s => new SentenceRecord
            {
                ArticleId = s.ArticleId,
                Index = s.Index,
                Start = s.Start,
                End = s.End,
                Text = s.Text,
                Score = Math.Round(s.Score, 6),
                Unsupported = r.Llm is null ? null : s.Unsupported,
                Support = r.Llm is null ? null : s.Support.Select(x => new SupportRecord(x.Index, x.Start, x.End, Math.Round(x.Score, 6)) { ArticleId = x.ArticleId }).ToArray(),
            }).ToArray(),
            Words = r.Words,
            Compression = Math.Round(r.Compression, 4),
            Model = r.Llm?.Model,
            Cached = r.Llm?.FromCache,
            Usage = r.Llm is { } llm ? new UsageRecord(llm.Usage.InputTokens, llm.Usage.OutputTokens) : null,
            Cost = r.Llm?.Cost,
        };

    private sealed class JsonlWriter(TextWriter output) : SummaryWriter(output)
    {
        protected override void WriteCore(SummaryResult result) =>
            Output.WriteLine(JsonSerializer.Serialize(ToRecord(result), SummaryJson.Compact.SummaryRecord));
    }

    private sealed class JsonArrayWriter(TextWriter output) : SummaryWriter(output)
    {
        private readonly List<SummaryResult> _results = [];

        protected override void WriteCore(SummaryResult result) => _results.Add(result);

        public override void Complete()
        {
            Output.WriteLine(JsonSerializer.Serialize(_results.OrderBy(r => r.Index).Select(ToRecord).ToArray(), SummaryJson.Indented.SummaryRecordArray));
            base.Complete();
        }
    }

    private sealed class MarkdownWriter(TextWriter output) : SummaryWriter(output)
    {
        protected override void WriteCore(SummaryResult result)
        {
            Output.WriteLine($"## {result.Title ?? result.Id ?? result.Source ?? "Article"}");
            Output.WriteLine();
            if (result.Error is not null)
            {
                Output.WriteLine($"> **Error**: {result.Error}");
            }
            else if (result.Llm is not null)
            {
                Output.WriteLine(result.Text);
            }
            else
            {
                foreach (var line in result.Text!.Split('\n'))
                {
                    Output.WriteLine($"- {line}");
                }
            }

            Output.WriteLine();
        }
    }

    private sealed class TextFormatWriter(TextWriter output) : SummaryWriter(output)
    {
        private bool _first = true;

        protected override void WriteCore(SummaryResult result)
        {
            if (!_first)
            {
                Output.WriteLine();
            }

            _first = false;
            var heading = result.Title is null ? result.Source ?? result.Id : $"{result.Title} ({result.Source ?? result.Id})";
            if (heading is not null)
            {
                Output.WriteLine($"== {heading}");
            }

            Output.WriteLine(result.Error is null ? result.Text : $"error: {result.Error}");
        }
    }
}

/// <summary>Serializer metadata for summary records, made at build time so that a run starts writing without reflection.</summary>
[JsonSerializable(typeof(SummaryRecord))]
[JsonSerializable(typeof(SummaryRecord[]))]
internal sealed partial class SummaryJson : JsonSerializerContext
{
    public static SummaryJson Compact { get; } = new(new JsonSerializerOptions(JsonOptions.Compact));

    public static SummaryJson Indented { get; } = new(new JsonSerializerOptions(JsonOptions.Indented));
}

/// <summary>One line of <c>summarize -f jsonl</c>.</summary>
internal sealed record SummaryRecord
{
    public string? Id { get; init; }
    public string? Source { get; init; }
    public string? Title { get; init; }
    public string? Language { get; init; }
    public string? Method { get; init; }
    public string? Summary { get; init; }
    public IReadOnlyList<SentenceRecord>? Sentences { get; init; }
    public int? Words { get; init; }
    public double? Compression { get; init; }
    public string? Model { get; init; }
    public bool? Cached { get; init; }
    public UsageRecord? Usage { get; init; }
    public decimal? Cost { get; init; }
    public string? Error { get; init; }
}

/// <summary>A summary sentence: a chosen source sentence (index, offsets) or a written one (support).</summary>
internal sealed record SentenceRecord
{
    public string? ArticleId { get; init; }
    public int? Index { get; init; }
    public int? Start { get; init; }
    public int? End { get; init; }
    public required string Text { get; init; }
    public double Score { get; init; }
    public bool? Unsupported { get; init; }
    public IReadOnlyList<SupportRecord>? Support { get; init; }
}

/// <summary>A source sentence supporting a written one.</summary>
internal sealed record SupportRecord(int Index, int Start, int End, double Score)
{
    public string? ArticleId { get; init; }
}

/// <summary>Tokens of the calls behind an LLM summary.</summary>
internal sealed record UsageRecord(long Input, long Output);
