using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Summarizer.Analysis;
using Summarizer.Evaluation;
using Summarizer.Summarization;

namespace Summarizer.Cli.Commands;

/// <summary>
/// <c>summarizer eval &lt;set.jsonl&gt;</c>: runs methods over an evaluation set and scores them with ROUGE-1.5.5-equivalent
/// ROUGE-1/2/L, with throughput; precomputed summaries from other tools can be scored beside them.
/// </summary>
internal static class EvalCommand
{
    public static Command Create(CliConsole console)
    {
        var set = new Argument<FileInfo>("set") { Description = "JSONL with id, article (or text), optional title, and highlights (or summary)." };
        var methods = new Option<string?>("--methods")
        {
            Description = "Comma-separated methods to run (default: every extractive method in the catalog). 'none' runs only --candidates.",
        };
        var length = new LengthOptions();
        var candidates = new Option<string[]>("--candidates")
        {
            Description = "Precomputed summaries to score as name=file.jsonl (records with id and summary); repeatable.",
        };
        var methodOptions = new Option<string[]>("--option", "-o") { Description = "A method option as name=value, for a single --methods entry." };
        var limit = new Option<int?>("--limit") { Description = "Use only the first N records." };
        var format = new Option<OutputFormat>("--format", "-f") { Description = "text, markdown or json.", DefaultValueFactory = _ => OutputFormat.Text };
        var threads = new Option<int?>("--threads") { Description = "Worker threads for the methods (default: all cores)." };

        var command = new Command("eval", "Score summarisation methods against reference summaries with ROUGE.")
        {
            set, methods, length.Sentences, length.Ratio, length.Words, candidates, methodOptions, limit, format, threads,
        };
        command.SetAction(parse =>
        {
            var file = parse.GetValue(set)!;
            if (!file.Exists)
            {
                throw new UsageException($"{file.FullName}: no such file.");
            }

            var summaryLength = length.Resolve(parse);
            var chosen = ChooseMethods(parse.GetValue(methods));
            var overrides = MethodArguments.ParseOptions(parse.GetValue(methodOptions));
            if (overrides.Count > 0 && chosen.Count != 1)
            {
                throw new UsageException("--option applies to one method; name exactly one with --methods.");
            }

            IReadOnlyList<EvaluationItem> items;
            try
            {
                items = EvaluationSet.ReadJsonl(file.FullName, parse.GetValue(limit));
            }
            catch (FormatException ex)
            {
                throw new UsageException(ex.Message);
            }

            var parallel = new ParallelOptions { MaxDegreeOfParallelism = parse.GetValue(threads) ?? Environment.ProcessorCount };
            var rows = new List<EvalRow>();
            foreach (var method in chosen)
            {
                rows.Add(RunMethod(method, overrides, items, summaryLength, parallel));
            }

            foreach (var spec in parse.GetValue(candidates) ?? [])
            {
                rows.Add(ScoreCandidates(spec, items));
            }

            Write(console.Out, parse.GetValue(format), file.Name, items.Count, summaryLength, rows);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static List<SummarizerMethod> ChooseMethods(string? names)
    {
        if (string.IsNullOrWhiteSpace(names))
        {
            return SummarizerCatalog.Methods.Where(m => m.Kind == SummarizerKind.Extractive).ToList();
        }

        if (names.Trim().Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        return names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(MethodArguments.Resolve)
            .ToList();
    }

    private static EvalRow RunMethod(SummarizerMethod method, IReadOnlyDictionary<string, string> overrides,
        IReadOnlyList<EvaluationItem> items, SummaryLength length, ParallelOptions parallel)
    {
        var summarizer = MethodArguments.Create(method, overrides);

        var analyzer = TextAnalyzer.Default;
        var candidates = new string[items.Count];

        // Throughput covers analysis and summarising, as a batch user sees it; scoring is not part of it.
        var stopwatch = Stopwatch.StartNew();
        Parallel.For(0, items.Count, parallel, i =>
        {
            var document = analyzer.Analyze(items[i].Article);
            candidates[i] = summarizer.Summarize(document, length).ToText("\n");
        });
        stopwatch.Stop();

        var scores = Score(items, candidates, parallel);
        return new EvalRow(method.Name, CorpusRouge.Aggregate(scores), items.Count / stopwatch.Elapsed.TotalSeconds);
    }

    private static EvalRow ScoreCandidates(string spec, IReadOnlyList<EvaluationItem> items)
    {
        var eq = spec.IndexOf('=', StringComparison.Ordinal);
        var (name, path) = eq > 0 ? (spec[..eq], spec[(eq + 1)..]) : (Path.GetFileNameWithoutExtension(spec), spec);
        if (!File.Exists(path))
        {
            throw new UsageException($"--candidates {path}: no such file.");
        }

        var byId = new Dictionary<string, string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var json = JsonDocument.Parse(line);
                var id = json.RootElement.GetProperty("id").GetString();
                var summary = json.RootElement.GetProperty("summary").GetString();
                if (id is not null && summary is not null)
                {
                    byId[id] = summary;
                }
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new UsageException($"{path}:{lineNumber}: needs string fields 'id' and 'summary' ({ex.Message}).");
            }
        }

        var candidates = items.Select(item => byId.GetValueOrDefault(item.Article.Id, string.Empty)).ToArray();
        var missing = candidates.Count(string.IsNullOrEmpty);
        var scores = Score(items, candidates, new ParallelOptions());
        return new EvalRow(name, CorpusRouge.Aggregate(scores), null) { Missing = missing };
    }

    private static RougeScores[] Score(IReadOnlyList<EvaluationItem> items, string[] candidates, ParallelOptions parallel)
    {
        var scores = new RougeScores[items.Count];
        Parallel.For(0, items.Count, parallel, i => scores[i] = Rouge.Score(candidates[i], items[i].References));
        return scores;
    }

    private static void Write(TextWriter output, OutputFormat format, string setName, int count, SummaryLength length,
        List<EvalRow> rows)
    {
        var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
        if (format == OutputFormat.Json || format == OutputFormat.Jsonl)
        {
            var json = new
            {
                set = setName,
                documents = count,
                length = length.ToString(),
                peakWorkingSetMb = Math.Round(peakMb, 1),
                results = rows.Select(r => new
                {
                    method = r.Name,
                    rouge1 = Points(r.Aggregate.Average.Rouge1),
                    rouge2 = Points(r.Aggregate.Average.Rouge2),
                    rougeL = Points(r.Aggregate.Average.RougeL),
                    articlesPerSecond = r.ArticlesPerSecond is { } a ? Math.Round(a) : (double?)null,
                    missing = r.Missing > 0 ? r.Missing : (int?)null,
                }),
            };
            output.WriteLine(JsonSerializer.Serialize(json, format == OutputFormat.Json ? JsonOptions.Indented : JsonOptions.Compact));
            return;
        }

        var inv = CultureInfo.InvariantCulture;
        var markdown = format == OutputFormat.Markdown;
        output.WriteLine(markdown
            ? $"ROUGE F1 on {setName} ({count} documents, length {length}):\n"
            : $"ROUGE F1 on {setName}: {count} documents, length {length}, peak working set {peakMb.ToString("0", inv)} MB");
        output.WriteLine(markdown
            ? "| method | ROUGE-1 | ROUGE-2 | ROUGE-L | articles/s |\n|---|---:|---:|---:|---:|"
            : $"{"method",-16}{"ROUGE-1",9}{"ROUGE-2",9}{"ROUGE-L",9}{"articles/s",12}");
        foreach (var r in rows)
        {
            var a = r.Aggregate.Average;
            var rate = r.ArticlesPerSecond is { } s ? s.ToString("0", inv) : "-";
            var name = r.Missing > 0 ? $"{r.Name} ({r.Missing} missing)" : r.Name;
            output.WriteLine(markdown
                ? string.Create(inv, $"| {name} | {a.Rouge1.F * 100:0.00} | {a.Rouge2.F * 100:0.00} | {a.RougeL.F * 100:0.00} | {rate} |")
                : string.Create(inv, $"{name,-16}{a.Rouge1.F * 100,9:0.00}{a.Rouge2.F * 100,9:0.00}{a.RougeL.F * 100,9:0.00}{rate,12}"));
        }
    }

    private static object Points(RougeScore s) =>
        new { r = Math.Round(s.Recall * 100, 2), p = Math.Round(s.Precision * 100, 2), f = Math.Round(s.F * 100, 2) };

    private sealed record EvalRow(string Name, RougeAggregate Aggregate, double? ArticlesPerSecond)
    {
        public int Missing { get; init; }
    }
}
