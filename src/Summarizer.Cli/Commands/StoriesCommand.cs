using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Summarizer.Ingestion;
using Summarizer.Requests;
using Summarizer.Sharding;
using Summarizer.Stories;

namespace Summarizer.Cli.Commands;

/// <summary>
/// <c>summarizer stories &lt;inputs&gt;</c>: a pile of articles as stories, largest first: copies set apart, each story
/// with its label, date span, articles, main entities and a summary drawn from all its articles (or an LLM digest).
/// The summary options are the request options <c>summarize</c> takes (<see cref="RequestOptions"/>); the work is
/// <see cref="StoryPipeline"/>'s.
/// </summary>
internal static class StoriesCommand
{
    public static Command Create(CliConsole console)
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Files, folders, globs, http(s) URLs or '-' for standard input (JSONL with id and text, or plain text).",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<OutputFormat>("--format", "-f")
        {
            Description = "Output format: text, markdown, json or jsonl (one story a line).",
            DefaultValueFactory = _ => OutputFormat.Text,
        };
        var threshold = new Option<double?>("--threshold")
        {
            Description = $"Average TF-IDF similarity at which groups of articles merge into one story, above 0 and at most 1 (default {StoryOptions.Default.Threshold.ToString(CultureInfo.InvariantCulture)}); higher gives more, tighter stories.",
        };
        var minArticles = new Option<int>("--min-articles")
        {
            Description = "Write only stories with at least this many distinct articles (default 1: every story).",
            DefaultValueFactory = _ => 1,
        };
        var fields = new InputFieldOptions();
        var request = new RequestArguments();
        var shardOption = new ShardOption(
            "Only shard K of N (K from 0 to N-1, e.g. 0/4): every shard finds the same copies and stories over all the inputs, "
                + "then summarises and writes only its stories (a stable split by story id) and the load failures of its inputs; 'summarizer merge' joins the outputs.");
        var command = new Command("stories", "Group articles into stories (copies set apart) and summarise each story from all its articles.")
        {
            inputs, format, threshold, minArticles,
        };
        request.AddTo(command);
        fields.AddTo(command);
        shardOption.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var shard = shardOption.Get(parse);
            var storyOptions = StoryOptions.Default;
            if (parse.GetValue(threshold) is { } t)
            {
                if (!(t is > 0 and <= 1))
                {
                    throw new UsageException($"--threshold must be above 0 and at most 1, not {t.ToString(CultureInfo.InvariantCulture)}.");
                }

                storyOptions = storyOptions with { Threshold = t };
            }

            if (parse.GetValue(minArticles) < 1)
            {
                throw new UsageException("--min-articles must be at least 1.");
            }

            var summarizeRequest = request.Request(parse);
            using var pipeline = CreatePipeline(summarizeRequest, storyOptions, console);
            var clock = Stopwatch.StartNew();
            var load = await ArticleLoader.LoadAsync(parse.GetValue(inputs)!, fields.LoadOptions(parse) with { DetectLanguage = false }, console.In, cancellationToken)
                .ConfigureAwait(false);
            var report = pipeline.Find(load.Articles);
            var writer = StoryWriter.Create(parse.GetValue(format), console.Out);

