namespace Summarizer.Evaluation;

/// <summary>
/// One ROUGE measure: recall, precision and F (the harmonic mean, ROUGE-1.5.5's default <c>alpha = 0.5</c>), each in
/// [0, 1]. Per-document values are rounded to five decimals exactly as ROUGE-1.5.5 prints them.
/// </summary>
/// <param name="Recall">Matched units over reference units.</param>
/// <param name="Precision">Matched units over candidate units.</param>
/// <param name="F">Harmonic mean of <paramref name="Recall"/> and <paramref name="Precision"/>.</param>
public readonly record struct RougeScore(double Recall, double Precision, double F)
{
    /// <summary>All three values scaled to points (× 100), the way papers report ROUGE.</summary>
    public RougeScore ToPoints() => new(Recall * 100, Precision * 100, F * 100);

    /// <inheritdoc />
    public override string ToString() =>
        FormattableString.Invariant($"R {Recall * 100:0.00} P {Precision * 100:0.00} F {F * 100:0.00}");
}

/// <summary>ROUGE-1, ROUGE-2 and summary-level ROUGE-L for one candidate (or an average over many).</summary>
/// <param name="Rouge1">Unigram overlap.</param>
/// <param name="Rouge2">Bigram overlap.</param>
/// <param name="RougeL">Summary-level longest common subsequence (union LCS over reference sentences).</param>
public sealed record RougeScores(RougeScore Rouge1, RougeScore Rouge2, RougeScore RougeL)
{
    /// <summary>All zeros: what an empty candidate scores.</summary>
    public static RougeScores Zero { get; } = new(default, default, default);

    /// <inheritdoc />
    public override string ToString() => $"ROUGE-1 {Rouge1}; ROUGE-2 {Rouge2}; ROUGE-L {RougeL}";
}
