namespace Summarizer.Summarization;

/// <summary>
/// Work done by the summarisers on the current thread while a measurement is open: what the size tests count to show
/// that the cost grows with the document, not with its square. Summarisers run synchronously, so a thread-static
/// scope sees all of their work; outside a measurement nothing is counted.
/// </summary>
internal sealed class WorkCounters : IDisposable
{
    [ThreadStatic]
    private static WorkCounters? t_current;

    private readonly WorkCounters? _outer;

    private WorkCounters(WorkCounters? outer) => _outer = outer;

    /// <summary>The open measurement of this thread, or null.</summary>
    public static WorkCounters? Current => t_current;

    /// <summary>Distinct sentence pairs whose similarity was computed.</summary>
    public long SimilarityPairs { get; set; }

    /// <summary>Posting-list entries visited while accumulating shared terms (the inner loop of graph building).</summary>
    public long PostingVisits { get; set; }

    /// <summary>Edges kept in sparse sentence graphs (each direction counted).</summary>
    public long Edges { get; set; }

    /// <summary>Power-method or subspace iterations.</summary>
    public int Iterations { get; set; }

    /// <summary>Products of a vector with the whole term-sentence matrix or sentence graph.</summary>
    public long MatVecs { get; set; }

    /// <summary>Term weights read while scoring (one per sentence term per pass), for methods without a graph.</summary>
    public long TermVisits { get; set; }

    /// <summary>Adds to <see cref="TermVisits"/> of the open measurement, if any.</summary>
    public static void AddTermVisits(long count)
    {
        if (t_current is { } work)
        {
            work.TermVisits += count;
        }
    }

    /// <summary>Opens a measurement on this thread; disposing it restores the previous one.</summary>
    public static WorkCounters Measure() => t_current = new WorkCounters(t_current);

    /// <inheritdoc />
    public void Dispose() => t_current = _outer;
}
