using System.Collections;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.DotNet.Interactive.Documents;
using Summarizer.Interactive.Rendering;

namespace Summarizer.Cli.Notebooks;

/// <summary>Writes an executed notebook as one self-contained HTML page that needs no network to view.</summary>
/// <remarks>
/// text/html outputs are copied as they are: they come from the kernel's formatters, which escape article text.
/// Everything else the page shows (title, markdown, cell source, plain text, errors) is escaped here. The page's
/// content security policy allows no network requests at all, so a page opened anywhere stays self-contained.
/// </remarks>
internal sealed class NotebookHtmlExporter
{
    private readonly IReadOnlyList<PageScript> _sharedScripts;

    /// <summary>Creates an exporter.</summary>
    /// <param name="sharedScripts">Scripts to inline once per page instead of once per output (the extension's
    /// <see cref="PageAssets.Scripts"/>): every copy in the outputs is removed and one goes in the page head.</param>
    public NotebookHtmlExporter(IReadOnlyList<PageScript> sharedScripts)
    {
        _sharedScripts = sharedScripts;
    }

    /// <summary>The page for <paramref name="document"/>, titled by its first heading or else <paramref name="fallbackTitle"/>.</summary>
    public string Export(InteractiveDocument document, string fallbackTitle)
    {
        ArgumentNullException.ThrowIfNull(document);
        var title = document.Elements
                        .Where(e => e.KernelName == NotebookKernel.Markdown)
                        .Select(e => SafeMarkdown.FirstHeading(e.Contents))
                        .FirstOrDefault(h => !string.IsNullOrWhiteSpace(h))
                    ?? fallbackTitle;

        var body = new StringBuilder();
        var needed = new bool[_sharedScripts.Count];
        foreach (var cell in document.Elements)
        {
            if (cell.KernelName == NotebookKernel.Markdown)
            {
                body.Append("<section class=\"cell markdown\">\n").Append(SafeMarkdown.ToHtml(cell.Contents))
                    .Append("</section>\n");
                continue;
            }

            if (string.IsNullOrWhiteSpace(cell.Contents) && cell.Outputs.Count == 0)
            {
                continue;
            }

            body.Append("<section class=\"cell code\">\n<div class=\"source\"><span class=\"prompt\">")
                .Append(cell.ExecutionOrder > 0 ? $"[{cell.ExecutionOrder.ToString(CultureInfo.InvariantCulture)}]" : "[ ]")
                .Append("</span><pre><code class=\"language-").Append(Encode(cell.KernelName ?? NotebookKernel.CSharp))
                .Append("\">").Append(Encode(cell.Contents)).Append("</code></pre></div>\n");
            if (cell.Outputs.Count > 0)
            {
                body.Append("<div class=\"outputs\">\n");
                foreach (var output in cell.Outputs)
                {
                    body.Append(RenderOutput(output, needed)).Append('\n');
                }

                body.Append("</div>\n");
            }

            body.Append("</section>\n");
        }

        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline'; ")
            .Append("style-src 'unsafe-inline'; img-src data: blob:; font-src data:\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"generator\" content=\"summarizer notebook run\">\n")
            .Append("<title>").Append(Encode(title)).Append("</title>\n<style>\n").Append(PageStyle).Append("</style>\n");
        for (var i = 0; i < _sharedScripts.Count; i++)
        {
            if (needed[i])
            {
                page.Append(_sharedScripts[i].Element).Append('\n');
            }
        }

        page.Append("</head>\n<body>\n<main class=\"notebook\">\n").Append(body).Append("</main>\n</body>\n</html>\n");
        return page.ToString();
    }

    private string RenderOutput(InteractiveDocumentOutputElement output, bool[] needed)
    {
        switch (output)
        {
            case TextElement text:
                return $"<pre class=\"output stream {(text.Name == "stderr" ? "stderr" : "stdout")}\">{Encode(text.Text)}</pre>";
            case ErrorElement error:
                var details = new StringBuilder();
                details.Append("<div class=\"output error\" role=\"alert\"><div class=\"error-name\">")
                    .Append(Encode(error.ErrorName)).Append("</div><pre>").Append(Encode(error.ErrorValue)).Append("</pre>");
                if (error.StackTrace.Length > 0)
                {
                    details.Append("<details><summary>Stack trace</summary><pre>")
                        .Append(Encode(string.Join('\n', error.StackTrace))).Append("</pre></details>");
                }

                return details.Append("</div>").ToString();
            case DisplayElement display:
                return RenderData(display.Data, needed);
            case ReturnValueElement value:
                return RenderData(value.Data, needed);
            default:
                return string.Empty;
        }
    }

