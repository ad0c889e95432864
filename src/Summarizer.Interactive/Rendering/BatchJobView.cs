using System.Globalization;
using System.Net;
using System.Text;
using Summarizer.Llm.Batch;

namespace Summarizer.Interactive.Rendering;

/// <summary>A Batch API job as a notebook shows it: id, state, model, and one row per batch. Every value is HTML-encoded.</summary>
internal static class BatchJobView
{
    public static string ToHtml(BatchJobStatus job)
    {
        var html = new StringBuilder("<div class=\"summarizer-batch\"><div><strong>Batch job <code>").Append(E(job.Id)).Append("</code></strong>: ")
            .Append(E(job.State.ToString().ToLowerInvariant())).Append(", ").Append(E($"{job.Provider} / {job.Model}")).Append(", ")
            .Append(E(string.Create(CultureInfo.InvariantCulture, $"{job.Inputs} inputs, {job.Requests} requests")))
            .Append("</div><table style=\"border-collapse:collapse;font-size:0.9em;\"><thead><tr>");
        foreach (var heading in new[] { "part", "round", "status", "done", "failed", "requests", "batch", "error" })
        {
            html.Append("<th style=\"text-align:left;padding:2px 8px;border-bottom:1px solid #d0d7de;\">").Append(heading).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var p in job.Parts)
        {
            html.Append("<tr>");
            foreach (var cell in new object?[] { p.Number, p.Round, p.Status, p.Completed, p.Failed, p.Requests, p.BatchId, p.Error })
            {
                html.Append("<td style=\"padding:2px 8px;border-bottom:1px solid #eaeef2;\">")
                    .Append(E(Convert.ToString(cell, CultureInfo.InvariantCulture) ?? string.Empty)).Append("</td>");
            }

            html.Append("</tr>");
        }

        return html.Append("</tbody></table><div style=\"opacity:0.7;font-size:0.85em;\">Collect with <code>#!batch-collect ")
            .Append(E(job.Id)).Append(" --wait</code></div></div>").ToString();
    }

    public static string ToPlainText(BatchJobStatus job) => job + Environment.NewLine + $"Collect with #!batch-collect {job.Id} --wait";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
