namespace Summarizer.Charts;

/// <summary>How a chart draws its series.</summary>
public enum ChartKind
{
    /// <summary>Vertical bars, one group per label.</summary>
    Bar,

    /// <summary>Horizontal bars, first label on top: suits long labels such as words and entities.</summary>
    HorizontalBar,

    /// <summary>Lines through the points, in label order.</summary>
    Line,
}

/// <summary>One named series: a value per label.</summary>
/// <param name="Name">Legend name of the series.</param>
/// <param name="Labels">Category labels (x for bars and lines, y for horizontal bars).</param>
/// <param name="Values">One value per label.</param>
public sealed record ChartSeries(string Name, IReadOnlyList<string> Labels, IReadOnlyList<double> Values);

/// <summary>
/// A chart as plain data: what to draw, not how. Renderers in the hosts (plotly and SVG in the notebook extension) draw it, so Core
/// never depends on a charting library.
/// </summary>
public sealed record ChartSpec
{
    /// <summary>Creates a chart; every series must have as many values as labels.</summary>
    public ChartSpec(ChartKind kind, IReadOnlyList<ChartSeries> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count == 0)
        {
            throw new ArgumentException("A chart needs at least one series.", nameof(series));
        }

        foreach (var s in series)
        {
            ArgumentNullException.ThrowIfNull(s);
            if (s.Labels is null || s.Values is null)
            {
                throw new ArgumentException($"Series '{s.Name}' has no labels or no values.", nameof(series));
            }

            if (s.Labels.Count != s.Values.Count)
            {
                throw new ArgumentException(
                    $"Series '{s.Name}' has {s.Labels.Count} labels but {s.Values.Count} values.", nameof(series));
            }
        }

        Kind = kind;
        Series = series;
    }

    /// <summary>A chart of one series.</summary>
    public static ChartSpec Single(ChartKind kind, string name, IReadOnlyList<string> labels, IReadOnlyList<double> values) =>
        new(kind, [new ChartSeries(name, labels, values)]);

    /// <summary>How the series are drawn.</summary>
    public ChartKind Kind { get; }

    /// <summary>The series, drawn side by side (bars) or overlaid (lines).</summary>
    public IReadOnlyList<ChartSeries> Series { get; }

    /// <summary>Chart title; none by default.</summary>
    public string? Title { get; init; }

    /// <summary>Horizontal axis title; none by default.</summary>
    public string? XLabel { get; init; }

    /// <summary>Vertical axis title; none by default.</summary>
    public string? YLabel { get; init; }

    /// <summary>Height in CSS pixels; null (the default) sizes it from the number of labels.</summary>
    public int? Height { get; init; }
}
