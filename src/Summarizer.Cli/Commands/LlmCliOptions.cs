using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Summarizer.Ingestion;
using Summarizer.Llm;

namespace Summarizer.Cli.Commands;

/// <summary>
/// The options of <c>summarize --method llm</c> and the run itself: reads articles, summarises them with the configured
/// provider (streaming when there is one article and the output is text), writes rows, reports usage and cost.
/// Keys come only from the environment, never from the command line.
/// </summary>
internal sealed class LlmCliOptions
{
    /// <summary>Exit code after Ctrl+C (128 + SIGINT), as shells expect.</summary>
    public const int Cancelled = 130;

    private readonly Func<string, string?>? _getVariable;

    public LlmCliOptions(Func<string, string?>? getVariable = null) => _getVariable = getVariable;

    public Option<string?> Provider { get; } = new Option<string?>("--provider")
    {
        Description = "LLM provider: azure or openai (OpenAI-compatible servers via --base-url). Default: azure when AZURE_OPENAI_ENDPOINT is set.",
    }.AcceptOnlyFromAmong([.. LlmProviders.Names]);

    public Option<string?> Model { get; } = new("--model") { Description = "Model (openai) or deployment (azure); overrides AZURE_OPENAI_DEPLOYMENT." };

    public Option<string?> Style { get; } = new Option<string?>("--style")
    {
        Description = "Summary shape: paragraph (default), bullets, headline or tldr.",
    }.AcceptOnlyFromAmong("paragraph", "bullets", "headline", "tldr");

    public Option<string?> Prompt { get; } = new("--prompt")
    {
        Description = "Custom prompt with {text} (and optional {title}, {words}, {language}, {style}); @file reads it from a file.",
    };

    public Option<int?> TargetWords { get; } = new("--target-words") { Description = "Target summary length in words (default 80; headline 15, tldr 30)." };

    public Option<string?> Language { get; } = new("--output-language") { Description = "Output language, e.g. French or de (default: the article's)." };

    public Option<float?> Temperature { get; } = new("--temperature") { Description = "Sampling temperature 0-2 (default 0.2)." };

    public Option<int> Concurrency { get; } = new("--concurrency") { Description = "Articles summarised at once.", DefaultValueFactory = _ => 4 };

    public Option<bool> NoCache { get; } = new("--no-cache") { Description = "Call the model even when an answer is cached on disk." };

    public Option<string?> CacheDirectory { get; } = new("--cache-dir") { Description = "Folder of cached answers (default ~/.cache/summarizer/llm)." };

    public Option<Uri?> Endpoint { get; } = new("--endpoint", "--base-url")
    {
        Description = "Azure resource endpoint, or OpenAI-compatible base URL with /v1 (e.g. http://localhost:11434/v1 for Ollama).",
    };

    public Option<string?> Preselect { get; } = new("--preselect") { Description = "Extractive method whose sentences are sent instead of the whole article (hybrid)." };

    public Option<int?> MaxInputTokens { get; } = new("--max-input-tokens") { Description = "Prompt tokens per call before long articles are chunked (default 12000)." };

    public Option<double?> TimeoutSeconds { get; } = new("--timeout") { Description = "Seconds to wait for a response before retrying (default 120)." };

    public Option<int?> MaxRetries { get; } = new("--max-retries") { Description = "Retries after 429, 5xx or timeouts (default 4)." };

    public Option<decimal?> PriceInput { get; } = new("--price-input") { Description = "Price per million prompt tokens, to report cost." };

    public Option<decimal?> PriceOutput { get; } = new("--price-output") { Description = "Price per million completion tokens, to report cost." };

    public IReadOnlyList<Option> All =>
    [
        Provider, Model, Style, Prompt, TargetWords, Language, Temperature, Concurrency, NoCache, CacheDirectory, Endpoint,
        Preselect, MaxInputTokens, TimeoutSeconds, MaxRetries, PriceInput, PriceOutput,
    ];

