namespace Summarizer.Evaluation;

/// <summary>Settings for averaging per-document ROUGE scores over a corpus.</summary>
/// <param name="Confidence">Confidence level of the reported interval, in percent (ROUGE's <c>-c</c>); default 95.</param>
/// <param name="Resamples">Bootstrap resamples (ROUGE's <c>-r</c>); default 1000.</param>
public sealed record CorpusRougeOptions(double Confidence = 95, int Resamples = 1000)
{
    /// <summary>ROUGE-1.5.5's <c>-c 95 -r 1000</c>.</summary>
    public static CorpusRougeOptions Default { get; } = new();
}

/// <summary>
/// A corpus-level ROUGE result as ROUGE-1.5.5 reports it: the average of per-document scores with a bootstrap
/// confidence interval.
/// </summary>
/// <param name="Documents">How many documents were averaged.</param>
/// <param name="Average">ROUGE-1.5.5's reported average (the mean over bootstrap resamples, five decimals).</param>
/// <param name="Lower">Lower bound of the confidence interval, per measure and value.</param>
/// <param name="Upper">Upper bound of the confidence interval, per measure and value.</param>
/// <param name="Mean">The plain arithmetic mean of the per-document scores (not rounded).</param>
/// <param name="Confidence">The confidence level of the interval, in percent.</param>
public sealed record RougeAggregate(
    int Documents, RougeScores Average, RougeScores Lower, RougeScores Upper, RougeScores Mean, double Confidence)
{
    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant(
        $"{Documents} documents; ROUGE-1 F {Average.Rouge1.F * 100:0.00}, ROUGE-2 F {Average.Rouge2.F * 100:0.00}, ROUGE-L F {Average.RougeL.F * 100:0.00}");
}

/// <summary>
/// Averages per-document ROUGE scores over a corpus the way ROUGE-1.5.5 does (<c>-c 95 -r 1000</c>): documents are
/// ordered by ROUGE's evaluation ids, resample <c>i</c> is drawn with Perl's generator seeded with <c>i</c>, the
/// reported average is the mean of the resample means and the interval is read off the sorted resample means.
/// </summary>
/// <remarks>
/// Documents are numbered in the order given (0, 1, 2, …), which is how ROUGE is usually driven; ROUGE orders them by
/// those numbers as strings ("0", "1", "10", "100", …), and so does this class, so the interval matches ROUGE's for the
/// same input order. A thousand documents take a few milliseconds.
/// </remarks>
public static class CorpusRouge
{
    /// <summary>Averages <paramref name="perDocument"/> scores (one entry per document, in corpus order).</summary>
    /// <param name="perDocument">Per-document scores, as returned by <see cref="Rouge.Score(string, IReadOnlyList{string})"/>.</param>
    /// <param name="options">Confidence level and resample count; <see cref="CorpusRougeOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">When the options are outside ROUGE's accepted ranges.</exception>
    public static RougeAggregate Aggregate(IReadOnlyList<RougeScores> perDocument, CorpusRougeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(perDocument);
        options ??= CorpusRougeOptions.Default;
        if (options.Confidence is <= 0 or >= 100 || double.IsNaN(options.Confidence))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Confidence, "Confidence must be between 0 and 100 (exclusive).");
        }

        if (options.Resamples < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Resamples, "At least one resample is needed.");
        }

        var ordered = RougeOrder(perDocument);
        var values = new double[9][];
        for (var k = 0; k < 9; k++)
        {
            values[k] = new double[ordered.Length];
        }

        for (var d = 0; d < ordered.Length; d++)
        {
            var s = ordered[d] ?? throw new ArgumentException($"Document {d} has no scores.", nameof(perDocument));
            Fill(values, d, 0, s.Rouge1);
            Fill(values, d, 3, s.Rouge2);
            Fill(values, d, 6, s.RougeL);
        }

        var average = new double[9];
        var lower = new double[9];
        var upper = new double[9];
        var mean = new double[9];
        Bootstrap(values, options, average, lower, upper, mean);
        return new RougeAggregate(perDocument.Count, Build(average), Build(lower), Build(upper), Build(mean), options.Confidence);
    }

    /// <summary>The documents in the order ROUGE-1.5.5 resamples them: by evaluation id "i.1" compared as strings.</summary>
    private static RougeScores[] RougeOrder(IReadOnlyList<RougeScores> perDocument)
    {
        var keys = new string[perDocument.Count];
        var items = new RougeScores[perDocument.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{i}.1");
            items[i] = perDocument[i];
        }

        Array.Sort(keys, items, StringComparer.Ordinal);
        return items;
    }

    private static void Fill(double[][] values, int document, int offset, RougeScore score)
    {
        values[offset][document] = score.Recall;
        values[offset + 1][document] = score.Precision;
        values[offset + 2][document] = score.F;
    }

    private static RougeScores Build(double[] v) =>
        new(new RougeScore(v[0], v[1], v[2]), new RougeScore(v[3], v[4], v[5]), new RougeScore(v[6], v[7], v[8]));

    private static void Bootstrap(double[][] values, CorpusRougeOptions options, double[] average, double[] lower, double[] upper, double[] mean)
    {
        var n = values[0].Length;
        var resamples = options.Resamples;
        var samples = new double[values.Length][];
        for (var k = 0; k < values.Length; k++)
        {
            samples[k] = new double[resamples];
            var total = 0.0;
            foreach (var v in values[k])
            {
                total += v;
            }

            mean[k] = n > 0 ? total / n : 0;
        }

        var sums = new double[values.Length];
        for (var r = 0; r < resamples && n > 0; r++)
        {
            var random = new PerlNumerics.Drand48((uint)r);
            Array.Clear(sums);
            for (var draw = 0; draw < n; draw++)
            {
                var index = random.NextIndex(n);
                for (var k = 0; k < sums.Length; k++)
                {
                    sums[k] += values[k][index];
                }
            }

            for (var k = 0; k < sums.Length; k++)
            {
                samples[k][r] = sums[k] / n;
            }
        }

        // Interval indices and interpolation exactly as ROUGE-1.5.5 computes them.
        var delta = resamples * ((100 - options.Confidence) / 2.0) / 100.0;
        var upperA = (int)(resamples - delta - 1);
        var lowerA = (int)delta;
        var ratio = resamples - delta - 1 - upperA;
        for (var k = 0; k < samples.Length; k++)
        {
            var sorted = samples[k];
            Array.Sort(sorted);
            var total = 0.0;
            foreach (var s in sorted)
            {
                total += s;
            }

            average[k] = PerlNumerics.Round5(total / resamples);
            lower[k] = PerlNumerics.Round5(At(sorted, lowerA) + ((At(sorted, lowerA + 1) - At(sorted, lowerA)) * ratio));
            upper[k] = PerlNumerics.Round5(At(sorted, upperA) + ((At(sorted, upperA + 1) - At(sorted, upperA)) * ratio));
        }
    }

    // Perl reads past the end of an array as undef, i.e. 0.
    private static double At(double[] sorted, int index) => index >= 0 && index < sorted.Length ? sorted[index] : 0;
}
