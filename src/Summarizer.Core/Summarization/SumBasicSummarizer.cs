using System.Globalization;
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
        if (!(_options.UpdateExponent >= 1))
        {
            throw new ArgumentException($"Option 'update-exponent' must be at least 1, not {_options.UpdateExponent}.", nameof(options));
        }
    }

    /// <summary>The catalog entry.</summary>
    public static SummarizerMethod Method { get; } = new(
        "sumbasic", "SumBasic",
        "Greedy picks by average word probability, squaring used words' probabilities (Nenkova & Vanderwende 2005).",
        SummarizerKind.Extractive,
        ["sum-basic"],
        [
            new("top-word", "Pick among sentences containing the most probable word (paper) or the best overall.", SumBasicOptions.Default.TopWord ? "true" : "false"),
            new("update-exponent", "Power applied to chosen words' probabilities.", SumBasicOptions.Default.UpdateExponent.ToString(CultureInfo.InvariantCulture)),
        ],
        o => new SumBasicSummarizer(new SumBasicOptions
        {
            TopWord = OptionValues.Bool(o, "top-word", SumBasicOptions.Default.TopWord),
            UpdateExponent = OptionValues.Double(o, "update-exponent", SumBasicOptions.Default.UpdateExponent),
        }));

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

        var taken = new bool[n];
        var chosen = new List<ScoredSentence>();
        var words = 0;
        var entries = sentences.Sum(s => (long)s.Terms.Count);
        while (true)
        {
            var topTerm = -1;
            if (_options.TopWord)
            {
                for (var i = 0; i < n; i++)
                {
                    if (taken[i] || !SentenceSelector.Fits(document, length, chosen.Count, words, i))
                    {
                        continue;
                    }

                    foreach (var id in sentences[i].Terms.Ids)
                    {
                        if (topTerm < 0 || probability[id] > probability[topTerm] || (probability[id] == probability[topTerm] && id < topTerm))
                        {
                            topTerm = id;
                        }
                    }
                }
            }

            var best = -1;
            var bestScore = double.NegativeInfinity;
            for (var i = 0; i < n; i++)
            {
                if (taken[i] || (topTerm >= 0 && !sentences[i].Terms.Contains(topTerm))
                    || !SentenceSelector.Fits(document, length, chosen.Count, words, i))
                {
                    continue;
                }

                var score = AverageProbability(sentences[i].Terms, probability);
                if (score > bestScore)
                {
                    best = i;
                    bestScore = score;
                }
            }

            WorkCounters.AddTermVisits(2 * entries);
            if (best < 0)
            {
                break;
            }

            taken[best] = true;
            chosen.Add(new ScoredSentence(best, bestScore));
            words += sentences[best].WordCount;
            foreach (var id in sentences[best].Terms.Ids)
            {
                probability[id] = Math.Pow(probability[id], _options.UpdateExponent);
            }
        }

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
