using Summarizer.Ingestion;

namespace Summarizer.Stories;

/// <summary>How an article repeats another.</summary>
public enum DuplicateKind
{
    /// <summary>The same words in the same order (case, punctuation and spacing aside).</summary>
    Exact,

    /// <summary>A re-edited copy: estimated Jaccard similarity of word shingles at or above the threshold.</summary>
    Near,
}

/// <summary>One article that repeats another.</summary>
/// <param name="Index">The copy's position in the input.</param>
/// <param name="Id">The copy's article id.</param>
/// <param name="Of">Position of the article it repeats: the group's earliest (by date, then input order), which is kept.</param>
/// <param name="OfId">Id of the article it repeats.</param>
/// <param name="Kind">Exact or near copy.</param>
/// <param name="Similarity">Estimated Jaccard similarity of the two texts' shingles (1 for exact copies).</param>
public sealed record DuplicateMatch(int Index, string Id, int Of, string OfId, DuplicateKind Kind, double Similarity);

/// <summary>
/// What <see cref="DuplicateDetector"/> found: which articles are copies of which. Articles that are not copies are
/// kept; every copy names the kept article it repeats.
/// </summary>
public sealed class DuplicateReport
{
    private readonly DuplicateMatch?[] _byIndex;
    private readonly Dictionary<int, DuplicateMatch[]> _copies;

    internal DuplicateReport(IReadOnlyList<Article> articles, IReadOnlyList<DuplicateMatch> duplicates, long candidatePairs)
    {
        Articles = articles;
        Duplicates = duplicates;
        CandidatePairs = candidatePairs;
        _byIndex = new DuplicateMatch?[articles.Count];
        foreach (var d in duplicates)
        {
            _byIndex[d.Index] = d;
        }

        _copies = duplicates.GroupBy(d => d.Of).ToDictionary(g => g.Key, g => g.ToArray());
        Kept = Enumerable.Range(0, articles.Count).Where(i => _byIndex[i] is null).ToArray();
    }

    /// <summary>The articles compared, in input order.</summary>
    public IReadOnlyList<Article> Articles { get; }

    /// <summary>Every copy, in input order.</summary>
    public IReadOnlyList<DuplicateMatch> Duplicates { get; }

    /// <summary>Positions of the articles that are not copies, ascending.</summary>
    public IReadOnlyList<int> Kept { get; }

    /// <summary>Pairs whose signatures were compared after LSH bucketing (the detector's pairwise work).</summary>
    public long CandidatePairs { get; }

    /// <summary>True when the article at <paramref name="index"/> repeats another.</summary>
    public bool IsDuplicate(int index) => _byIndex[index] is not null;

    /// <summary>The match of the article at <paramref name="index"/>, or null when it is kept.</summary>
    public DuplicateMatch? MatchOf(int index) => _byIndex[index];

    /// <summary>Copies of the kept article at <paramref name="index"/>, in input order.</summary>
    public IReadOnlyList<DuplicateMatch> CopiesOf(int index) => _copies.TryGetValue(index, out var copies) ? copies : [];

    /// <summary>Each kept article with copies, and its copies: the groups of repeated texts.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Groups =>
        _copies.OrderBy(g => g.Key).Select(g => (IReadOnlyList<int>)g.Value.Select(d => d.Index).Prepend(g.Key).ToArray()).ToArray();

    /// <summary>The articles that are not copies.</summary>
    public IReadOnlyList<Article> KeptArticles => Kept.Select(i => Articles[i]).ToArray();
}
