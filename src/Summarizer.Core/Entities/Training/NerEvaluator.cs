namespace Summarizer.Entities.Training;

/// <summary>Precision, recall and F1 for one label (or the micro average).</summary>
/// <param name="Label">Short label, or <c>micro</c>.</param>
/// <param name="TruePositives">Predicted spans with exactly the gold start, end and label.</param>
/// <param name="FalsePositives">Predicted spans with no exact gold match.</param>
/// <param name="FalseNegatives">Gold spans with no exact predicted match.</param>
public sealed record NerScore(string Label, int TruePositives, int FalsePositives, int FalseNegatives)
{
    /// <summary>TP / (TP + FP), 0 when nothing was predicted.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>TP / (TP + FN), 0 when there is nothing to find.</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

    /// <summary>Harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>Scores of a tagger on a labelled set: per label and micro-averaged, exact span and label.</summary>
/// <param name="PerLabel">One score per evaluated label.</param>
/// <param name="Micro">Counts summed over the evaluated labels.</param>
/// <param name="Sentences">Sentences tagged.</param>
/// <param name="Tokens">Tokens tagged.</param>
public sealed record NerEvaluation(IReadOnlyList<NerScore> PerLabel, NerScore Micro, int Sentences, int Tokens);

/// <summary>Exact-match span evaluation (CoNLL style) of a token tagger.</summary>
public static class NerEvaluator
{
    /// <summary>The labels scored by default: PER, ORG, LOC.</summary>
    public static IReadOnlyList<string> DefaultLabels { get; } = ["PER", "ORG", "LOC"];

    /// <summary>
    /// Tags every sentence with <paramref name="tagger"/> and compares its spans with the gold spans, counting only
    /// <paramref name="labels"/> (default <see cref="DefaultLabels"/>). With <paramref name="lowercase"/> the tagger
    /// sees lower-cased tokens.
    /// </summary>
    public static NerEvaluation Evaluate(IReadOnlyList<ConllSentence> gold,
        Func<IReadOnlyList<string>, IReadOnlyList<TokenSpan>> tagger, IReadOnlyList<string>? labels = null, bool lowercase = false)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(tagger);
        labels ??= DefaultLabels;
        var counts = labels.ToDictionary(l => l, _ => new int[3], StringComparer.Ordinal);
        var tokens = 0;
        foreach (var sentence in gold)
        {
            tokens += sentence.Tokens.Count;
            var input = lowercase ? sentence.Tokens.Select(t => t.ToLowerInvariant()).ToArray() : sentence.Tokens;
            var expected = ConllCorpus.Spans(sentence.Tags).Where(s => counts.ContainsKey(s.Label)).ToHashSet();
            var predicted = tagger(input).Where(s => counts.ContainsKey(s.Label)).ToHashSet();
            foreach (var s in predicted)
            {
                counts[s.Label][expected.Contains(s) ? 0 : 1]++;
            }

            foreach (var s in expected)
            {
                if (!predicted.Contains(s))
                {
                    counts[s.Label][2]++;
                }
            }
        }

        var per = labels.Select(l => new NerScore(l, counts[l][0], counts[l][1], counts[l][2])).ToArray();
        var micro = new NerScore("micro", per.Sum(s => s.TruePositives), per.Sum(s => s.FalsePositives), per.Sum(s => s.FalseNegatives));
        return new NerEvaluation(per, micro, gold.Count, tokens);
    }
}
