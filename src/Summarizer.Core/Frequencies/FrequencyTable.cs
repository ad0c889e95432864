using Microsoft.Data.Analysis;

namespace Summarizer.Frequencies;

/// <summary>One counted term.</summary>
/// <param name="Term">The word or n-gram (lower case; with stemming, the stem's most frequent surface form).</param>
/// <param name="Count">Occurrences.</param>
/// <param name="Documents">Documents containing it at least once.</param>
/// <param name="Group">The group key of the documents counted, or null when counting was not grouped.</param>
public sealed record FrequencyRow(string Term, int Count, int Documents, string? Group);

/// <summary>
/// The result of <see cref="FrequencyCounter"/>: rows ordered by group (ordinal), then count (highest first), then
/// documents, then term.
/// </summary>
public sealed class FrequencyTable
{
    internal FrequencyTable(IReadOnlyList<FrequencyRow> rows, FrequencyOptions options, bool grouped, int documentCount)
    {
        Rows = rows;
        Options = options;
        IsGrouped = grouped;
        DocumentCount = documentCount;
    }

    /// <summary>The counted terms.</summary>
    public IReadOnlyList<FrequencyRow> Rows { get; }

    /// <summary>The options used.</summary>
    public FrequencyOptions Options { get; }

    /// <summary>True when documents were counted per group.</summary>
    public bool IsGrouped { get; }

    /// <summary>Documents counted.</summary>
    public int DocumentCount { get; }

    /// <summary>
    /// The rows as a <see cref="DataFrame"/> with columns <c>term</c>, <c>count</c>, <c>articles</c> (how many
    /// articles use the term) and, when grouped, <c>group</c>; the same scheme as the entity table.
    /// </summary>
    public DataFrame ToDataFrame()
    {
        var n = Rows.Count;
        var term = new StringDataFrameColumn("term", n);
        var count = new Int32DataFrameColumn("count", n);
        var documents = new Int32DataFrameColumn("articles", n);
        var group = IsGrouped ? new StringDataFrameColumn("group", n) : null;
        for (var i = 0; i < n; i++)
        {
            var row = Rows[i];
            term[i] = row.Term;
            count[i] = row.Count;
            documents[i] = row.Documents;
            if (group is not null)
            {
                group[i] = row.Group;
            }
        }

        return group is null ? new DataFrame(term, count, documents) : new DataFrame(term, count, documents, group);
    }
}
