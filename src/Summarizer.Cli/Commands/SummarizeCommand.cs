using System.CommandLine;
using System.Text.Json;
using Summarizer.Analysis;
using Summarizer.Ingestion;
using Summarizer.Summarization;

namespace Summarizer.Cli.Commands;

/// <summary><c>summarizer summarize &lt;inputs&gt;</c>: extractive summaries of files, folders, globs, URLs or stdin.</summary>
internal static class SummarizeCommand
{
    public static Command Create(CliConsole console)
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Files, folders, globs, http(s) URLs or '-' for standard input (JSONL with id and text, or plain text).",
            Arity = ArgumentArity.OneOrMore,
        };
        var method = new Option<string?>("--method", "-m")
        {
            Description = $"Summarisation method: {string.Join(", ", SummarizerCatalog.Names)} (default {SummarizerCatalog.Default.Name}).",
        };
        method.CompletionSources.Add(_ => SummarizerCatalog.Names.Select(n => new System.CommandLine.Completions.CompletionItem(n)));
        var length = new LengthOptions();
        var format = new Option<OutputFormat>("--format", "-f")
        {
            Description = "Output format: text, markdown, json or jsonl.",
            DefaultValueFactory = _ => OutputFormat.Text,
        };
        var methodOptions = new Option<string[]>("--option", "-o")
        {
            Description = "A method option as name=value (repeatable); see 'summarizer methods'.",
            AllowMultipleArgumentsPerToken = false,
        };
        var language = new Option<string?>("--language") { Description = "ISO 639-1 language for stop words and stemming (default: detected, else en)." };
        var textField = new Option<string[]>("--text-field") { Description = "JSONL/CSV/Parquet field(s) holding the text (default: text, article)." };
        var idField = new Option<string?>("--id-field") { Description = "JSONL/CSV/Parquet field holding the id (default: id)." };

        var command = new Command("summarize", "Summarise articles with an extractive method or an LLM (--method llm).")
        {
            inputs, method, length.Sentences, length.Ratio, length.Words, format, methodOptions, language, textField, idField,
        };
        var llm = new LlmCliOptions(console.GetVariable);
        llm.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var summaryLength = length.Resolve(parse);
            var entry = MethodArguments.Resolve(parse.GetValue(method));
            if (entry.Kind == SummarizerKind.Abstractive)
            {
                var llmInputs = ArticleLoader.ReadAsync(parse.GetValue(inputs)!, LoadOptionsFrom(parse.GetValue(idField), parse.GetValue(textField)), console.In, cancellationToken);
                return await llm.RunAsync(parse, llmInputs, parse.GetValue(format), console, cancellationToken).ConfigureAwait(false);
            }

            var summarizer = MethodArguments.Create(entry, MethodArguments.ParseOptions(parse.GetValue(methodOptions)));
            var analyzer = new TextAnalyzer(new AnalysisOptions { Language = parse.GetValue(language) });
            // Language detection runs in the parallel stage below rather than in the (sequential) reader.
            var loadOptions = LoadOptionsFrom(parse.GetValue(idField), parse.GetValue(textField)) with { DetectLanguage = false };
            var detect = parse.GetValue(language) is null;
            var items = ArticleLoader.ReadAsync(parse.GetValue(inputs)!, loadOptions, console.In, cancellationToken);
            var writer = SummaryWriter.Create(parse.GetValue(format), console.Out);
            var (_, failures) = await BatchProgress.RunAsync(console, "Summarised", async report =>
            {
                int done = 0, failed = 0;
                await foreach (var batch in Batches(items, 256, cancellationToken).ConfigureAwait(false))
                {
                    var results = new SummaryRecord[batch.Count];
                    Parallel.For(0, batch.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
                    {
                        results[i] = batch[i] switch
                        {
                            LoadedArticle loaded => Summarize(detect ? WithLanguage(loaded.Article) : loaded.Article, analyzer, summarizer, summaryLength),
                            LoadFailure failure => SummaryRecord.Failed(null, failure.Source, failure.Message),
                            var other => SummaryRecord.Failed(null, other.Source, "Unrecognised input."),
                        };
                    });

                    foreach (var record in results)
                    {
                        failed += record.Error is null ? 0 : 1;
                        done++;
                        writer.Write(record);
                    }

                    report(done, failed);
                }

                writer.Complete();
                return (done, failed);
            }).ConfigureAwait(false);
            return failures == 0 ? ExitCodes.Ok : ExitCodes.SomeInputsFailed;
        });
        return command;
    }

    internal static LoadOptions LoadOptionsFrom(string? idField, string[]? textFields)
    {
        var options = new LoadOptions();
        if (!string.IsNullOrWhiteSpace(idField))
        {
            options = options with { IdField = idField };
        }

        if (textFields is { Length: > 0 })
        {
            options = options with { TextFields = textFields };
        }

        return options;
    }

    private static Article WithLanguage(Article article) =>
        article.Language is null ? article with { Language = LanguageDetector.Detect(article.Text) } : article;

    private static SummaryRecord Summarize(Article article, TextAnalyzer analyzer, ISummarizer summarizer, SummaryLength length)
    {
        try
        {
            var document = analyzer.Analyze(article);
            if (document.Sentences.Count == 0)
            {
                return SummaryRecord.Failed(article.Id, article.Source, "The article has no text to summarise.");
            }

            var summary = summarizer.Summarize(document, length);
            return new SummaryRecord(article.Id, article.Source, article.Title, summary.Text, summary.Indices, summarizer.Name, null);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException)
        {
            return SummaryRecord.Failed(article.Id, article.Source, ex.Message);
        }
    }

    internal static async IAsyncEnumerable<List<T>> Batches<T>(IAsyncEnumerable<T> items, int size,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var batch = new List<T>(size);
        await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            batch.Add(item);
            if (batch.Count == size)
            {
                yield return batch;
                batch = new List<T>(size);
            }
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }
}

