using System.Collections.Frozen;
using Summarizer.Entities.Tagging;

namespace Summarizer.Entities.Training;

/// <summary>
/// Options for <see cref="NerTrainer"/>. The shipped model uses the defaults with <see cref="IncludeDev"/>, the name
/// lists, common words and word classes of src/Summarizer.NerData (its README has the command).
/// </summary>
public sealed record NerTrainingOptions
{
    /// <summary>The default options.</summary>
    public static NerTrainingOptions Default { get; } = new();

    /// <summary>Also train on each set's dev split (see <see cref="NerDataSets.Read"/>). Default false.</summary>
    public bool IncludeDev { get; init; }

    /// <summary>Passes over the training data. Default 10.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Share of sentences also added as a lower-cased copy. Default 0.3.</summary>
    public double LowercaseShare { get; init; } = 0.3;

    /// <summary>Share of sentences also added as an upper-cased copy (headlines). Default 0.1.</summary>
    public double UppercaseShare { get; init; } = 0.1;

    /// <summary>Feature hash size as a power of two. Default 20.</summary>
    public int HashBits { get; init; } = 20;

    /// <summary>
    /// Folds for the training gazetteer: each sentence sees names gathered from the other folds only, so the tagger
    /// learns how far to trust a gazetteer hit on a name it has not seen. Default 5.
    /// </summary>
    public int Folds { get; init; } = 5;

    /// <summary>Seed for shuffling and for choosing the re-cased copies. Default 17.</summary>
    public int Seed { get; init; } = 17;

    /// <summary>
    /// Perceptrons trained on differently shuffled data and averaged into one model: steadier than any single run.
    /// Default 5.
    /// </summary>
    public int Runs { get; init; } = 5;

    /// <summary>
    /// Name lists (<c>label&lt;TAB&gt;phrase</c> files) added to the gazetteer of every fold, so the tagger sees them
    /// as it will at run time. Default none.
    /// </summary>
    public IReadOnlyList<string> NameLists { get; init; } = [];

    /// <summary>
    /// A word-class file (<c>word&lt;TAB&gt;c1&lt;TAB&gt;c2&lt;TAB&gt;c3</c>, coarse to fine) whose classes become features
    /// and ship in the model. Default none.
    /// </summary>
    public string? WordClusters { get; init; }

    /// <summary>
    /// Word lists (one word per line) of common lower-case words, added to the words the training data shows in lower
    /// case: a capitalised word that is usually written in lower case is seldom a name. Default none.
    /// </summary>
    public IReadOnlyList<string> CommonWords { get; init; } = [];
}

/// <summary>A set to train on: a data folder or file, how much its sentences count, and its format (detected when null).</summary>
/// <param name="Path">A data-set folder or a single file (see <see cref="NerDataSets"/>).</param>
/// <param name="Weight">How much each sentence counts against a sentence of weight 1.</param>
/// <param name="Format">The layout; null detects it.</param>
public sealed record NerTrainingSet(string Path, double Weight = 1, NerDataFormat? Format = null);

/// <summary>
/// Trains the named-entity tagger: a structured averaged perceptron over hashed features with BIO-constrained Viterbi
/// decoding, on CoNLL token sequences.
/// </summary>
public static class NerTrainer
{
    /// <summary>
    /// Trains on the training split of each set (and its dev split with <see cref="NerTrainingOptions.IncludeDev"/>),
    /// each sentence counting as much as its set's weight, and writes the model to <paramref name="outputPath"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A set is one of the measuring-only sets, or a weight is not positive.</exception>
    /// <exception cref="FormatException">A data file is malformed; the message names it.</exception>
    public static void TrainSets(IEnumerable<NerTrainingSet> sets, string outputPath, NerTrainingOptions? options = null,
        Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentNullException.ThrowIfNull(outputPath);
        options ??= NerTrainingOptions.Default;
        var sentences = new List<ConllSentence>();
        foreach (var set in sets)
        {
            if (NerDataSets.IsMeasuringOnly(set.Path))
            {
                throw new ArgumentException($"'{set.Path}' is for measuring only and must not be used for training.", nameof(sets));
            }

            if (!(set.Weight > 0))
            {
                throw new ArgumentException($"'{set.Path}': the weight must be a positive number, not {set.Weight}.", nameof(sets));
            }

            NerSplit[] splits = options.IncludeDev ? [NerSplit.Train, NerSplit.Dev] : [NerSplit.Train];
            foreach (var split in splits.Take(Directory.Exists(set.Path) ? 2 : 1))
            {
                var read = NerDataSets.Read(set.Path, split, set.Format);
                log?.Invoke($"{set.Path} ({NerDataSets.SplitName(split)}): {read.Count} sentences, weight {set.Weight}");
                sentences.AddRange(read.Select(s => s with { Weight = set.Weight }));
            }
        }

        // Train before touching the output, and replace it whole, so a failed run leaves no half-written model.
        var model = TrainModel(sentences, options, log);
        var temporary = outputPath + ".tmp";
        using (var output = File.Create(temporary))
        {
            model.Save(output);
        }

        File.Move(temporary, outputPath, overwrite: true);
    }

