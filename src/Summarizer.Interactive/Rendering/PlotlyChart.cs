using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

using Summarizer.Charts;

namespace Summarizer.Interactive.Rendering;

/// <summary>Whether <see cref="PlotlyChart.ToHtml"/> includes plotly.js itself.</summary>
internal enum PlotlyScript
{
    /// <summary>
    /// Include the embedded plotly.js inline, guarded by <c>if (!window.Plotly)</c>: the output works offline and on
    /// its own. Use it for the first chart of a page or notebook.
    /// </summary>
    Embed,

    /// <summary>Assume an earlier output on the page loaded plotly.js; the static chart stays if it did not.</summary>
    AssumeLoaded,
}

/// <summary>
/// Renders a <see cref="ChartSpec"/> as a plotly figure (JSON) or as an HTML fragment (a div and a script).
/// </summary>
/// <remarks>
/// Written directly rather than through Plotly.NET: inside the dotnet-interactive tool Plotly.NET cannot load (it
/// needs a newer FSharp.Core than the tool ships), and its notebook formatter fetches plotly.js from a CDN, which
/// draws nothing offline. plotly.js (MIT) is embedded in this assembly instead.
/// </remarks>
internal static class PlotlyChart
{
    private static readonly Lazy<string> Library = new(ReadLibrary);

    /// <summary>The class of every chart's element: marks an output that needs plotly.js on the page.</summary>
    public const string CssClass = "summarizer-chart";

    /// <summary>The embedded plotly.js version: the basic bundle (bar and scatter traces, all these charts use), a
    /// quarter of the full bundle's size, so the output that carries it stays near 1 MB.</summary>
    public const string PlotlyJsVersion = "4.1.1";

    /// <summary>The first line of the embedded bundle's banner, as it appears in an output that carries it.</summary>
    public const string LibraryBanner = "* plotly.js (basic - minified) v" + PlotlyJsVersion;

    /// <summary>The embedded plotly.js source (minified).</summary>
    public static string LibrarySource => Library.Value;

    /// <summary>
    /// A script element that defines <c>window.Plotly</c> from the embedded copy unless a page already has it. The
    /// bundle runs with <c>define</c>, <c>module</c> and <c>exports</c> hidden so that require.js (present in Jupyter)
    /// or a CommonJS shim cannot capture it instead of <c>window.Plotly</c>.
    /// </summary>
    public static string LibraryScriptTag() =>
        "<script type=\"text/javascript\">if (!window.Plotly) { (function (define, module, exports) {\n"
        + Library.Value
        + "\n}).call(window, undefined, undefined, undefined); }</script>";

    /// <summary>The plotly figure (<c>{"data": [...], "layout": {...}}</c>) as JSON.</summary>
    /// <remarks>
    /// Labels and titles are HTML-escaped before JSON encoding because plotly reads a subset of HTML in text
    /// (<c>&lt;a href&gt;</c>, <c>&lt;b&gt;</c>); the encoder also escapes <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c>, so
    /// the JSON can sit inside a script element.
    /// </remarks>
    public static string ToFigureJson(ChartSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            WriteFigure(w, spec);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// An HTML fragment: a div holding <paramref name="fallback"/> (the static chart) and a script that, where
    /// plotly.js is on the page, replaces it with the interactive chart. Where scripts do not run, or plotly.js never
    /// loaded (the output that carried it was cleared), the static chart stays: no chart depends on another output.
    /// </summary>
    /// <param name="spec">The chart.</param>
    /// <param name="script">Whether to include plotly.js (see <see cref="PlotlyScript"/>).</param>
    /// <param name="elementId">The div's id; a fresh unique id when null.</param>
    /// <param name="fallback">Markup shown until (or unless) plotly draws: the static chart; trusted, already escaped.</param>
    public static string ToHtml(ChartSpec spec, PlotlyScript script = PlotlyScript.Embed, string? elementId = null, string? fallback = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var id = elementId ?? CssClass + "-" + Guid.NewGuid().ToString("N");
        var idJson = JsonSerializer.Serialize(id);
        var html = new StringBuilder();
        html.Append("<div class=\"").Append(CssClass).Append("\" id=\"").Append(WebUtility.HtmlEncode(id))
            .Append("\" style=\"width:100%;\">").Append(fallback).Append("</div>\n");
        if (script == PlotlyScript.Embed)
        {
            html.Append(LibraryScriptTag()).Append('\n');
        }

        html.Append("<script type=\"text/javascript\">(function () {\n")
            .Append("var el = document.getElementById(").Append(idJson).Append(");\n")
            .Append("if (!el || !window.Plotly) { return; }\n")
            .Append("var fig = ").Append(ToFigureJson(spec)).Append(";\n")
            .Append("el.textContent = '';\n")
            .Append("el.style.height = '").Append(HeightOf(spec).ToString(CultureInfo.InvariantCulture)).Append("px';\n")
            .Append("window.Plotly.newPlot(el, fig.data, fig.layout, { responsive: true, displaylogo: false });\n")
            .Append("})();</script>");
        return html.ToString();
    }

    /// <summary>The height the chart's div gets, in CSS pixels.</summary>
    public static int HeightOf(ChartSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Height is { } h)
        {
            return h;
        }

        if (spec.Kind != ChartKind.HorizontalBar)
        {
            return 420;
        }

        var labels = spec.Series.Max(s => s.Labels.Count);
        return Math.Clamp((labels * 22 * spec.Series.Count) + 120, 300, 1600);
    }

