using Summarizer.Analysis;

namespace Summarizer.Summarization;

/// <summary>Options for <see cref="SumBasicSummarizer"/>.</summary>
public sealed record SumBasicOptions
{
    /// <summary>The paper's algorithm.</summary>
    public static SumBasicOptions Default { get; } = new();

    /// <summary>
    /// Pick among the sentences that contain the currently most probable word (the paper's step 3). False picks the
    /// best average probability overall, as simplified implementations do. Default true.
    /// </summary>
    public bool TopWord { get; init; } = true;

    /// <summary>After a sentence is chosen its words' probabilities are raised to this power. Default 2 (squaring).</summary>
    public double UpdateExponent { get; init; } = 2;
}

/// <summary>
/// SumBasic (Nenkova &amp; Vanderwende, "The Impact of Frequency on Summarization", MSR-TR-2005-101): word probabilities
/// from document frequency; repeatedly choose the best sentence by average word probability among those containing the
/// most probable word, then square the probabilities of the words it contains so later picks favour new content.
/// </summary>
public sealed class SumBasicSummarizer : ISummarizer
{
    private readonly SumBasicOptions _options;

    /// <summary>Creates the summariser.</summary>
    public SumBasicSummarizer(SumBasicOptions? options = null)
    {
        _options = options ?? SumBasicOptions.Default;
        Table.ThrowIfInvalid(_options, nameof(options));
    }

    /// <summary>The options: names, descriptions, defaults and accepted values.</summary>
    public static OptionTable<SumBasicOptions> Table { get; } = new OptionTable<SumBasicOptions>(SumBasicOptions.Default)
        .Flag("top-word", "Pick among sentences containing the most probable word (paper) or the best overall.", o => o.TopWord, (o, v) => o with { TopWord = v })
        .Number("update-exponent", "Power applied to chosen words' probabilities.", o => o.UpdateExponent, (o, v) => o with { UpdateExponent = v }, min: 1);

    /// <summary>The catalog entry.</summary>
    public static SummarizerMethod Method { get; } = SummarizerMethod.Extractive(
        "sumbasic", "SumBasic",
        "Greedy picks by average word probability, squaring used words' probabilities (Nenkova & Vanderwende 2005).",
        ["sum-basic"], Table, o => new SumBasicSummarizer(o));

    /// <inheritdoc />
    public string Name => Method.Name;

    /// <summary>The options in use.</summary>
    public SumBasicOptions Options => _options;

    /// <summary>Chooses sentences greedily; each score is the sentence's average word probability when it was chosen.</summary>
    public ExtractiveSummary Summarize(Document document, SummaryLength length)
    {
        ArgumentNullException.ThrowIfNull(document);
        var sentences = document.Sentences;
        var n = sentences.Count;
        if (n == 0)
        {
            return ExtractiveSummary.Empty(document, Name);
        }

        var counts = document.TermCounts;
        var total = 0.0;
        for (var t = 0; t < counts.Count; t++)
        {
            total += counts[t];
        }

        var probability = new double[counts.Count];
        for (var t = 0; t < probability.Length; t++)
        {
            probability[t] = counts[t] / total;
        }

        var candidates = new GreedyCandidates(document, length);
        var chosen = new List<ScoredSentence>();

        // The most probable term among live sentences: a max-heap on probability (ties to the lower id) whose entries
        // go stale when a term's probability changes or its last live sentence goes; stale entries are skipped.
        var topTerms = new PriorityQueue<int, (double Probability, int Id)>(
            Enumerable.Range(0, probability.Length).Select(t => (t, (probability[t], t))),
            Comparer<(double Probability, int Id)>.Create((a, b) => a.Probability != b.Probability ? b.Probability.CompareTo(a.Probability) : a.Id.CompareTo(b.Id)));

        // Without the top-word rule: a max-heap on average probability (ties to the earlier sentence). Averages only fall
        // as probabilities are squared, so an entry that is still current when it comes to the top is the best.
        var bestAverage = _options.TopWord ? null : new PriorityQueue<int, (double Score, int Index)>(
            Enumerable.Range(0, n).Select(i => (i, (AverageProbability(sentences[i].Terms, probability), i))),
            Comparer<(double Score, int Index)>.Create((a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Index.CompareTo(b.Index)));
        long visits = 0;
        while (candidates.Live > 0)
        {
            var best = -1;
            var bestScore = double.NegativeInfinity;
            if (bestAverage is not null)
            {
                while (bestAverage.TryDequeue(out var i, out var entry))
                {
                    if (!candidates.IsLive(i))
                    {
                        continue;
                    }

                    var score = AverageProbability(sentences[i].Terms, probability);
                    visits += sentences[i].Terms.Count;
                    if (score == entry.Score)
                    {
                        (best, bestScore) = (i, score);
                        break;
                    }

                    bestAverage.Enqueue(i, (score, i));
                }
            }
            else
            {
                var topTerm = -1;
                while (topTerms.TryPeek(out var t, out var entry))
                {
                    if (entry.Probability == probability[t] && candidates.LiveCount[t] > 0)
                    {
                        topTerm = t;
                        break;
                    }

                    topTerms.Dequeue();
                }

                // Among the live sentences with the top term; when no live sentence has any term, among all of them.
                var (from, to) = topTerm >= 0 ? (candidates.PostingStart[topTerm], candidates.PostingStart[topTerm + 1]) : (0, n);
                for (var p = from; p < to; p++)
                {
                    var i = topTerm >= 0 ? candidates.Postings[p] : p;
                    if (!candidates.IsLive(i))
                    {
                        continue;
                    }

                    var score = AverageProbability(sentences[i].Terms, probability);
                    visits += sentences[i].Terms.Count + 1;
                    if (score > bestScore)
                    {
                        best = i;
                        bestScore = score;
                    }
                }
            }

            if (best < 0)
            {
                break;
            }

            candidates.Take(best);
            chosen.Add(new ScoredSentence(best, bestScore));
            foreach (var id in sentences[best].Terms.Ids)
            {
                probability[id] = Math.Pow(probability[id], _options.UpdateExponent);
                topTerms.Enqueue(id, (probability[id], id));
            }
        }

        WorkCounters.AddTermVisits(visits);
        chosen.Sort((a, b) => a.Index.CompareTo(b.Index));
        return new ExtractiveSummary(document, Name, chosen);
    }

    private static double AverageProbability(in TermVector terms, double[] probability)
    {
        var ids = terms.Ids;
        var weights = terms.Weights;
        double sum = 0, tokens = 0;
        for (var k = 0; k < ids.Length; k++)
        {
            sum += weights[k] * probability[ids[k]];
            tokens += weights[k];
        }

        return tokens > 0 ? sum / tokens : 0;
    }
}