    /// <summary>Adds every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in All)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The provider configuration: environment first, then <c>--provider</c>, <c>--model</c>, <c>--endpoint</c>.</summary>
    public LlmConfiguration ResolveConfiguration(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        try
        {
            var name = parse.GetValue(Provider);
            var config = LlmProviders.FromEnvironment(name is null ? null : LlmProviders.ParseProvider(name), _getVariable);
            if (parse.GetValue(Model) is { Length: > 0 } model)
            {
                config = config with { Model = model };
            }

            if (parse.GetValue(Endpoint) is { } endpoint)
            {
                config = config with { Endpoint = endpoint };
            }

            if (config.Missing.Count > 0)
            {
                throw new UsageException(
                    $"The {config.Provider.ToString().ToLowerInvariant()} provider is not configured; missing: {string.Join(", ", config.Missing)}. "
                    + "Run 'summarizer providers' to see what is set.");
            }

            return config;
        }
        catch (ArgumentException ex)
        {
            throw new UsageException(ex.Message.Split(" (Parameter", 2)[0]);
        }
    }

    /// <summary>The summariser options from the command line.</summary>
    public LlmOptions ResolveOptions(ParseResult parse, string? model)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var options = new LlmOptions
        {
            Model = model,
            Style = parse.GetValue(Style) is { } style ? Enum.Parse<SummaryStyle>(style, ignoreCase: true) : SummaryStyle.Paragraph,
            PromptTemplate = ReadPrompt(parse.GetValue(Prompt)),
            TargetWords = parse.GetValue(TargetWords),
            Language = parse.GetValue(Language),
            MaxConcurrency = parse.GetValue(Concurrency),
            UseCache = !parse.GetValue(NoCache),
            CacheDirectory = parse.GetValue(CacheDirectory),
            Preselect = parse.GetValue(Preselect),
        };
        if (parse.GetValue(Temperature) is { } temperature)
        {
            options = options with { Temperature = temperature };
        }

        if (parse.GetValue(MaxInputTokens) is { } maxInput)
        {
            options = options with { MaxInputTokens = maxInput };
        }

        if (parse.GetValue(TimeoutSeconds) is { } seconds)
        {
            options = options with { Timeout = seconds > 0 ? TimeSpan.FromSeconds(seconds) : TimeSpan.Zero };
        }

        if (parse.GetValue(MaxRetries) is { } retries)
        {
            options = options with { MaxRetries = retries };
        }

        var priceIn = parse.GetValue(PriceInput);
        var priceOut = parse.GetValue(PriceOutput);
        if (priceIn is not null || priceOut is not null)
        {
            options = options with { Prices = new LlmPrices(priceIn ?? 0, priceOut ?? 0) };
        }

        try
        {
            options.Validate();
        }
        catch (ArgumentException ex)
        {
            throw new UsageException(ex.Message.Split(" (Parameter", 2)[0]);
        }

