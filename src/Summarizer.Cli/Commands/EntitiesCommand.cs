using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Summarizer.Entities;
using Summarizer.Ingestion;

namespace Summarizer.Cli.Commands;

/// <summary>
/// <c>summarizer entities &lt;inputs&gt;</c>: named entities (and dates, amounts, percentages, quantities) per article,
/// or with <c>--table</c> one frequency table over all articles.
/// </summary>
internal static class EntitiesCommand
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
            Description = "Output format: jsonl or text.",
            DefaultValueFactory = _ => OutputFormat.Jsonl,
        };
        var types = new Option<string?>("--types") { Description = "Comma-separated entity types to report (default: all)." };
        var numbers = new Option<bool>("--numbers") { Description = "Also report bare numbers as NUMBER." };
        var table = new Option<bool>("--table") { Description = "Print one frequency table (entity, type, count, articles, example sentence) instead of mentions." };
        var fields = new InputFieldOptions();
        var shard = new ShardOption();
        var command = new Command("entities", "Find people, organisations, places, other names, dates and amounts in articles.")
        {
            inputs, format, types, numbers, table,
        };
        fields.AddTo(command);
        shard.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var outputFormat = parse.GetValue(format);
            if (outputFormat is not (OutputFormat.Jsonl or OutputFormat.Text))
            {
                throw new UsageException("--format must be jsonl or text for entities.");
            }

            var (wanted, problems) = EntityTypes.ParseList(parse.GetValue(types));
            if (problems.Count > 0)
            {
                throw new UsageException(string.Join(Environment.NewLine, problems));
            }

            var part = shard.Get(parse);
            var asTable = parse.GetValue(table);
            if (asTable && part.Count > 1)
            {
                throw new UsageException("--table counts over all articles, so it cannot run on one --shard; run it once over every input.");
            }

            var recognizer = EntityRecognizer.Default.With(new EntityRecognizerOptions { IncludeNumbers = parse.GetValue(numbers) });
            var items = part.Filter(ArticleLoader.ReadAsync(parse.GetValue(inputs)!, fields.LoadOptions(parse), console.In, cancellationToken), cancellationToken);
            var tableRows = new List<(string Id, string Text)>();
            var (_, failures) = await BatchProgress.RunAsync(console, "Recognised", async report =>
            {
                int done = 0, failed = 0;
                var records = items.SelectInOrderAsync((item, _) => item switch
                {
                    LoadedArticle loaded when asTable => new EntityRecord(loaded.Article.Id, loaded.Article.Source, null, null, loaded.Article.Text),
                    LoadedArticle loaded => Recognize(recognizer, loaded.Article, wanted),
                    var other => new EntityRecord(null, other.Source, null, other is LoadFailure f ? f.Message : "Unrecognised input.", null),
                }, cancellationToken: cancellationToken);
                await foreach (var record in records.ConfigureAwait(false))
                {
                    failed += record.Error is null ? 0 : 1;
                    done++;
                    if (asTable && record.Error is null)
                    {
                        tableRows.Add((record.Id ?? record.Source ?? done.ToString(CultureInfo.InvariantCulture), record.Text!));
                    }
                    else
                    {
                        Write(console.Out, outputFormat, record);
                    }

                    report(done, failed);
                }

                return (done, failed);
            }).ConfigureAwait(false);

            if (asTable)
            {
                var counts = EntityFrequencies.Count(tableRows, recognizer, new EntityFrequencyOptions { Types = wanted });
                WriteTable(console.Out, outputFormat, counts);
            }

            await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
            return failures == 0 ? ExitCodes.Ok : ExitCodes.SomeInputsFailed;
        });
        return command;
    }

    // Offsets index the article's text as given (title and dateline included), as in the notebook.
    private static EntityRecord Recognize(EntityRecognizer recognizer, Article article, IReadOnlySet<string>? wanted)
    {
        try
        {
            var mentions = recognizer.Recognize(article.Text).Where(m => wanted is null || wanted.Contains(m.Type)).ToList();
            return new EntityRecord(article.Id, article.Source, mentions, null, null);
        }
        catch (Exception ex)
        {
            // One article's failure is its own row; the rest of the run goes on.
            return new EntityRecord(article.Id, article.Source, null, $"{article.Source ?? article.Id}: {ex.Message}", null);
        }
    }

    private static void Write(TextWriter output, OutputFormat format, EntityRecord record)
    {
        if (format == OutputFormat.Jsonl)
        {
            object json = record.Error is null
                ? new { id = record.Id, entities = record.Mentions!.Select(m => new { text = m.Text, type = m.Type, start = m.Start, end = m.End }) }
                : new { id = record.Id, source = record.Source, error = record.Error };
            output.WriteLine(JsonSerializer.Serialize(json, JsonOptions.Compact));
            return;
        }

        output.WriteLine($"## {record.Id ?? record.Source}");
        if (record.Error is not null)
        {
            output.WriteLine($"error: {record.Error}");
        }
        else
        {
            foreach (var m in record.Mentions!)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{m.Type,-13} {m.Start,6}-{m.End,-6} {m.Text}"));
            }
        }

        output.WriteLine();
    }

    private static void WriteTable(TextWriter output, OutputFormat format, IReadOnlyList<EntityCount> counts)
    {
        if (format == OutputFormat.Jsonl)
        {
            foreach (var c in counts)
            {
                output.WriteLine(JsonSerializer.Serialize(
                    new { entity = c.Entity, type = c.Type, count = c.Count, articles = c.Articles, example = c.ExampleSentence }, JsonOptions.Compact));
            }

            return;
        }

        var width = counts.Count == 0 ? 6 : Math.Max(6, counts.Max(c => c.Entity.Length));
        output.WriteLine($"{"Entity".PadRight(width)}  {"Type",-13} {"Count",6} {"Articles",8}  Example");
        foreach (var c in counts)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{c.Entity.PadRight(width)}  {c.Type,-13} {c.Count,6} {c.Articles,8}  {c.ExampleSentence}"));
        }
    }

    private sealed record EntityRecord(string? Id, string? Source, IReadOnlyList<EntityMention>? Mentions, string? Error, string? Text);
}
