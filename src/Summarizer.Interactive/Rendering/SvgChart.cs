using System.Globalization;
using System.Net;
using System.Text;
using Summarizer.Charts;

namespace Summarizer.Interactive.Rendering;

/// <summary>
/// Draws a <see cref="ChartSpec"/> as a static SVG: bars or lines, labels, values and a native <c>&lt;title&gt;</c>
/// tooltip per mark. It needs no script, so a chart still shows where scripts are stripped (GitHub, mail and wiki
/// previews, a notebook opened without its kernel) and when plotly.js is not on the page. Every label is
/// XML-escaped.
/// </summary>
public static class SvgChart
{
    private const int Width = 720;
    private const int RowHeight = 22;
    private const double CharWidth = 6.6;
    private const int MaxLabelChars = 38;

    // plotly's default colours, so the static and the interactive chart look alike.
    private static readonly string[] Colours = ["#636efa", "#ef553b", "#00cc96", "#ab63fa", "#ffa15a", "#19d3f3", "#ff6692", "#b6e880", "#ff97ff", "#fecb52"];

    /// <summary>The chart as a standalone SVG document fragment (an <c>&lt;svg&gt;</c> element).</summary>
    public static string ToSvg(ChartSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Kind == ChartKind.HorizontalBar ? HorizontalBars(spec) : Columns(spec);
    }