        return options;
    }

    /// <summary>
    /// Summarises <paramref name="inputs"/> and writes one row per article or load failure. Returns
    /// <see cref="ExitCodes.Ok"/>, <see cref="ExitCodes.SomeInputsFailed"/>, or <see cref="Cancelled"/> after Ctrl+C
    /// (rows already written stay written and cached).
    /// </summary>
    public async Task<int> RunAsync(ParseResult parse, IAsyncEnumerable<LoadItem> inputs, OutputFormat format, CliConsole console,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(console);
        var config = ResolveConfiguration(parse);
        var options = ResolveOptions(parse, config.Model);
        using var client = LlmProviders.CreateChatClient(config);
        var summarizer = new LlmSummarizer(client, options);
        var writer = new RowWriter(console.Out, format);
        var failed = 0;
        var done = 0;
        var fromCache = 0;
        var usage = TokenUsage.None;
        decimal? cost = options.Prices is null ? null : 0m;

        void Count(LlmBatchResult row)
        {
            Interlocked.Increment(ref done);
            if (row.Summary is null)
            {
                Interlocked.Increment(ref failed);
                return;
            }

            fromCache += row.Summary.FromCache ? 1 : 0;
            usage += row.Summary.FromCache ? TokenUsage.None : row.Summary.Usage;
            cost += row.Summary.Cost;
        }

        try
        {
            // Peek: with exactly one article and text output, stream the summary as it is written.
            var loaded = new List<Article>();
            var enumerator = inputs.GetAsyncEnumerator(cancellationToken);
            await using (enumerator.ConfigureAwait(false))
            {
                var more = true;
                while (loaded.Count < 2 && (more = await enumerator.MoveNextAsync().ConfigureAwait(false)))
                {
                    if (Accept(enumerator.Current, writer, ref failed, ref done) is { } article)
                    {
                        loaded.Add(article);
                    }
                }

                if (!more && loaded.Count == 1 && format is OutputFormat.Text or OutputFormat.Markdown)
                {
                    var row = await StreamOneAsync(summarizer, loaded[0], console, format, cancellationToken).ConfigureAwait(false);
                    Count(row);
                }
                else
                {
                    async IAsyncEnumerable<Article> Rest()
                    {
                        foreach (var a in loaded)
                        {
                            yield return a;
                        }

                        while (more && await enumerator.MoveNextAsync().ConfigureAwait(false))
                        {
                            if (Accept(enumerator.Current, writer, ref failed, ref done) is { } article)
                            {
                                yield return article;
                            }
                        }
                    }

                    await BatchProgress.RunAsync(console, "Summarising", async report =>
                    {
                        await foreach (var row in summarizer.SummarizeBatchAsync(Rest(), null, null, cancellationToken).ConfigureAwait(false))
                        {
                            Count(row);
                            writer.Write(row);
                            report(done, failed);
                        }

                        return (done, failed);
                    }).ConfigureAwait(false);
                }
            }

            writer.Finish();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            writer.Finish();
            await console.Error.WriteLineAsync($"Cancelled after {done} articles; finished summaries are cached.").ConfigureAwait(false);
            await WriteUsageAsync(console, usage, cost, fromCache).ConfigureAwait(false);
            return Cancelled;
        }

        await WriteUsageAsync(console, usage, cost, fromCache).ConfigureAwait(false);
        return failed > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Ok;
    }

    private static Article? Accept(LoadItem item, RowWriter writer, ref int failed, ref int done)
    {
        switch (item)
        {
            case LoadedArticle loaded:
                return loaded.Article;
            case LoadFailure failure:
                // Called from the batch's reader task while rows complete on another.
                Interlocked.Increment(ref failed);
                Interlocked.Increment(ref done);
                writer.WriteFailure(failure);
                return null;
            default:
                return null;
        }
    }

    private static async Task<LlmBatchResult> StreamOneAsync(LlmSummarizer summarizer, Article article, CliConsole console, OutputFormat format,
        CancellationToken cancellationToken)
    {
        var output = console.Out;
        if (format == OutputFormat.Markdown)
        {
            await output.WriteLineAsync($"## {article.Title ?? article.Id}\n").ConfigureAwait(false);
        }

        LlmSummary summary;
        try
        {
            var document = Analysis.TextAnalyzer.Default.Analyze(article);
            summary = await summarizer.SummarizeAsync(document, piece =>
            {
                output.Write(piece);
                output.Flush();
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await output.WriteLineAsync().ConfigureAwait(false);
            await console.Error.WriteLineAsync($"{article.Source ?? article.Id}: {ex.Message}").ConfigureAwait(false);
            return new LlmBatchResult(0, article, null, ex.Message);
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        foreach (var sentence in summary.UnsupportedSentences)
        {
            await console.Error.WriteLineAsync($"unsupported by the article: {sentence.Text}").ConfigureAwait(false);
        }

        return new LlmBatchResult(0, article, summary, null);
    }

    private static Task WriteUsageAsync(CliConsole console, TokenUsage usage, decimal? cost, int fromCache)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"Tokens: {usage.InputTokens} in, {usage.OutputTokens} out; {fromCache} answered from cache");
        if (cost is not null)
        {
            line += string.Create(CultureInfo.InvariantCulture, $"; cost {cost.Value:0.######}");
        }

        return console.Error.WriteLineAsync(line);
    }

    private static string? ReadPrompt(string? value)
    {
        if (value is null || !value.StartsWith('@'))
        {
            return value;
        }

        var path = value[1..];
        return File.Exists(path) ? File.ReadAllText(path) : throw new UsageException($"--prompt {value}: no such file.");
    }

    /// <summary>Writes rows in the chosen format; JSON collects them and writes one array at the end, in input order.</summary>
    private sealed class RowWriter(TextWriter output, OutputFormat format)
    {
        private readonly Lock _lock = new();
        private readonly List<(int Order, object Row)> _collected = [];
        private int _order;

        public void Write(LlmBatchResult result)
        {
            var row = ToRow(result);
            lock (_lock)
            {
                switch (format)
                {
                    case OutputFormat.Jsonl:
                        output.WriteLine(JsonSerializer.Serialize(row, JsonOptions.Compact));
                        break;
                    case OutputFormat.Json:
                        _collected.Add((result.Index, row));
                        break;
                    case OutputFormat.Markdown:
                        output.WriteLine($"## {result.Article.Title ?? result.Article.Id}\n");
                        output.WriteLine(result.Summary?.Text ?? $"**Error:** {result.Error}");
                        output.WriteLine();
                        break;
                    default:
                        output.WriteLine($"[{result.Article.Id}] {result.Article.Source}");
                        output.WriteLine(result.Summary?.Text ?? $"error: {result.Error}");
                        output.WriteLine();
                        break;
                }

                output.Flush();
            }
        }

        public void WriteFailure(LoadFailure failure)
        {
            lock (_lock)
            {
                var row = new Row(null, failure.Source, null, null, null, null, null, null, null, failure.Message);
                switch (format)
                {
                    case OutputFormat.Jsonl:
                        output.WriteLine(JsonSerializer.Serialize(row, JsonOptions.Compact));
                        break;
                    case OutputFormat.Json:
                        _collected.Add((-1 - _order++, row));
                        break;
                    default:
                        output.WriteLine($"error: {failure.Message}");
                        output.WriteLine();
                        break;
                }

                output.Flush();
            }
        }

        public void Finish()
        {
            lock (_lock)
            {
                if (format == OutputFormat.Json)
                {
                    output.WriteLine(JsonSerializer.Serialize(_collected.OrderBy(r => r.Order).Select(r => r.Row), JsonOptions.Indented));
                    _collected.Clear();
                }

                output.Flush();
            }
        }

        private static Row ToRow(LlmBatchResult result)
        {
            var s = result.Summary;
            return new Row(
                result.Article.Id,
                result.Article.Source,
                result.Article.Title,
                s?.Text,
                s?.Grounding.Select(g => new GroundedRow(g.Text, g.Unsupported, g.Sources.Select(x => new SupportRow(x.Index, x.Score)).ToArray())).ToArray(),
                s?.Model,
                s?.FromCache,
                s is null ? null : new UsageRow(s.Usage.InputTokens, s.Usage.OutputTokens),
                s?.Cost,
                result.Error);
        }
    }

    private sealed record Row(
        string? id, string? source, string? title, string? summary, GroundedRow[]? sentences, string? model, bool? cached,
        UsageRow? usage, decimal? cost, string? error);

    private sealed record GroundedRow(string text, bool unsupported, SupportRow[] sources);

    private sealed record SupportRow(int index, double score);

    private sealed record UsageRow(long input, long output);
}
