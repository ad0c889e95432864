using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Summarizer.Entities;
using Summarizer.Entities.Training;

namespace Summarizer.Cli.Commands;

/// <summary>
/// <c>summarizer ner train</c> and <c>summarizer ner eval</c>: reproduce the named-entity model from CoNLL data and
/// measure a model on a labelled CoNLL file.
/// </summary>
internal static class NerCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("ner", "Train and evaluate the named-entity model.");
        command.Subcommands.Add(Train(console));
        command.Subcommands.Add(Eval(console));
        return command;
    }

    private static Command Train(CliConsole console)
    {
        var data = new Option<string[]>("--data")
        {
            Description = "A data-set folder (format detected: train.conll, *.iob2, *.json, CrossNER domains, BTC sections) or a "
                + "file, optionally with ':WEIGHT' (how much its sentences count; default 1); repeatable.",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var format = FormatOption();
        var output = new Option<FileInfo>("--out") { Description = "Where to write the model.", Required = true };
        var includeDev = new Option<bool>("--include-dev") { Description = "Also train on each folder's dev split." };
        var epochs = new Option<int?>("--epochs") { Description = $"Passes over the data (default {NerTrainingOptions.Default.Epochs})." };
        var seed = new Option<int?>("--seed") { Description = $"Shuffling seed (default {NerTrainingOptions.Default.Seed})." };
        var runs = new Option<int?>("--runs")
        {
            Description = $"Differently shuffled training runs averaged into the model (default {NerTrainingOptions.Default.Runs}).",
        };
        var names = new Option<FileInfo[]>("--names")
        {
            Description = "A name list (label<TAB>phrase lines) for the gazetteer; repeatable.",
            AllowMultipleArgumentsPerToken = true,
        };

        var common = new Option<FileInfo[]>("--words")
        {
            Description = "A list of common lower-case words (one per line); repeatable.",
            AllowMultipleArgumentsPerToken = true,
        };
        var clusters = new Option<FileInfo?>("--clusters") { Description = "A word-class file (word<TAB>c1<TAB>c2<TAB>c3)." };

        var command = new Command("train", "Train the named-entity model on annotated data sets (the training splits of folders, or whole files).")
        {
            data, format, output, includeDev, epochs, seed, runs, names, clusters, common,
        };
        command.SetAction(parse =>
        {
            var sets = parse.GetValue(data)!.Select(d => TrainingSet(d, parse.GetValue(format))).ToArray();
            var options = NerTrainingOptions.Default;
            options = options with
            {
                IncludeDev = parse.GetValue(includeDev),
                Epochs = parse.GetValue(epochs) ?? options.Epochs,
                Seed = parse.GetValue(seed) ?? options.Seed,
                Runs = parse.GetValue(runs) ?? options.Runs,
                NameLists = (parse.GetValue(names) ?? []).Select(f => Existing(f.FullName)).ToArray(),
                WordClusters = parse.GetValue(clusters) is { } c ? Existing(c.FullName) : null,
                CommonWords = (parse.GetValue(common) ?? []).Select(f => Existing(f.FullName)).ToArray(),
            };
            var target = parse.GetValue(output)!;
            var stopwatch = Stopwatch.StartNew();
            try
            {
                NerTrainer.TrainSets(sets, target.FullName, options, message => console.Error.WriteLine(message));
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or FileNotFoundException)
            {
                throw new UsageException(ex.Message);
            }

            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Wrote {target.FullName} ({new FileInfo(target.FullName).Length:N0} bytes) in {stopwatch.Elapsed.TotalSeconds:0.0} s."));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Eval(CliConsole console)
    {
        var data = new Option<string>("--data")
        {
            Description = "A labelled file, or a data-set folder whose --split is scored (format detected as for 'ner train').",
            Required = true,
        };
        var format = FormatOption();
        var split = new Option<NerSplit>("--split")
        {
            Description = "The split of a folder to score: train, dev or test.",
            DefaultValueFactory = _ => NerSplit.Test,
        };
        var lowercase = new Option<bool>("--lowercase") { Description = "Lower-case the tokens before tagging." };
        var model = new Option<FileInfo?>("--model") { Description = "A model file from 'ner train' (default: the embedded model)." };
        var bySentence = new Option<bool>("--by-sentence") { Description = "Tag sentences alone, without document-level consistency." };
        var labels = new Option<string?>("--labels") { Description = "Comma-separated labels to score (default PER,ORG,LOC)." };
        var output = new Option<OutputFormat>("--format", "-f") { Description = "text or json.", DefaultValueFactory = _ => OutputFormat.Text };

        var command = new Command("eval", "Score the named-entity model on labelled data: exact-span precision, recall and F1.")
        {
            data, format, split, lowercase, model, bySentence, labels, output,
        };
        command.SetAction(parse =>
        {
            var path = Path.GetFullPath(parse.GetValue(data)!);
            if (!Path.Exists(path))
            {
                throw new UsageException($"{path}: no such file or folder.");
            }

            IReadOnlyList<ConllSentence> gold;
            try
            {
                gold = NerDataSets.Read(path, parse.GetValue(split), parse.GetValue(format));
            }
            catch (Exception ex) when (ex is FormatException or FileNotFoundException)
            {
                throw new UsageException(ex.Message);
            }

            if (gold.Count == 0)
            {
                throw new UsageException($"{path}: the {parse.GetValue(split).ToString().ToLowerInvariant()} split is empty for this data set.");
            }

            var modelFile = parse.GetValue(model);
            var load = Stopwatch.StartNew();
            var recognizer = modelFile is null ? EntityRecognizer.Default : EntityRecognizer.LoadFile(Existing(modelFile.FullName));
            load.Stop();
            var modelBytes = modelFile is null ? EmbeddedModelSize() : new FileInfo(modelFile.FullName).Length;
            var scored = parse.GetValue(labels)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(l => l.ToUpperInvariant()).ToArray();
            var lower = parse.GetValue(lowercase);

            var result = parse.GetValue(bySentence)
                ? NerEvaluator.Evaluate(gold, recognizer.TagTokens, scored, lower)
                : NerEvaluator.EvaluateDocuments(gold, recognizer.TagDocument, scored, lower);

            // Speed: tagging alone, not scoring, over the same documents, so that JIT time and timer noise drop out.
            var documents = gold.GroupBy(s => s.DocumentIndex)
                .Select(d => d.Select(s => (IReadOnlyList<string>)(lower ? s.Tokens.Select(t => t.ToLowerInvariant()).ToArray() : s.Tokens)).ToArray())
                .ToArray();
            var sentenceMode = parse.GetValue(bySentence);
            long Pass()
            {
                foreach (var document in documents)
                {
                    if (sentenceMode)
                    {
                        foreach (var sentence in document)
                        {
                            recognizer.TagTokens(sentence);
                        }
                    }
                    else
                    {
                        recognizer.TagDocument(document);
                    }
                }

                return result.Tokens;
            }

            // A second of untimed passes lets tiered compilation settle; the timed passes then run for two seconds.
            var warmUp = Stopwatch.StartNew();
            while (warmUp.Elapsed < TimeSpan.FromSeconds(1))
            {
                Pass();
            }

            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var tagging = Stopwatch.StartNew();
            var tokens = 0L;
            while (tagging.Elapsed < TimeSpan.FromSeconds(2))
            {
                tokens += Pass();
            }

            tagging.Stop();
            var tokensPerSecond = tokens / tagging.Elapsed.TotalSeconds;

            // CPU time as well as wall time: on a busy machine the wall clock mostly measures the wait.
            var tokensPerCpuSecond = tokens / (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;

            if (parse.GetValue(output) == OutputFormat.Json)
            {
                var json = new
                {
                    data = path,
                    lowercase = lower,
                    mode = parse.GetValue(bySentence) ? "sentence" : "document",
                    sentences = result.Sentences,
                    tokens = result.Tokens,
                    micro = Score(result.Micro),
                    perLabel = result.PerLabel.ToDictionary(s => s.Label, Score),
                    tokensPerSecond = Math.Round(tokensPerSecond),
                    tokensPerCpuSecond = Math.Round(tokensPerCpuSecond),
                    loadMilliseconds = Math.Round(load.Elapsed.TotalMilliseconds),
                    modelBytes,
                };
                console.Out.WriteLine(JsonSerializer.Serialize(json, JsonOptions.Indented));
                return ExitCodes.Ok;
            }

            var o = console.Out;
            o.WriteLine($"{Path.GetFileName(path)}: {result.Sentences} sentences, {result.Tokens} tokens{(lower ? ", lower-cased" : "")}, "
                + (parse.GetValue(bySentence) ? "by sentence" : "by document"));
            o.WriteLine($"{"label",-6} {"P",7} {"R",7} {"F1",7} {"TP",6} {"FP",6} {"FN",6}");
            foreach (var s in result.PerLabel.Append(result.Micro))
            {
                o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{s.Label,-6} {s.Precision,7:0.0000} {s.Recall,7:0.0000} {s.F1,7:0.0000} {s.TruePositives,6} {s.FalsePositives,6} {s.FalseNegatives,6}"));
            }

            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"speed {tokensPerSecond:N0} tokens/s wall, {tokensPerCpuSecond:N0} tokens per CPU second (one thread), model {modelBytes:N0} bytes, load {load.Elapsed.TotalMilliseconds:0} ms"));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static object Score(NerScore s) => new
    {
        precision = Math.Round(s.Precision, 4),
        recall = Math.Round(s.Recall, 4),
        f1 = Math.Round(s.F1, 4),
        tp = s.TruePositives,
        fp = s.FalsePositives,
        fn = s.FalseNegatives,
    };

    private static long EmbeddedModelSize()
    {
        using var stream = typeof(EntityRecognizer).Assembly.GetManifestResourceStream(EntityRecognizer.ModelResourceName);
        return stream?.Length ?? 0;
    }

    private static Option<NerDataFormat?> FormatOption() => new("--data-format")
    {
        Description = "The data layout: conll, uner, redocred, crossner or btc (default: detected from the folder or file).",
    };

    // "path" or "path:weight"; a colon followed by something that is not a number belongs to the path.
    private static NerTrainingSet TrainingSet(string value, NerDataFormat? format)
    {
        var colon = value.LastIndexOf(':');
        var path = value;
        var weight = 1.0;
        if (colon > 0 && double.TryParse(value[(colon + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var w))
        {
            path = value[..colon];
            weight = w;
        }

        if (!Path.Exists(path))
        {
            throw new UsageException($"{path}: no such file or folder.");
        }

        return new NerTrainingSet(path, weight, format);
    }

    private static string Existing(string path) =>
        File.Exists(path) ? path : throw new UsageException($"{path}: no such file.");
}
