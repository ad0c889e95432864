using Summarizer.Analysis;

namespace Summarizer.Summarization;

/// <summary>
/// Lead-N: the first sentences of the article. The standard news baseline (Lead-3 on CNN/DailyMail, See et al. 2017).
/// </summary>
public sealed class LeadSummarizer : RankingSummarizer
{
    /// <summary>The catalog entry.</summary>
    public static SummarizerMethod Method { get; } = SummarizerMethod.Extractive(
        "lead", "Lead-N", "The first N sentences: the classic news baseline.",
        ["lead-n", "lead3", "lead-3", "first"], () => new LeadSummarizer());

    /// <inheritdoc />
    public override string Name => Method.Name;

    /// <summary>Earlier sentences score higher: 1, 1/2, 1/3, ...</summary>
    public override double[] RateSentences(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var scores = new double[document.Sentences.Count];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = 1.0 / (i + 1);
        }

        return scores;
    }
}
