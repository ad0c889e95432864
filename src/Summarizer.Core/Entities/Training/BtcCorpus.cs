namespace Summarizer.Entities.Training;

/// <summary>
/// The Broad Twitter Corpus: one <c>token&lt;TAB&gt;tag</c> file per section (<c>a.conll</c> to <c>h.conll</c>), IOB2 over
/// PER, ORG and LOC, one tweet per sentence. Splits follow the corpus authors' recommendation: section F is the test
/// split, the second half of section H the dev split, and everything else (A, B, E, G and the first half of H) the
/// training split.
/// </summary>
public static class BtcCorpus
{
    private const string TestSection = "f";
    private const string SplitSection = "h";

    /// <summary>Reads one split of a BTC folder.</summary>
    /// <exception cref="FileNotFoundException">A section the split needs is missing.</exception>
    public static IReadOnlyList<ConllSentence> ReadSplit(string folder, NerSplit split)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (split == NerSplit.Test)
        {
            return ConllCorpus.Read(NerDataSets.Existing(Path.Combine(folder, TestSection + ".conll")));
        }

        var halves = ConllCorpus.Read(NerDataSets.Existing(Path.Combine(folder, SplitSection + ".conll")));
        if (split == NerSplit.Dev)
        {
            return halves.Skip(halves.Count / 2).ToArray();
        }

        return NerDataSets.Concatenate(Directory.EnumerateFiles(folder, "?.conll")
            .Where(f => Path.GetFileNameWithoutExtension(f) is not (TestSection or SplitSection))
            .Order(StringComparer.Ordinal)
            .Select(ConllCorpus.Read)
            .Append(halves.Take(halves.Count / 2).ToArray()), folder);
    }
}
