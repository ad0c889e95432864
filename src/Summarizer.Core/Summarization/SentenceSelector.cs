using Summarizer.Analysis;

namespace Summarizer.Summarization;

/// <summary>One chosen sentence: its index in the document and the score that chose it.</summary>
public readonly record struct ScoredSentence(int Index, double Score);

/// <summary>Shared selection: rank by score (ties to the earlier sentence), take the length, restore document order.</summary>
public static class SentenceSelector
{
    /// <summary>Selects sentences by <paramref name="scores"/> under <paramref name="length"/>.</summary>
    public static IReadOnlyList<ScoredSentence> Select(Document document, IReadOnlyList<double> scores, SummaryLength length)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scores);
        var n = document.Sentences.Count;
        if (scores.Count != n)
        {
            throw new ArgumentException($"Expected {n} scores, got {scores.Count}.", nameof(scores));
        }

        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            var sa = double.IsNaN(scores[a]) ? double.NegativeInfinity : scores[a];
            var sb = double.IsNaN(scores[b]) ? double.NegativeInfinity : scores[b];
            var c = sb.CompareTo(sa);
            return c != 0 ? c : a.CompareTo(b);
        });

        var chosen = new List<ScoredSentence>();
        if (length.Unit == SummaryLengthUnit.Words)
        {
            var budget = (int)length.Value;
            var used = 0;
            foreach (var i in order)
            {
                var words = document.Sentences[i].WordCount;
                if (chosen.Count > 0 && used + words > budget)
                {
                    continue;
                }

                chosen.Add(new ScoredSentence(i, scores[i]));
                used += words;
                if (used >= budget)
                {
                    break;
                }
            }
        }
        else
        {
            var count = length.SentenceCount(document);
            for (var k = 0; k < count; k++)
            {
                chosen.Add(new ScoredSentence(order[k], scores[order[k]]));
            }
        }

        chosen.Sort((a, b) => a.Index.CompareTo(b.Index));
        return chosen;
    }

    /// <summary>
    /// Whether a sentence still fits a greedy selection under <paramref name="length"/>, for methods that pick one
    /// sentence at a time (SumBasic, KL-Sum, MMR).
    /// </summary>
    public static bool Fits(Document document, SummaryLength length, int chosenCount, int chosenWords, int candidate)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (length.Unit != SummaryLengthUnit.Words)
        {
            return chosenCount < length.SentenceCount(document);
        }

        return chosenCount == 0 || chosenWords + document.Sentences[candidate].WordCount <= (int)length.Value;
    }
}
