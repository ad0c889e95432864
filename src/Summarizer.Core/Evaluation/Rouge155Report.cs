using System.Globalization;
using System.Text;

namespace Summarizer.Evaluation;

/// <summary>
/// Prints results in ROUGE-1.5.5's own text layout (the <c>Average_R/P/F</c> lines with confidence intervals and,
/// optionally, the per-document <c>Eval</c> lines of <c>-d</c>), so output can be compared with ROUGE's line by line.
/// </summary>
public static class Rouge155Report
{
    private static readonly (string Name, Func<RougeScores, RougeScore> Select)[] Metrics =
    [
        ("ROUGE-1", s => s.Rouge1),
        ("ROUGE-2", s => s.Rouge2),
        ("ROUGE-L", s => s.RougeL),
    ];

    /// <summary>Formats <paramref name="aggregate"/> (and, when given, the per-document scores) as ROUGE-1.5.5 does.</summary>
    /// <param name="aggregate">The corpus result from <see cref="CorpusRouge.Aggregate"/>.</param>
    /// <param name="perDocument">Per-document scores in corpus order, printed as <c>Eval i.1</c> lines; null to omit.</param>
    /// <param name="peerId">The system id printed at the start of each line (ROUGE's peer id); default <c>1</c>.</param>
    public static string Format(RougeAggregate aggregate, IReadOnlyList<RougeScores>? perDocument = null, string peerId = "1")
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        ArgumentException.ThrowIfNullOrWhiteSpace(peerId);
        var confidence = aggregate.Confidence.ToString(CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        foreach (var (name, select) in Metrics)
        {
            text.Append("---------------------------------------------\n");
            var average = select(aggregate.Average);
            var lower = select(aggregate.Lower);
            var upper = select(aggregate.Upper);
            AverageLine(text, peerId, name, "R", average.Recall, lower.Recall, upper.Recall, confidence);
            AverageLine(text, peerId, name, "P", average.Precision, lower.Precision, upper.Precision, confidence);
            AverageLine(text, peerId, name, "F", average.F, lower.F, upper.F, confidence);
            if (perDocument is null)
            {
                continue;
            }

            text.Append(".............................................\n");
            for (var i = 0; i < perDocument.Count; i++)
            {
                var s = select(perDocument[i]);
                text.Append(CultureInfo.InvariantCulture,
                    $"{peerId} {name} Eval {i}.{peerId} R:{F5(s.Recall)} P:{F5(s.Precision)} F:{F5(s.F)}\n");
            }
        }

        return text.ToString();
    }

    private static void AverageLine(StringBuilder text, string peerId, string name, string measure, double average, double lower, double upper, string confidence) =>
        text.Append(CultureInfo.InvariantCulture,
            $"{peerId} {name} Average_{measure}: {F5(average)} ({confidence}%-conf.int. {F5(lower)} - {F5(upper)})\n");

    // Values are already rounded to five decimals; this only prints them.
    private static string F5(double value) => value.ToString("0.00000", CultureInfo.InvariantCulture);
}
