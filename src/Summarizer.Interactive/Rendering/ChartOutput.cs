using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.DotNet.Interactive;
using Summarizer.Charts;

namespace Summarizer.Interactive.Rendering;

/// <summary>
/// Renders charts in a notebook: a static SVG that every viewer shows, made interactive by plotly.js where scripts
/// run. plotly.js loads once per kernel session: the first chart carries the embedded library (a guarded inline
/// script, ~4.8 MB), later charts reuse <c>window.Plotly</c>, and a chart whose page lacks it keeps its SVG. The
/// library is inlined rather than fetched because notebooks must render offline.
/// </summary>
internal static class ChartOutput
{
    private static readonly ConditionalWeakTable<Kernel, object> Loaded = new();

    public static string ToHtml(ChartSpec spec)
    {
        var root = KernelInvocationContext.Current?.HandlingKernel?.RootKernel;
        var mode = PlotlyScript.Embed;
        if (root is not null)
        {
            lock (Loaded)
            {
                if (Loaded.TryGetValue(root, out _))
                {
                    mode = PlotlyScript.AssumeLoaded;
                }
                else
                {
                    Loaded.Add(root, new object());
                }
            }
        }

        return PlotlyChart.ToHtml(spec, mode, fallback: SvgChart.ToSvg(spec));
    }

    /// <summary>A short text rendering: title and the first values of each series.</summary>
    public static string ToPlainText(ChartSpec spec, int rows = 10)
    {
        var text = new StringBuilder();
        if (!string.IsNullOrEmpty(spec.Title))
        {
            text.Append(spec.Title).Append('\n');
        }

        foreach (var series in spec.Series)
        {
            if (spec.Series.Count > 1 || !string.IsNullOrEmpty(series.Name))
            {
                text.Append('[').Append(series.Name).Append("]\n");
            }

            var width = series.Labels.Take(rows).Select(l => l.Length).DefaultIfEmpty(0).Max();
            for (var i = 0; i < Math.Min(rows, series.Labels.Count); i++)
            {
                text.Append(series.Labels[i].PadRight(width)).Append("  ")
                    .Append(series.Values[i].ToString("0.###", CultureInfo.InvariantCulture)).Append('\n');
            }

            if (series.Labels.Count > rows)
            {
                text.Append("... ").Append((series.Labels.Count - rows).ToString(CultureInfo.InvariantCulture)).Append(" more\n");
            }
        }

        return text.ToString();
    }
}
