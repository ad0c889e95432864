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
        ArgumentNullException.ThrowIfNull(tagger);
        return EvaluateDocuments(gold, sentences => sentences.Select(tagger).ToArray(), labels, lowercase);
    }

    /// <summary>
    /// Like <see cref="Evaluate"/>, but hands the tagger one document at a time (sentences grouped by
    /// <see cref="ConllSentence.DocumentIndex"/>), so it can use what the rest of the document says.
    /// </summary>
    public static NerEvaluation EvaluateDocuments(IReadOnlyList<ConllSentence> gold,
        Func<IReadOnlyList<IReadOnlyList<string>>, IReadOnlyList<IReadOnlyList<TokenSpan>>> tagger,
        IReadOnlyList<string>? labels = null, bool lowercase = false)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(tagger);
        labels ??= DefaultLabels;
        var counts = labels.ToDictionary(l => l, _ => new int[3], StringComparer.Ordinal);
        var tokens = 0;
        var i = 0;
        while (i < gold.Count)
        {
            var end = i + 1;
            while (end < gold.Count && gold[end].DocumentIndex == gold[i].DocumentIndex)
            {
                end++;
            }

            var document = gold.Skip(i).Take(end - i).ToArray();
            var input = document.Select(s => lowercase ? s.Tokens.Select(t => t.ToLowerInvariant()).ToArray() : s.Tokens).ToArray();
            var output = tagger(input);
            for (var k = 0; k < document.Length; k++)
            {
                tokens += document[k].Tokens.Count;
                Count(ConllCorpus.Spans(document[k].Tags), output[k]);
            }

            i = end;
        }

        var per = labels.Select(l => new NerScore(l, counts[l][0], counts[l][1], counts[l][2])).ToArray();
        var micro = new NerScore("micro", per.Sum(s => s.TruePositives), per.Sum(s => s.FalsePositives), per.Sum(s => s.FalseNegatives));
        return new NerEvaluation(per, micro, gold.Count, tokens);

        void Count(IEnumerable<TokenSpan> goldSpans, IEnumerable<TokenSpan> predictedSpans)
        {
            var expected = goldSpans.Where(s => counts.ContainsKey(s.Label)).ToHashSet();
            var predicted = predictedSpans.Where(s => counts.ContainsKey(s.Label)).ToHashSet();
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
    }
}