/// <summary>One output record of <c>summarize</c>.</summary>
internal sealed record SummaryRecord(
    string? Id, string? Source, string? Title, string? Summary, IReadOnlyList<int>? Sentences, string? Method, string? Error)
{
    public static SummaryRecord Failed(string? id, string? source, string error) => new(id, source, null, null, null, null, error);
}

/// <summary>Writes summary records in one of the output formats, streaming where the format allows.</summary>
internal abstract class SummaryWriter(TextWriter output)
{
    protected TextWriter Output { get; } = output;

    public static SummaryWriter Create(OutputFormat format, TextWriter output) => format switch
    {
        OutputFormat.Jsonl => new JsonlWriter(output),
        OutputFormat.Json => new JsonArrayWriter(output),
        OutputFormat.Markdown => new MarkdownWriter(output),
        _ => new TextWriterFormat(output),
    };

    public abstract void Write(SummaryRecord record);

    public virtual void Complete() => Output.Flush();

    private static object ToJson(SummaryRecord r) => r.Error is null
        ? new { id = r.Id, source = r.Source, title = r.Title, method = r.Method, summary = r.Summary, sentences = r.Sentences }
        : new { id = r.Id, source = r.Source, error = r.Error };

    private sealed class JsonlWriter(TextWriter output) : SummaryWriter(output)
    {
        public override void Write(SummaryRecord record) =>
            Output.WriteLine(JsonSerializer.Serialize(ToJson(record), JsonOptions.Compact));
    }

    private sealed class JsonArrayWriter(TextWriter output) : SummaryWriter(output)
    {
        private readonly List<object> _records = [];

        public override void Write(SummaryRecord record) => _records.Add(ToJson(record));

        public override void Complete()
        {
            Output.WriteLine(JsonSerializer.Serialize(_records, JsonOptions.Indented));
            base.Complete();
        }
    }

    private sealed class MarkdownWriter(TextWriter output) : SummaryWriter(output)
    {
        public override void Write(SummaryRecord record)
        {
            var heading = record.Title ?? record.Id ?? record.Source ?? "Article";
            Output.WriteLine($"## {heading}");
            Output.WriteLine();
            if (record.Error is not null)
            {
                Output.WriteLine($"> **Error** ({record.Source}): {record.Error}");
            }
            else
            {
                foreach (var line in record.Summary!.Split('\n'))
                {
                    Output.WriteLine($"- {line}");
                }
            }

            Output.WriteLine();
        }
    }

    private sealed class TextWriterFormat(TextWriter output) : SummaryWriter(output)
    {
        private bool _first = true;

        public override void Write(SummaryRecord record)
        {
            if (!_first)
            {
                Output.WriteLine();
            }

            _first = false;
            var heading = record.Title is null ? record.Source ?? record.Id : $"{record.Title} ({record.Source ?? record.Id})";
            if (heading is not null)
            {
                Output.WriteLine($"== {heading}");
            }

            Output.WriteLine(record.Error is null ? record.Summary : $"error: {record.Error}");
        }
    }
}
