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
        Table.ThrowIfInvalid(_options, nameof(options));
    }

    /// <summary>The options: names, descriptions, defaults and accepted values.</summary>
    public static OptionTable<KlSumOptions> Table { get; } = new OptionTable<KlSumOptions>(KlSumOptions.Default)
        .Number("smoothing", "Additive smoothing of the summary distribution.", o => o.Smoothing, (o, v) => o with { Smoothing = v }, min: 0, minExclusive: true);

    /// <summary>The catalog entry.</summary>
    public static SummarizerMethod Method { get; } = SummarizerMethod.Extractive(
        "klsum", "KL-Sum",
        "Greedy sentences minimising KL divergence from the document's word distribution (Haghighi & Vanderwende 2009).",
        ["kl-sum", "kl"], Table, o => new KlSumSummarizer(o));

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
        var chosen = new List<ScoredSentence>();
        var candidates = new GreedyCandidates(document, length);
        var logTotal = alpha * vocabulary;

        // Each sentence's gain Σ p·(log(c + α + w) − log(c + α)) over its terms, kept up to date as the summary counts c
        // change: a pick only touches the sentences sharing its terms. The gains screen the candidates; the few within a
        // hair of the best are then scored exactly as they always were, so the choice never depends on rounding.
        var gain = new double[n];
        var tokens = new double[n];
        var approximate = new double[n];
        for (var i = 0; i < n; i++)
        {
            (gain[i], tokens[i]) = Fit(sentences[i].Terms, 0, p, summaryCounts, alpha);
        }

        long visits = 0;
        while (candidates.Live > 0)
        {
            var screen = double.PositiveInfinity;
            for (var i = 0; i < n; i++)
            {
                if (candidates.IsLive(i))
                {
                    approximate[i] = Divergence(fit + gain[i], tokens[i]);
                    screen = Math.Min(screen, approximate[i]);
                }
            }

            var best = -1;
            var bestDivergence = double.PositiveInfinity;
            var bestFit = 0.0;
            var margin = 1e-9 * (Math.Abs(screen) + 1);
            for (var i = 0; i < n; i++)
            {
                if (!candidates.IsLive(i) || approximate[i] > screen + margin)
                {
                    continue;
                }

                var (candidateFit, candidateTokens) = Fit(sentences[i].Terms, fit, p, summaryCounts, alpha);
                var candidate = Divergence(candidateFit, candidateTokens);
                visits += sentences[i].Terms.Count;
                if (candidate < bestDivergence)
                {
                    best = i;
                    bestDivergence = candidate;
                    bestFit = candidateFit;
                }
            }

            visits += n;
            if (best < 0)
            {
                break;
            }

            candidates.Take(best);
            chosen.Add(new ScoredSentence(best, -bestDivergence));
            var chosenTerms = sentences[best].Terms;
            var chosenIds = chosenTerms.Ids;
            var chosenWeights = chosenTerms.Weights;
            for (var k = 0; k < chosenIds.Length; k++)
            {
                var id = chosenIds[k];
                var before = summaryCounts[id] + alpha;
                summaryCounts[id] += chosenWeights[k];
                summaryTokens += chosenWeights[k];
                var after = summaryCounts[id] + alpha;
                for (var at = candidates.PostingStart[id]; at < candidates.PostingStart[id + 1]; at++)
                {
                    var i = candidates.Postings[at];
                    if (candidates.IsLive(i))
                    {
                        var w = sentences[i].Terms.Weight(id);
                        gain[i] += p[id] * ((Math.Log(after + w) - Math.Log(after)) - (Math.Log(before + w) - Math.Log(before)));
                        visits++;
                    }
                }
            }

            fit = bestFit;
        }

        WorkCounters.AddTermVisits(visits);
        chosen.Sort((a, b) => a.Index.CompareTo(b.Index));
        return new ExtractiveSummary(document, Name, chosen);

        double Divergence(double candidateFit, double candidateTokens) =>
            vocabulary == 0 ? 0 : entropyTerm - candidateFit + Math.Log(summaryTokens + candidateTokens + logTotal);
    }

    // fit + Σ p·(log(c + α + w) − log(c + α)) over a sentence's terms, summed in term order, and its token count.
    private static (double Fit, double Tokens) Fit(in TermVector terms, double fit, double[] p, double[] summaryCounts, double alpha)
    {
        var ids = terms.Ids;
        var weights = terms.Weights;
        var tokens = 0.0;
        for (var k = 0; k < ids.Length; k++)
        {
            var id = ids[k];
            var before = summaryCounts[id] + alpha;
            fit += p[id] * (Math.Log(before + weights[k]) - Math.Log(before));
            tokens += weights[k];
        }

        return (fit, tokens);
    }
}