    private string RenderData(IDictionary<string, object> data, bool[] needed)
    {
        if (TryGetText(data, "text/html", out var html))
        {
            for (var i = 0; i < _sharedScripts.Count; i++)
            {
                var shared = _sharedScripts[i];
                if (html.Contains(shared.Element, StringComparison.Ordinal))
                {
                    needed[i] = true;
                    html = html.Replace(shared.Element, string.Empty, StringComparison.Ordinal);
                }
                else if (html.Contains(shared.Marker, StringComparison.Ordinal))
                {
                    needed[i] = true;
                }
            }

            return $"<div class=\"output html\">{html}</div>";
        }

        if (TryGetText(data, "image/png", out var png) || TryGetText(data, "image/jpeg", out png))
        {
            var mime = data.ContainsKey("image/png") ? "image/png" : "image/jpeg";
            var base64 = png.Trim();
            return IsBase64(base64)
                ? $"<div class=\"output image\"><img alt=\"\" src=\"data:{mime};base64,{base64}\"></div>"
                : string.Empty;
        }

        if (TryGetText(data, "text/markdown", out var markdown))
        {
            return $"<div class=\"output markdown\">{SafeMarkdown.ToHtml(markdown)}</div>";
        }

        if (TryGetText(data, "text/plain", out var plain))
        {
            return $"<pre class=\"output text\">{Encode(plain)}</pre>";
        }

        if (TryGetText(data, "application/json", out var json))
        {
            return $"<pre class=\"output json\">{Encode(json)}</pre>";
        }

        var kinds = string.Join(", ", data.Keys);
        return $"<pre class=\"output unsupported\">{Encode($"(output of type {kinds} is not shown in this page)")}</pre>";
    }

    private static bool TryGetText(IDictionary<string, object> data, string mimeType, out string text)
    {
        text = string.Empty;
        if (!data.TryGetValue(mimeType, out var value) || value is null)
        {
            return false;
        }

        text = value switch
        {
            string s => s,
            JsonElement { ValueKind: JsonValueKind.String } e => e.GetString() ?? string.Empty,
            JsonElement { ValueKind: JsonValueKind.Array } e => string.Concat(e.EnumerateArray().Select(x => x.ToString())),
            JsonElement e => e.GetRawText(),
            IEnumerable<string> lines => string.Concat(lines),
            IEnumerable items => string.Concat(items.Cast<object?>().Select(x => x?.ToString())),
            _ => value.ToString() ?? string.Empty,
        };
        return true;
    }

    private static bool IsBase64(string text) =>
        text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=' or '\n' or '\r');

    private static string Encode(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    private const string PageStyle = """
        :root { color-scheme: light; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --code-bg: #f6f8fa; --accent: #0969da; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.55 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--fg); background: #fff; }
        main.notebook { max-width: 1100px; margin: 0 auto; padding: 24px 20px 64px; }
        .cell { margin: 0 0 18px; }
        .cell.markdown h1 { font-size: 1.9em; border-bottom: 1px solid var(--line); padding-bottom: .25em; }
        .cell.markdown h2 { font-size: 1.45em; margin-top: 1.4em; }
        .cell.markdown code, .output.markdown code { background: var(--code-bg); padding: .1em .35em; border-radius: 4px; font-size: 90%; }
        .source { display: flex; gap: 8px; align-items: flex-start; }
        .prompt { color: var(--muted); font: 12px/1.9 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; min-width: 3.2em; text-align: right; }
        .source pre { flex: 1; margin: 0; background: var(--code-bg); border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; overflow-x: auto; }
        pre, code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; }
        .cell.markdown pre { background: var(--code-bg); border-radius: 6px; padding: 8px 12px; overflow-x: auto; }
        .outputs { margin: 8px 0 0 calc(3.2em + 8px); display: flex; flex-direction: column; gap: 8px; }
        .output { max-width: 100%; overflow-x: auto; }
        pre.output { margin: 0; padding: 6px 10px; white-space: pre-wrap; word-break: break-word; }
        pre.output.stderr { background: #fff8c5; }
        .output.error { border: 1px solid #ff818266; border-left: 4px solid #cf222e; background: #ffebe9; border-radius: 6px; padding: 8px 12px; }
        .output.error .error-name { font-weight: 600; color: #cf222e; }
        .output.error pre { margin: 4px 0 0; white-space: pre-wrap; word-break: break-word; }
        .output.html table { border-collapse: collapse; font-size: 13px; }
        .output.html th, .output.html td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
        .output.html th { background: var(--code-bg); }
        .summarizer-chart { min-height: 200px; }
        .summarizer-card, .summary-card { border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; margin: 0 0 12px; background: #fff; box-shadow: 0 1px 2px #1f232814; }
        .summarizer-card h3, .summary-card h3 { margin: 0 0 6px; font-size: 1.05em; }
        .summarizer-card .meta, .summary-card .meta { color: var(--muted); font-size: 12px; margin-bottom: 6px; }
        a { color: var(--accent); }
        """;
}