            // Finding stories needs every article, and is cheap; the summaries (LLM digests above all) are the work
            // that shards share out.
            var failures = load.Failures.Where(f => shard.Contains(f)).ToArray();
            var failed = failures.Length;
            var written = 0;
            try
            {
                var shown = report.Stories.Where(s => s.Articles.Count >= parse.GetValue(minArticles) && (shard.Count <= 1 || Shard.Of("story:" + s.Id, shard.Count) == shard.Index));
                await foreach (var result in pipeline.SummarizeAsync(report, shown, cancellationToken).ConfigureAwait(false))
                {
                    failed += result.Summary.Error is null ? 0 : 1;
                    written++;
                    writer.Write(result, report);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                writer.Complete(failures);
                await console.Error.WriteLineAsync($"Cancelled after {written} stories; finished stories are kept.").ConfigureAwait(false);
                return SummarizeCommand.Cancelled;
            }

            writer.Complete(failures);
            var duplicates = report.Duplicates.Duplicates;
            await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Stories: {report.Articles.Count} articles, {duplicates.Count} copies ({duplicates.Count(d => d.Kind == DuplicateKind.Exact)} exact, {duplicates.Count(d => d.Kind == DuplicateKind.Near)} near), {report.Stories.Count} stories ({report.Stories.Count(s => s.Articles.Count > 1)} with several articles), {load.Failures.Count} inputs failed, {clock.Elapsed.TotalSeconds:0.00} s")).ConfigureAwait(false);
            return failed > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Ok;
        });
        return command;
    }

    private static StoryPipeline CreatePipeline(SummarizeRequest request, StoryOptions options, CliConsole console)
    {
        try
        {
            return new StoryPipeline(request, options, options: new PipelineOptions { GetVariable = console.GetVariable });
        }
        catch (UserInputException ex) when (request.IsAbstractive)
        {
            throw new UsageException(ex.Message + Environment.NewLine + "Run 'summarizer providers' to see what is set.");
        }
    }
}

/// <summary>Writes stories in one of the output formats; JSON collects them into one array.</summary>
internal abstract class StoryWriter(TextWriter output)
{
    protected TextWriter Output { get; } = output;

    public static StoryWriter Create(OutputFormat format, TextWriter output) => format switch
    {
        OutputFormat.Jsonl => new JsonlWriter(output),
        OutputFormat.Json => new JsonArrayWriter(output),
        OutputFormat.Markdown => new MarkdownWriter(output),
        _ => new TextWriterFormat(output),
    };

    public abstract void Write(StoryResult result, StoryReport report);

    /// <summary>Ends the output; load failures come last, one each.</summary>
    public abstract void Complete(IReadOnlyList<LoadFailure> failures);

    /// <summary>The JSON record of a story: label, dates, articles with their copies, entities and the summary.</summary>
    public static StoryRecord ToRecord(StoryResult result)
    {
        var (story, summary) = result;
        return new StoryRecord
        {
            Id = story.Id,
            Label = story.Label,
            Headline = story.Headline,
            Keyphrases = story.Keyphrases,
            Articles = story.Articles.Count,
            Copies = story.CopyCount,
            First = Day(story.First),
            Last = Day(story.Last),
            Cohesion = story.Cohesion,
            Entities = story.Entities.Select(e => new StoryEntityRecord(e.Entity, e.Type, e.Articles, e.Count)).ToArray(),
            Method = summary.Method,
            Summary = summary.Text,
            Sentences = summary.Error is null ? SummaryWriter.ToRecord(summary).Sentences : null,
            Words = summary.Error is null ? summary.Words : null,
            Model = summary.Llm?.Model,
            Cached = summary.Llm?.FromCache,
            Usage = summary.Llm is { } llm ? new UsageRecord(llm.Usage.InputTokens, llm.Usage.OutputTokens) : null,
            Cost = summary.Llm?.Cost,
            Members = story.Articles.Select(a => new StoryArticleRecord
            {
                Id = a.Article.Id,
                Title = a.Article.Title,
                Source = a.Article.Source,
                Date = Day(a.Article.Date),
                Centrality = a.Centrality,
                Copies = a.Copies.Count == 0 ? null : a.Copies.Select(c => new CopyRecord(c.Id, c.Kind.ToString().ToLowerInvariant(), c.Similarity)).ToArray(),
            }).ToArray(),
            Error = summary.Error,
        };
    }