    /// <summary>Trains on labelled sentences and writes the model to <paramref name="output"/>.</summary>
    public static void Train(IReadOnlyList<ConllSentence> sentences, Stream output, NerTrainingOptions? options = null,
        Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        TrainModel(sentences, options ?? NerTrainingOptions.Default, log).Save(output);
    }

    // Single words the lists give as nationalities (MISC) and never as places.
    private static FrozenSet<string> Nationalities(Gazetteer gazetteer)
    {
        var misc = 1 << Gazetteer.LabelIndex("MISC");
        var loc = 1 << Gazetteer.LabelIndex("LOC");
        return gazetteer.Entries.Where(e => (e.Value & misc) != 0 && (e.Value & loc) == 0 && !e.Key.Contains(' ', StringComparison.Ordinal))
            .Select(e => e.Key).ToFrozenSet(StringComparer.Ordinal);
    }

    internal static NerModel TrainModel(IReadOnlyList<ConllSentence> sentences, NerTrainingOptions options, Action<string>? log)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(options);
        var folds = Math.Max(1, options.Folds);
        var partial = Enumerable.Range(0, folds).Select(_ => new Gazetteer()).ToArray();
        var full = new Gazetteer();
        foreach (var g in partial.Append(full))
        {
            g.AddPlatformNames();
            foreach (var list in options.NameLists)
            {
                using var reader = File.OpenText(list);
                g.AddList(reader, list);
            }
        }

        log?.Invoke($"gazetteer: {full.Entries.Count} phrases");

        // The sets follow different conventions; bring them to CoNLL's, with nationalities from the lists.
        var nationalities = Nationalities(full);
        sentences = sentences.Select(s => NerConventions.Apply(s, nationalities)).ToArray();

        var lowerWords = new HashSet<string>(StringComparer.Ordinal);
        for (var s = 0; s < sentences.Count; s++)
        {
            var sentence = sentences[s];
            foreach (var span in ConllCorpus.Spans(sentence.Tags))
            {
                full.AddName(sentence.Tokens, span.Start, span.End, span.Label);
                for (var f = 0; f < folds; f++)
                {
                    if (folds == 1 || s % folds != f)
                    {
                        partial[f].AddName(sentence.Tokens, span.Start, span.End, span.Label);
                    }
                }
            }

            foreach (var token in sentence.Tokens)
            {
                if (token.Any(char.IsLetter) && !token.Any(char.IsUpper))
                {
                    lowerWords.Add(token);
                }
            }
        }

        foreach (var list in options.CommonWords)
        {
            foreach (var line in File.ReadLines(list))
            {
                var word = line.Trim();
                if (word.Length > 0 && word.Any(char.IsLetter) && !word.Any(char.IsUpper))
                {
                    lowerWords.Add(word);
                }
            }
        }

        log?.Invoke($"common words: {lowerWords.Count}");
        var clusters = Tagging.WordClusters.Empty;
        if (options.WordClusters is { } clusterFile)
        {
            using var reader = File.OpenText(clusterFile);
            clusters = Tagging.WordClusters.Read(reader, clusterFile);
            log?.Invoke($"word classes: {clusters.Packed.Count} words");
        }

