namespace Summarizer.Interactive.Rendering;

/// <summary>
/// A script that several outputs may carry (such as the chart library): a page of exported outputs needs it once, in
/// its head, when any output carries it or contains <see cref="Marker"/>.
/// </summary>
/// <param name="Element">The exact script element the outputs contain.</param>
/// <param name="Marker">Text in the outputs that need the script even when they do not carry it.</param>
public sealed record PageScript(string Element, string Marker);

/// <summary>What a page showing this extension's outputs needs, for exporters of executed notebooks.</summary>
public static class PageAssets
{
    /// <summary>Scripts to inline once per page: plotly.js, for charts.</summary>
    public static IReadOnlyList<PageScript> Scripts { get; } = [new(PlotlyChart.LibraryScriptTag(), PlotlyChart.CssClass)];
}