    protected static string? Day(DateTimeOffset? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    protected static string Span(Story story) => story.First is null
        ? "undated"
        : story.First.Value.Date == story.Last!.Value.Date ? Day(story.First)! : $"{Day(story.First)} to {Day(story.Last)}";

    protected static string Counts(Story story) =>
        (story.Articles.Count == 1 ? "1 article" : $"{story.Articles.Count} articles")
        + (story.CopyCount == 0 ? "" : story.CopyCount == 1 ? ", 1 copy" : $", {story.CopyCount} copies");

    /// <summary>Where a summary sentence comes from: its article's title (or id) and date.</summary>
    protected static string Attribution(SummarySentence sentence, Story story)
    {
        var article = story.Articles.FirstOrDefault(a => a.Article.Id == sentence.ArticleId)?.Article;
        return article is null ? sentence.ArticleId ?? "" : article.Title ?? article.Source ?? article.Id;
    }

    private sealed class JsonlWriter(TextWriter output) : StoryWriter(output)
    {
        public override void Write(StoryResult result, StoryReport report)
        {
            Output.WriteLine(JsonSerializer.Serialize(ToRecord(result), JsonOptions.Compact));
            Output.Flush();
        }

        public override void Complete(IReadOnlyList<LoadFailure> failures)
        {
            foreach (var f in failures)
            {
                Output.WriteLine(JsonSerializer.Serialize(new SummaryRecord { Source = f.Source, Error = f.Message }, JsonOptions.Compact));
            }

            Output.Flush();
        }
    }

    private sealed class JsonArrayWriter(TextWriter output) : StoryWriter(output)
    {
        private readonly List<object> _records = [];

        public override void Write(StoryResult result, StoryReport report) => _records.Add(ToRecord(result));

        public override void Complete(IReadOnlyList<LoadFailure> failures)
        {
            _records.AddRange(failures.Select(f => new SummaryRecord { Source = f.Source, Error = f.Message }));
            Output.WriteLine(JsonSerializer.Serialize(_records, JsonOptions.Indented));
            Output.Flush();
        }
    }

    private sealed class MarkdownWriter(TextWriter output) : StoryWriter(output)
    {
        public override void Write(StoryResult result, StoryReport report)
        {
            var (story, summary) = result;
            Output.WriteLine($"## {story.Id}: {Md(story.Headline)}");
            Output.WriteLine();
            var about = $"*{Counts(story)} · {Span(story)}*";
            if (story.Keyphrases.Count > 0)
            {
                about += $" · {Md(string.Join(", ", story.Keyphrases))}";
            }

            Output.WriteLine(about);
            if (story.Entities.Count > 0)
            {
                Output.WriteLine();
                Output.WriteLine($"Who and where: {Md(string.Join(", ", story.Entities.Select(e => e.Entity)))}");
            }

            Output.WriteLine();
            if (summary.Error is not null)
            {
                Output.WriteLine($"> **Error**: {Md(summary.Error)}");
            }
            else if (summary.Llm is not null)
            {
                Output.WriteLine(Md(summary.Text ?? ""));
            }
            else
            {
                foreach (var sentence in summary.Sentences)
                {
                    Output.WriteLine($"- {Md(ExtractiveMethod.OneLine(sentence.Text))} *({Md(Attribution(sentence, story))})*");
                }
            }

            Output.WriteLine();
            Output.WriteLine("Articles:");
            Output.WriteLine();
            foreach (var a in story.Articles)
            {
                var copies = a.Copies.Count == 0 ? "" : $" (copies: {Md(string.Join(", ", a.Copies.Select(c => c.Id)))})";
                Output.WriteLine($"- {Day(a.Article.Date) ?? "undated"} · {Md(a.Article.Title ?? a.Article.Id)} · `{a.Article.Id}`{copies}");
            }

            Output.WriteLine();
            Output.Flush();
        }

        public override void Complete(IReadOnlyList<LoadFailure> failures)
        {
            if (failures.Count > 0)
            {
                Output.WriteLine("## Inputs that failed");
                Output.WriteLine();
                foreach (var f in failures)
                {
                    Output.WriteLine($"- {Md(f.Message)}");
                }

                Output.WriteLine();
            }

            Output.Flush();
        }

        // Text from articles must not become markup.
        private static string Md(string text)
        {
            var sb = new System.Text.StringBuilder(text.Length);
            foreach (var c in ExtractiveMethod.OneLine(text))
            {
                if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|')
                {
                    sb.Append('\\');
                }

                sb.Append(c);
            }

            return sb.ToString();
        }
    }

    private sealed class TextWriterFormat(TextWriter output) : StoryWriter(output)
    {
        private bool _first = true;

        public override void Write(StoryResult result, StoryReport report)
        {
            var (story, summary) = result;
            if (!_first)
            {
                Output.WriteLine();
            }

            _first = false;
            Output.WriteLine($"== {story.Id}: {story.Headline} ({Counts(story)}; {Span(story)})");
            if (story.Keyphrases.Count > 0)
            {
                Output.WriteLine($"   key phrases: {string.Join(", ", story.Keyphrases)}");
            }

            if (story.Entities.Count > 0)
            {
                Output.WriteLine($"   who and where: {string.Join(", ", story.Entities.Select(e => e.Entity))}");
            }

            if (summary.Error is not null)
            {
                Output.WriteLine($"error: {summary.Error}");
            }
            else if (summary.Llm is not null)
            {
                Output.WriteLine(summary.Text);
            }
            else
            {
                foreach (var sentence in summary.Sentences)
                {
                    Output.WriteLine($"- {ExtractiveMethod.OneLine(sentence.Text)} [{Attribution(sentence, story)}]");
                }
            }

            foreach (var a in story.Articles)
            {
                var copies = a.Copies.Count == 0 ? "" : $" (copies: {string.Join(", ", a.Copies.Select(c => c.Id))})";
                Output.WriteLine($"   {Day(a.Article.Date) ?? "undated",-10} {a.Article.Id}: {a.Article.Title ?? ""}{copies}");
            }

            Output.Flush();
        }

        public override void Complete(IReadOnlyList<LoadFailure> failures)
        {
            foreach (var f in failures)
            {
                Output.WriteLine($"error: {f.Message}");
            }

            Output.Flush();
        }
    }
}

/// <summary>One line of <c>stories -f jsonl</c>.</summary>
internal sealed record StoryRecord
{
    public required string Id { get; init; }
    public required string Label { get; init; }
    public required string Headline { get; init; }
    public IReadOnlyList<string> Keyphrases { get; init; } = [];
    public int Articles { get; init; }
    public int Copies { get; init; }
    public string? First { get; init; }
    public string? Last { get; init; }
    public double Cohesion { get; init; }
    public IReadOnlyList<StoryEntityRecord> Entities { get; init; } = [];
    public string? Method { get; init; }
    public string? Summary { get; init; }
    public IReadOnlyList<SentenceRecord>? Sentences { get; init; }
    public int? Words { get; init; }
    public string? Model { get; init; }
    public bool? Cached { get; init; }
    public UsageRecord? Usage { get; init; }
    public decimal? Cost { get; init; }
    public IReadOnlyList<StoryArticleRecord> Members { get; init; } = [];
    public string? Error { get; init; }
}

/// <summary>A main entity of a story.</summary>
internal sealed record StoryEntityRecord(string Entity, string Type, int Articles, int Mentions);

/// <summary>One distinct article of a story.</summary>
internal sealed record StoryArticleRecord
{
    public required string Id { get; init; }
    public string? Title { get; init; }
    public string? Source { get; init; }
    public string? Date { get; init; }
    public double Centrality { get; init; }
    public IReadOnlyList<CopyRecord>? Copies { get; init; }
}

/// <summary>A copy of an article: its id, exact or near, and estimated similarity.</summary>
internal sealed record CopyRecord(string Id, string Kind, double Similarity);