    private static string HorizontalBars(ChartSpec spec)
    {
        var labels = Labels(spec);
        var groups = spec.Series.Count;
        var rowHeight = RowHeight * Math.Max(1, groups) * (groups > 1 ? 0.75 : 1);
        var top = TitleHeight(spec) + (groups > 1 ? 22 : 0);
        var labelWidth = (int)Math.Min(CharWidth * labels.Max(l => Math.Min(l.Length, MaxLabelChars)) + 12, 280);
        var plotWidth = Width - labelWidth - 70;
        var height = (int)(top + (labels.Count * rowHeight) + (spec.XLabel is null ? 16 : 34));
        var max = MaxValue(spec);
        var svg = Open(spec, height);
        Legend(svg, spec, top - 18);
        for (var row = 0; row < labels.Count; row++)
        {
            var y = top + (row * rowHeight);
            svg.Append(Invariant($"<text x=\"{labelWidth - 6}\" y=\"{y + (rowHeight / 2) + 4:0.#}\" text-anchor=\"end\" class=\"label\">"))
                .Append(X(Short(labels[row]))).Append("<title>").Append(X(labels[row])).Append("</title></text>");
            for (var s = 0; s < groups; s++)
            {
                var value = ValueOf(spec.Series[s], labels[row]);
                var barHeight = (rowHeight - 4) / groups;
                var barY = y + 2 + (s * barHeight);
                var w = max <= 0 ? 0 : Math.Max(value > 0 ? 1 : 0, plotWidth * value / max);
                svg.Append(Invariant($"<rect x=\"{labelWidth}\" y=\"{barY:0.#}\" width=\"{w:0.#}\" height=\"{barHeight - 1:0.#}\" fill=\"{Colours[s % Colours.Length]}\">"))
                    .Append("<title>").Append(X(Tooltip(spec.Series[s], labels[row], value, groups > 1))).Append("</title></rect>");
                svg.Append(Invariant($"<text x=\"{labelWidth + w + 4:0.#}\" y=\"{barY + (barHeight / 2) + 4:0.#}\" class=\"value\">{Format(value)}</text>"));
            }
        }

        if (spec.XLabel is not null)
        {
            svg.Append(Invariant($"<text x=\"{labelWidth + (plotWidth / 2)}\" y=\"{height - 8}\" text-anchor=\"middle\" class=\"axis\">")).Append(X(spec.XLabel)).Append("</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    // Vertical bars, or lines through the points, with a value axis on the left.
    private static string Columns(ChartSpec spec)
    {
        var labels = Labels(spec);
        var groups = spec.Series.Count;
        var top = TitleHeight(spec) + (groups > 1 ? 22 : 0);
        var rotate = labels.Count > 8 || labels.Any(l => l.Length > 10);
        var bottom = rotate ? (int)Math.Min(CharWidth * labels.Max(l => Math.Min(l.Length, 24)) * 0.75, 140) + 24 : 30;
        if (spec.XLabel is not null)
        {
            bottom += 18;
        }

        const int left = 56;
        var plotHeight = 260;
        var height = top + plotHeight + bottom;
        var plotWidth = Width - left - 16;
        var max = MaxValue(spec);
        var step = NiceStep(max);
        var axisMax = step * Math.Max(1, Math.Ceiling(max / step));
        var svg = Open(spec, height);
        Legend(svg, spec, top - 18);
        for (var tick = 0.0; tick <= axisMax + (step / 2); tick += step)
        {
            var y = top + plotHeight - (plotHeight * tick / axisMax);
            svg.Append(Invariant($"<line x1=\"{left}\" y1=\"{y:0.#}\" x2=\"{left + plotWidth}\" y2=\"{y:0.#}\" class=\"grid\"/>"))
                .Append(Invariant($"<text x=\"{left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" class=\"value\">{Format(tick)}</text>"));
        }

        var slot = plotWidth / (double)Math.Max(1, labels.Count);
        for (var i = 0; i < labels.Count; i++)
        {
            var x = left + (slot * (i + 0.5));
            var baseline = top + plotHeight + 14;
            svg.Append(rotate
                    ? Invariant($"<text transform=\"translate({x:0.#},{baseline}) rotate(-40)\" text-anchor=\"end\" class=\"label\">")
                    : Invariant($"<text x=\"{x:0.#}\" y=\"{baseline}\" text-anchor=\"middle\" class=\"label\">"))
                .Append(X(Short(labels[i], 24))).Append("<title>").Append(X(labels[i])).Append("</title></text>");
        }

        for (var s = 0; s < groups; s++)
        {
            var series = spec.Series[s];
            var colour = Colours[s % Colours.Length];
            var points = new List<(double X, double Y, string Label, double Value)>();
            for (var i = 0; i < labels.Count; i++)
            {
                var value = ValueOf(series, labels[i]);
                var h = axisMax <= 0 ? 0 : plotHeight * value / axisMax;
                if (spec.Kind == ChartKind.Line)
                {
                    points.Add((left + (slot * (i + 0.5)), top + plotHeight - h, labels[i], value));
                    continue;
                }

                var barWidth = Math.Max(1, (slot * 0.8) / groups);
                var x = left + (slot * i) + (slot * 0.1) + (s * barWidth);
                svg.Append(Invariant($"<rect x=\"{x:0.#}\" y=\"{top + plotHeight - h:0.#}\" width=\"{barWidth - 1:0.#}\" height=\"{h:0.#}\" fill=\"{colour}\">"))
                    .Append("<title>").Append(X(Tooltip(series, labels[i], value, groups > 1))).Append("</title></rect>");
            }

            if (points.Count > 0)
            {
                svg.Append("<polyline fill=\"none\" stroke=\"").Append(colour).Append("\" stroke-width=\"2\" points=\"")
                    .Append(string.Join(' ', points.Select(p => Invariant($"{p.X:0.#},{p.Y:0.#}")))).Append("\"/>");
                foreach (var p in points)
                {
                    svg.Append(Invariant($"<circle cx=\"{p.X:0.#}\" cy=\"{p.Y:0.#}\" r=\"3.5\" fill=\"{colour}\">"))
                        .Append("<title>").Append(X(Tooltip(series, p.Label, p.Value, groups > 1))).Append("</title></circle>");
                }
            }
        }

        if (spec.XLabel is not null)
        {
            svg.Append(Invariant($"<text x=\"{left + (plotWidth / 2)}\" y=\"{height - 6}\" text-anchor=\"middle\" class=\"axis\">")).Append(X(spec.XLabel)).Append("</text>");
        }

        if (spec.YLabel is not null)
        {
            svg.Append(Invariant($"<text transform=\"translate(14,{top + (plotHeight / 2)}) rotate(-90)\" text-anchor=\"middle\" class=\"axis\">")).Append(X(spec.YLabel)).Append("</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Open(ChartSpec spec, int height)
    {
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"summarizer-svg-chart\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" "))
            .Append("style=\"max-width:100%;height:auto;font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;font-size:12px;\" role=\"img\"");
        if (spec.Title is not null)
        {
            svg.Append(" aria-label=\"").Append(X(spec.Title)).Append('"');
        }

        svg.Append("><style>.label{fill:#24292f}.value{fill:#57606a;font-size:11px}.axis{fill:#57606a}.grid{stroke:#eaeef2}.title{font-size:15px;font-weight:600;fill:#24292f}</style>")
            .Append(Invariant($"<rect width=\"{Width}\" height=\"{height}\" fill=\"#ffffff\"/>"));
        if (spec.Title is not null)
        {
            svg.Append(Invariant($"<text x=\"{Width / 2}\" y=\"22\" text-anchor=\"middle\" class=\"title\">")).Append(X(spec.Title)).Append("</text>");
        }

        return svg;
    }

    private static void Legend(StringBuilder svg, ChartSpec spec, int y)
    {
        if (spec.Series.Count < 2)
        {
            return;
        }

        var x = 10.0;
        for (var s = 0; s < spec.Series.Count; s++)
        {
            var name = Short(spec.Series[s].Name, 24);
            svg.Append(Invariant($"<rect x=\"{x:0.#}\" y=\"{y}\" width=\"10\" height=\"10\" fill=\"{Colours[s % Colours.Length]}\"/>"))
                .Append(Invariant($"<text x=\"{x + 14:0.#}\" y=\"{y + 9}\" class=\"label\">")).Append(X(name)).Append("</text>");
            x += 24 + (CharWidth * name.Length);
        }
    }

    // Labels of every series in first-seen order (series share an axis).
    private static List<string> Labels(ChartSpec spec)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var labels = new List<string>();
        foreach (var label in spec.Series.SelectMany(s => s.Labels))
        {
            if (seen.Add(label ?? string.Empty))
            {
                labels.Add(label ?? string.Empty);
            }
        }

        return labels.Count == 0 ? [string.Empty] : labels;
    }

    private static double ValueOf(ChartSeries series, string label)
    {
        for (var i = 0; i < series.Labels.Count; i++)
        {
            if (string.Equals(series.Labels[i], label, StringComparison.Ordinal))
            {
                return double.IsFinite(series.Values[i]) ? Math.Max(0, series.Values[i]) : 0;
            }
        }

        return 0;
    }

    private static double MaxValue(ChartSpec spec) =>
        spec.Series.SelectMany(s => s.Values).Where(double.IsFinite).DefaultIfEmpty(0).Max();

    private static double NiceStep(double max)
    {
        if (max <= 0)
        {
            return 1;
        }

        var rough = max / 5;
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var unit = rough / power;
        return power * (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10);
    }

    private static int TitleHeight(ChartSpec spec) => spec.Title is null ? 10 : 38;

    private static string Tooltip(ChartSeries series, string label, double value, bool named) =>
        named ? $"{series.Name} · {label}: {Format(value)}" : $"{label}: {Format(value)}";

    private static string Short(string text, int max = MaxLabelChars) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string Format(double value) => value.ToString(Math.Abs(value - Math.Round(value)) < 1e-9 ? "0" : "0.##", CultureInfo.InvariantCulture);

    private static string X(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
