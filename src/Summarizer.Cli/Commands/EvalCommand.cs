using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Summarizer.Analysis;
using Summarizer.Evaluation;
using Summarizer.Ingestion;
using Summarizer.Requests;
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
        var sets = new Argument<FileInfo[]>("sets")
        {
            Description = "One or more JSONL sets with id, article (or text), optional title, and highlights (or summary).",
            Arity = ArgumentArity.OneOrMore,
        };
        var methods = new Option<string?>("--methods")
        {
            Description = "Comma-separated methods to run (default: every extractive method in the catalog). 'none' runs only --candidates.",
        };
        var request = new RequestArguments(o => o.Key is "sentences" or "ratio" or "words" or "option");
        var candidates = new Option<string[]>("--candidates")
        {
            Description = "Precomputed summaries to score as name=file.jsonl (records with id and summary); repeatable.",
        };
        var limit = new Option<int?>("--limit") { Description = "Use only the first N records." };
        var format = new Option<OutputFormat>("--format", "-f") { Description = "text, markdown or json.", DefaultValueFactory = _ => OutputFormat.Text };
        var threads = new Option<int?>("--threads") { Description = "Worker threads for the methods (default: all cores)." };

        var command = new Command("eval", "Score summarisation methods against reference summaries with ROUGE.")
        {
            sets, methods, candidates, limit, format, threads,
        };
        request.AddTo(command);
        command.SetAction(parse =>
        {
            var files = parse.GetValue(sets)!;
            foreach (var file in files)
            {
                if (!file.Exists)
                {
                    throw new UsageException($"{file.FullName}: no such file.");
                }
            }

            var chosen = ChooseMethods(parse.GetValue(methods));
            var values = request.Values(parse).ToList();
            var overrides = values.Any(v => v.Key == "--option");
            if (overrides && chosen.Count != 1)
            {
                throw new UsageException("--option applies to one method; name exactly one with --methods.");
            }

            // The options are read as summarize reads them, for the one method they apply to.
            var asked = SummarizeRequest.Parse(overrides ? values.Prepend(new("--method", chosen[0].Name)) : values);
            var summaryLength = asked.Length;
            var summarizers = chosen.Select(m => (m.Name, Summarizer: m.Create(overrides ? asked.MethodOptions : null))).ToList();
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = parse.GetValue(threads) ?? Environment.ProcessorCount };
            var results = new List<SetResult>();
            var skippedLines = 0;
            foreach (var file in files)
            {
                var set = EvaluationSet.Read(file.FullName, parse.GetValue(limit));
                ReportSkipped(console.Error, set.Skipped);
                skippedLines += set.Skipped.Count;
                if (set.Items.Count == 0)
                {
                    throw new UsageException($"{file.FullName}: no usable records.");
                }

                var items = set.Items;

                // The first pass over a set fills the process-wide stem cache; it is timed on its own so that every
                // method is then measured in the same warm state, whatever its place in the list.
                var cold = Stopwatch.StartNew();
                Parallel.For(0, items.Count, parallel, i => TextAnalyzer.Default.Analyze(items[i].Article));
                var coldRate = items.Count / cold.Elapsed.TotalSeconds;

                var rows = new List<EvalRow>();
                foreach (var (name, summarizer) in summarizers)
                {
                    rows.Add(RunMethod(name, summarizer, items, summaryLength, parallel));
                }

                foreach (var spec in parse.GetValue(candidates) ?? [])
                {
                    rows.Add(ScoreCandidates(spec, items));
                }

                results.Add(new SetResult(file.Name, items.Count, rows, coldRate));
            }

            Write(console.Out, parse.GetValue(format), summaryLength, results);
            return skippedLines == 0 ? ExitCodes.Ok : ExitCodes.SomeInputsFailed;
        });
        return command;
    }

    /// <summary>Malformed lines are left out of the scores: their count, and the first few by file and line.</summary>
    private static void ReportSkipped(TextWriter error, IReadOnlyList<LoadFailure> skipped)
    {
        const int shown = 5;
        if (skipped.Count == 0)
        {
            return;
        }

        error.WriteLine($"Skipped {skipped.Count} malformed line{(skipped.Count == 1 ? "" : "s")}:");
        foreach (var line in skipped.Take(shown))
        {
            error.WriteLine($"  {line.Message}");
        }

        if (skipped.Count > shown)
        {
            error.WriteLine($"  ... and {skipped.Count - shown} more");
        }
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
            .Select(SummarizerCatalog.Find)
            .ToList();
    }

    private static EvalRow RunMethod(string name, ISummarizer summarizer, IReadOnlyList<EvaluationItem> items,
        SummaryLength length, ParallelOptions parallel)
    {
        var analyzer = TextAnalyzer.Default;
        var candidates = new string[items.Count];

        // Throughput covers analysis and summarising, as a batch user sees it; scoring is not part of it. A short
        // warm-up first compiles this method's code.
        Parallel.For(0, Math.Min(items.Count, 64), parallel, i => summarizer.Summarize(analyzer.Analyze(items[i].Article), length));
        // Passes repeat until a second has gone by (at most 20), so that small sets still give a steady rate.
        var stopwatch = Stopwatch.StartNew();
        var passes = 0;
        do
        {
            Parallel.For(0, items.Count, parallel, i =>
            {
                var document = analyzer.Analyze(items[i].Article);
                candidates[i] = summarizer.Summarize(document, length).ToText("\n");
            });
            passes++;
        }
        while (stopwatch.Elapsed < TimeSpan.FromSeconds(1) && passes < 20);
        stopwatch.Stop();

        var scores = Score(items, candidates, parallel);
        return new EvalRow(name, CorpusRouge.Aggregate(scores), passes * items.Count / stopwatch.Elapsed.TotalSeconds);
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

    private static void Write(TextWriter output, OutputFormat format, SummaryLength length, List<SetResult> sets)
    {
        var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
        if (format is OutputFormat.Json or OutputFormat.Jsonl)
        {
            var objects = sets.Select(set => new
            {
                set = set.Name,
                documents = set.Documents,
                coldAnalysisPerSecond = Math.Round(set.ColdAnalysisPerSecond),
                length = length.ToString(),
                peakWorkingSetMb = Math.Round(peakMb, 1),
                results = set.Rows.Select(r => new
                {
                    method = r.Name,
                    rouge1 = Points(r.Aggregate.Average.Rouge1),
                    rouge2 = Points(r.Aggregate.Average.Rouge2),
                    rougeL = Points(r.Aggregate.Average.RougeL),
                    articlesPerSecond = r.ArticlesPerSecond is { } a ? Math.Round(a) : (double?)null,
                    missing = r.Missing > 0 ? r.Missing : (int?)null,
                }),
            }).ToList();
            var options = format == OutputFormat.Json ? JsonOptions.Indented : JsonOptions.Compact;
            foreach (var o in objects)
            {
                output.WriteLine(JsonSerializer.Serialize(o, options));
            }

            return;
        }

        // One table: a row per method, ROUGE F1 per set, then each set's throughput.
        var inv = CultureInfo.InvariantCulture;
        var markdown = format == OutputFormat.Markdown;
        var names = sets[0].Rows.Select(r => r.Name).ToList();
        var title = string.Join("; ", sets.Select(s => $"{s.Name} ({s.Documents} documents)"));
        output.WriteLine(string.Create(inv, $"ROUGE F1 (R-1 / R-2 / R-L) and articles/s, length {length}, on {title}; peak working set {peakMb:0} MB"));
        output.WriteLine(string.Create(inv,
            $"articles/s: analysis and summarising on {Environment.ProcessorCount} threads after a first analysis pass (cold: {string.Join(", ", sets.Select(s => $"{s.Name} {s.ColdAnalysisPerSecond:0}/s"))})"));
        output.WriteLine();
        var header = new List<string> { "method" };
        header.AddRange(sets.SelectMany(s => new[] { $"{s.Name} R-1", "R-2", "R-L" }));
        header.AddRange(sets.Select(s => $"{s.Name} art/s"));
        var lines = new List<List<string>> { header };
        foreach (var name in names)
        {
            var row = new List<string> { name };
            foreach (var set in sets)
            {
                var r = set.Rows.First(x => x.Name == name);
                var a = r.Aggregate.Average;
                row.Add((a.Rouge1.F * 100).ToString("0.00", inv) + (r.Missing > 0 ? $" ({r.Missing} missing)" : string.Empty));
                row.Add((a.Rouge2.F * 100).ToString("0.00", inv));
                row.Add((a.RougeL.F * 100).ToString("0.00", inv));
            }

            row.AddRange(sets.Select(set => set.Rows.First(x => x.Name == name).ArticlesPerSecond is { } s ? s.ToString("0", inv) : "-"));
            lines.Add(row);
        }

        if (markdown)
        {
            output.WriteLine("| " + string.Join(" | ", header) + " |");
            output.WriteLine("|---|" + string.Concat(Enumerable.Repeat("---:|", header.Count - 1)));
            foreach (var line in lines.Skip(1))
            {
                output.WriteLine("| " + string.Join(" | ", line) + " |");
            }

            return;
        }

        var widths = Enumerable.Range(0, header.Count).Select(c => lines.Max(l => l[c].Length) + 2).ToArray();
        foreach (var line in lines)
        {
            output.WriteLine(string.Concat(line.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))));
        }
    }

    private static object Points(RougeScore s) =>
        new { r = Math.Round(s.Recall * 100, 2), p = Math.Round(s.Precision * 100, 2), f = Math.Round(s.F * 100, 2) };

    private sealed record SetResult(string Name, int Documents, List<EvalRow> Rows, double ColdAnalysisPerSecond);

    private sealed record EvalRow(string Name, RougeAggregate Aggregate, double? ArticlesPerSecond)
    {
        public int Missing { get; init; }
    }
}
