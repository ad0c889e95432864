using System.Globalization;
using Summarizer.Analysis;

namespace Summarizer.Summarization;

/// <summary>Options for <see cref="KlSumSummarizer"/>.</summary>
public sealed record KlSumOptions
{
    /// <summary>The defaults below.</summary>
    public static KlSumOptions Default { get; } = new();

    /// <summary>
    /// Additive smoothing of the summary's word distribution, so words it lacks have a finite cost. Smaller values
    /// punish missing words harder. Default 0.01.
    /// </summary>
    public double Smoothing { get; init; } = 0.01;
}

/// <summary>
/// KL-Sum (Haghighi &amp; Vanderwende, "Exploring Content Models for Multi-Document Summarization", NAACL 2009): greedily
/// add the sentence that makes the summary's unigram distribution closest to the document's, minimising
/// <c>KL(P_doc ‖ P_summary)</c>. A sentence repeating what the summary already says barely moves the divergence, so
/// redundancy is avoided without an explicit penalty.
/// </summary>
public sealed class KlSumSummarizer : ISummarizer
{
    private readonly KlSumOptions _options;

    /// <summary>Creates the summariser.</summary>
    public KlSumSummarizer(KlSumOptions? options = null)
    {
        _options = options ?? KlSumOptions.Default;
        if (!(_options.Smoothing > 0))
        {
            throw new ArgumentException($"Option 'smoothing' must be greater than 0, not {_options.Smoothing}.", nameof(options));
        }
    }

    /// <summary>The catalog entry.</summary>
    public static SummarizerMethod Method { get; } = new(
        "klsum", "KL-Sum",
        "Greedy sentences minimising KL divergence from the document's word distribution (Haghighi & Vanderwende 2009).",
        SummarizerKind.Extractive,
        ["kl-sum", "kl"],
        [
            new("smoothing", "Additive smoothing of the summary distribution.", KlSumOptions.Default.Smoothing.ToString(CultureInfo.InvariantCulture)),
        ],
        o => new KlSumSummarizer(new KlSumOptions
        {
            Smoothing = OptionValues.Double(o, "smoothing", KlSumOptions.Default.Smoothing),
        }));

    /// <inheritdoc />
    public string Name => Method.Name;

    /// <summary>The options in use.</summary>
    public KlSumOptions Options => _options;

    /// <summary>
    /// Chooses sentences greedily; each score is <c>−KL(P_doc ‖ P_summary)</c> right after the sentence was added (higher is
    /// closer to the document).
    /// </summary>
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
        var vocabulary = counts.Count;
        var total = 0.0;
        for (var t = 0; t < vocabulary; t++)
        {
            total += counts[t];
        }

        var alpha = _options.Smoothing;
        var p = new double[vocabulary];
        var logSmoothing = Math.Log(alpha);

        // KL(P‖Q) = Σ P log P − Σ P log(c_S + α) + log(N_S + αV); only the last two terms change.
        var entropyTerm = 0.0;
        var fit = 0.0;
        for (var t = 0; t < vocabulary; t++)
        {
            p[t] = counts[t] / total;
            entropyTerm += p[t] * Math.Log(p[t]);
            fit += p[t] * logSmoothing;
        }

        var summaryCounts = new double[vocabulary];
        var summaryTokens = 0.0;
        var taken = new bool[n];
        var chosen = new List<ScoredSentence>();
        var words = 0;
        var entries = sentences.Sum(s => (long)s.Terms.Count);
        while (true)
        {
            var best = -1;
            var bestDivergence = double.PositiveInfinity;
            var bestFit = 0.0;
            for (var i = 0; i < n; i++)
            {
                if (taken[i] || !SentenceSelector.Fits(document, length, chosen.Count, words, i))
                {
                    continue;
                }

                var terms = sentences[i].Terms;
                var ids = terms.Ids;
                var weights = terms.Weights;
                var candidateFit = fit;
                var tokens = 0.0;
                for (var k = 0; k < ids.Length; k++)
                {
                    var id = ids[k];
                    var before = summaryCounts[id] + alpha;
                    candidateFit += p[id] * (Math.Log(before + weights[k]) - Math.Log(before));
                    tokens += weights[k];
                }

                var candidate = vocabulary == 0 ? 0 : entropyTerm - candidateFit + Math.Log(summaryTokens + tokens + (alpha * vocabulary));
                if (candidate < bestDivergence)
                {
                    best = i;
                    bestDivergence = candidate;
                    bestFit = candidateFit;
                }
            }

            WorkCounters.AddTermVisits(entries);
            if (best < 0)
            {
                break;
            }

            taken[best] = true;
            chosen.Add(new ScoredSentence(best, -bestDivergence));
            words += sentences[best].WordCount;
            var chosenTerms = sentences[best].Terms;
            var chosenIds = chosenTerms.Ids;
            var chosenWeights = chosenTerms.Weights;
            for (var k = 0; k < chosenIds.Length; k++)
            {
                summaryCounts[chosenIds[k]] += chosenWeights[k];
                summaryTokens += chosenWeights[k];
            }

            fit = bestFit;
        }

        chosen.Sort((a, b) => a.Index.CompareTo(b.Index));
        return new ExtractiveSummary(document, Name, chosen);
    }
}