    private static void WriteFigure(Utf8JsonWriter w, ChartSpec spec)
    {
        w.WriteStartObject();
        w.WriteStartArray("data");
        foreach (var series in spec.Series)
        {
            WriteTrace(w, spec.Kind, series, spec.Series.Count > 1);
        }

        w.WriteEndArray();
        w.WriteStartObject("layout");
        if (!string.IsNullOrEmpty(spec.Title))
        {
            w.WriteStartObject("title");
            w.WriteString("text", Escape(spec.Title));
            w.WriteEndObject();
        }

        w.WriteBoolean("showlegend", spec.Series.Count > 1);
        if (spec.Kind != ChartKind.Line && spec.Series.Count > 1)
        {
            w.WriteString("barmode", "group");
        }

        w.WriteStartObject("margin");
        w.WriteNumber("t", string.IsNullOrEmpty(spec.Title) ? 20 : 50);
        w.WriteNumber("r", 20);
        w.WriteEndObject();
        WriteAxis(w, "xaxis", spec.XLabel, reversed: false);
        WriteAxis(w, "yaxis", spec.YLabel, reversed: spec.Kind == ChartKind.HorizontalBar);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteTrace(Utf8JsonWriter w, ChartKind kind, ChartSeries series, bool named)
    {
        w.WriteStartObject();
        w.WriteString("type", kind == ChartKind.Line ? "scatter" : "bar");
        if (kind == ChartKind.Line)
        {
            w.WriteString("mode", "lines+markers");
        }

        if (kind == ChartKind.HorizontalBar)
        {
            w.WriteString("orientation", "h");
        }

        if (named || !string.IsNullOrEmpty(series.Name))
        {
            w.WriteString("name", Escape(series.Name ?? string.Empty));
        }

        var (labelAxis, valueAxis) = kind == ChartKind.HorizontalBar ? ("y", "x") : ("x", "y");
        w.WriteStartArray(labelAxis);
        foreach (var label in series.Labels)
        {
            w.WriteStringValue(Escape(label ?? string.Empty));
        }

        w.WriteEndArray();
        w.WriteStartArray(valueAxis);
        foreach (var value in series.Values)
        {
            if (double.IsFinite(value))
            {
                w.WriteNumberValue(value);
            }
            else
            {
                w.WriteNullValue();
            }
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteAxis(Utf8JsonWriter w, string name, string? title, bool reversed)
    {
        w.WriteStartObject(name);
        w.WriteBoolean("automargin", true);
        if (!string.IsNullOrEmpty(title))
        {
            w.WriteStartObject("title");
            w.WriteString("text", Escape(title));
            w.WriteEndObject();
        }

        if (reversed)
        {
            w.WriteString("autorange", "reversed");
        }

        w.WriteEndObject();
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static string ReadLibrary()
    {
        const string name = "Summarizer.Resources.plotly-basic.min.js";
        using var stream = typeof(PlotlyChart).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource '{name}' is missing from Summarizer.Interactive.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