        var features = new NerFeatures(full, lowerWords, clusters, options.HashBits);
        var random = new Random(options.Seed);
        var instances = new List<(int[] Features, int[] Counts, int[] Gold, float Weight)>();
        for (var s = 0; s < sentences.Count; s++)
        {
            var sentence = sentences[s];
            var gold = sentence.Tags.Select(NerModel.LabelOf).ToArray();
            var gazetteer = partial[s % folds];
            Add(sentence.Tokens);
            if (random.NextDouble() < options.LowercaseShare)
            {
                Add(sentence.Tokens.Select(t => t.ToLowerInvariant()).ToArray());
            }

            if (random.NextDouble() < options.UppercaseShare)
            {
                Add(sentence.Tokens.Select(t => t.ToUpperInvariant()).ToArray());
            }

            void Add(IReadOnlyList<string> tokens)
            {
                if (tokens.Count == 0)
                {
                    return;
                }

                var f = new int[tokens.Count * NerFeatures.MaxPerToken];
                var c = new int[tokens.Count];
                features.Extract(tokens, f, c, gazetteer);
                instances.Add((f, c, gold, (float)sentence.Weight));
            }
        }

        log?.Invoke($"{sentences.Count} sentences, {instances.Count} training sequences");
        const int L = NerModel.L;
        var runs = Math.Max(1, options.Runs);
        var weights = new float[(1 << options.HashBits) * L];
        var transitions = new float[(L + 1) * L];
        for (var run = 0; run < runs; run++)
        {
            var (w, t) = Perceptron(run == 0 ? random : new Random(options.Seed + run));
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] += w[i] / runs;
            }

            for (var i = 0; i < transitions.Length; i++)
            {
                transitions[i] += t[i] / runs;
            }
        }

        return new NerModel(features, options.HashBits, weights, transitions);

        // One averaged structured perceptron over the instances, shuffled by the given generator.
        (float[] Weights, float[] Transitions) Perceptron(Random shuffle)
        {
            var step = 1L;
            var weights = new float[(1 << options.HashBits) * L];
            var totals = new double[weights.Length];
            var transitions = new float[(L + 1) * L];
            var transitionTotals = new double[transitions.Length];
            var order = Enumerable.Range(0, instances.Count).ToArray();
            for (var epoch = 0; epoch < options.Epochs; epoch++)
            {
                shuffle.Shuffle(order);
                var errors = 0;
                foreach (var index in order)
                {
                    var (f, c, gold, weight) = instances[index];
                    var predicted = NerModel.Decode(f, c, gold.Length, weights, transitions, runTime: false);
                    for (var i = 0; i < gold.Length; i++)
                    {
                        var prevGold = i == 0 ? L : gold[i - 1];
                        var prevPredicted = i == 0 ? L : predicted[i - 1];
                        if (gold[i] != predicted[i])
                        {
                            errors++;
                            for (var k = 0; k < c[i]; k++)
                            {
                                var row = f[i * NerFeatures.MaxPerToken + k] * L;
                                Update(weights, totals, row + gold[i], weight);
                                Update(weights, totals, row + predicted[i], -weight);
                            }
                        }

                        if (gold[i] != predicted[i] || prevGold != prevPredicted)
                        {
                            Update(transitions, transitionTotals, prevGold * L + gold[i], weight);
                            Update(transitions, transitionTotals, prevPredicted * L + predicted[i], -weight);
                        }
                    }

                    step++;
                }

                log?.Invoke($"epoch {epoch + 1}: {errors} token errors");
            }

            // Averaged weights: w - totals / step, where totals accumulate step-weighted updates.
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] -= (float)(totals[i] / step);
            }

            for (var i = 0; i < transitions.Length; i++)
            {
                transitions[i] -= (float)(transitionTotals[i] / step);
            }

            return (weights, transitions);

            void Update(float[] w, double[] t, int i, float delta)
            {
                w[i] += delta;
                t[i] += step * (double)delta;
            }
        }
    }
}
