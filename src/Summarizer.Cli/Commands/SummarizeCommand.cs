using System.CommandLine;
using System.Globalization;
using Summarizer.Ingestion;
using Summarizer.Llm;
using Summarizer.Requests;

namespace Summarizer.Cli.Commands;

/// <summary>
/// <c>summarizer summarize &lt;inputs&gt;</c>: summaries of files, folders, globs, URLs or stdin, with any catalog
/// method. The options are the request options every host shares (<see cref="RequestOptions"/>); the work is
/// <see cref="SummaryPipeline"/>'s.
/// </summary>
internal static class SummarizeCommand
{
    /// <summary>Exit code after Ctrl+C (128 + SIGINT), as shells expect.</summary>
    public const int Cancelled = 130;

    public static Command Create(CliConsole console)
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Files, folders, globs, http(s) URLs or '-' for standard input (JSONL with id and text, or plain text).",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<OutputFormat>("--format", "-f")
        {
            Description = "Output format: text, markdown, json or jsonl.",
            DefaultValueFactory = _ => OutputFormat.Text,
        };
        var fields = new InputFieldOptions();
        var request = new RequestArguments();
        var shard = new ShardOption();
        var command = new Command("summarize", "Summarise articles with an extractive method or an LLM (--method llm).") { inputs, format };
        request.AddTo(command);
        fields.AddTo(command);
        shard.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var summarizeRequest = request.Request(parse);
            using var pipeline = CreatePipeline(summarizeRequest, console);
            var outputFormat = parse.GetValue(format);
            // Language detection runs in the pipeline's parallel stage rather than in the (sequential) reader.
            var items = shard.Get(parse).Filter(
                ArticleLoader.ReadAsync(parse.GetValue(inputs)!, fields.LoadOptions(parse) with { DetectLanguage = false }, console.In, cancellationToken),
                cancellationToken);
            return await RunAsync(pipeline, items, outputFormat, console, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static SummaryPipeline CreatePipeline(SummarizeRequest request, CliConsole console)
    {
        try
        {
            return new SummaryPipeline(request, new PipelineOptions { GetVariable = console.GetVariable });
        }
        catch (UserInputException ex) when (request.IsAbstractive)
        {
            throw new UsageException(ex.Message + Environment.NewLine + "Run 'summarizer providers' to see what is set.");
        }
    }

    /// <summary>
    /// Writes one result per input and returns <see cref="ExitCodes.Ok"/>, <see cref="ExitCodes.SomeInputsFailed"/>, or
    /// <see cref="Cancelled"/> after Ctrl+C (results already written stay written, and LLM answers cached).
    /// </summary>
    private static async Task<int> RunAsync(SummaryPipeline pipeline, IAsyncEnumerable<LoadItem> items, OutputFormat format,
        CliConsole console, CancellationToken cancellationToken)
    {
        var writer = SummaryWriter.Create(format, console.Out);
        var tally = new Tally(pipeline.Request.IsAbstractive, pipeline.Request.Llm.Options.Prices);
        try
        {
            await using var enumerator = items.GetAsyncEnumerator(cancellationToken);
            var first = await enumerator.MoveNextAsync().ConfigureAwait(false) ? enumerator.Current : null;
            var second = first is not null && await enumerator.MoveNextAsync().ConfigureAwait(false) ? enumerator.Current : null;
            if (pipeline.Request.IsAbstractive && first is LoadedArticle only && second is null && format is OutputFormat.Text or OutputFormat.Markdown)
            {
                // One article to a terminal: print the summary as the model writes it.
                await StreamOneAsync(pipeline, only.Article, format, console, tally, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await BatchProgress.RunAsync(console, pipeline.Request.IsAbstractive ? "Summarising" : "Summarised", async report =>
                {
                    await foreach (var result in pipeline.SummarizeAllAsync(Rest(first, second, enumerator), cancellationToken).ConfigureAwait(false))
                    {
                        tally.Add(result);
                        writer.Write(result);
                        report(tally.Done, tally.Failed);
                    }

                    return (tally.Done, tally.Failed);
                }).ConfigureAwait(false);
            }

            writer.Complete();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            writer.Complete();
            await console.Error.WriteLineAsync($"Cancelled after {tally.Done} articles; finished summaries are kept.").ConfigureAwait(false);
            await tally.ReportAsync(console).ConfigureAwait(false);
            return Cancelled;
        }

        await tally.ReportAsync(console).ConfigureAwait(false);
        return tally.Failed > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Ok;
    }

    private static async IAsyncEnumerable<LoadItem> Rest(LoadItem? first, LoadItem? second, IAsyncEnumerator<LoadItem> enumerator)
    {
        if (first is null)
        {
            yield break;
        }

        yield return first;
        if (second is null)
        {
            yield break;
        }

        yield return second;
        while (await enumerator.MoveNextAsync().ConfigureAwait(false))
        {
            yield return enumerator.Current;
        }
    }

    private static async Task StreamOneAsync(SummaryPipeline pipeline, Article article, OutputFormat format, CliConsole console, Tally tally,
        CancellationToken cancellationToken)
    {
        var output = console.Out;
        if (format == OutputFormat.Markdown)
        {
            await output.WriteLineAsync($"## {article.Title ?? article.Id}\n").ConfigureAwait(false);
        }

        var result = await pipeline.SummarizeAsync(article, piece =>
        {
            output.Write(piece);
            output.Flush();
        }, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync().ConfigureAwait(false);
        tally.Add(result);
        if (result.Error is not null)
        {
            await console.Error.WriteLineAsync(result.Error).ConfigureAwait(false);
            return;
        }

        foreach (var sentence in result.Sentences.Where(s => s.Unsupported))
        {
            await console.Error.WriteLineAsync($"unsupported by the article: {sentence.Text}").ConfigureAwait(false);
        }
    }

    /// <summary>Counts results, and for LLM runs tokens and cost, for the summary lines on stderr.</summary>
    private sealed class Tally(bool llm, LlmPrices? prices)
    {
        private TokenUsage _usage = TokenUsage.None;
        private decimal? _cost = prices is null ? null : 0m;
        private int _fromCache;

        public int Done { get; private set; }

        public int Failed { get; private set; }

        public void Add(SummaryResult result)
        {
            Done++;
            Failed += result.Error is null ? 0 : 1;
            if (result.Llm is { } details)
            {
                _fromCache += details.FromCache ? 1 : 0;
                _usage += details.FromCache ? TokenUsage.None : details.Usage;
                _cost += details.Cost;
            }
        }

        public Task ReportAsync(CliConsole console)
        {
            if (!llm)
            {
                return Task.CompletedTask;
            }

            var line = string.Create(CultureInfo.InvariantCulture,
                $"Tokens: {_usage.InputTokens} in, {_usage.OutputTokens} out; {_fromCache} answered from cache");
            if (_cost is not null)
            {
                line += string.Create(CultureInfo.InvariantCulture, $"; cost {_cost.Value:0.######}");
            }

            return console.Error.WriteLineAsync(line);
        }
    }
}
