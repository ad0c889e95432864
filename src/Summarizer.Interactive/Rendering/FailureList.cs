using System.Net;
using System.Text;
using Summarizer.Ingestion;

namespace Summarizer.Interactive.Rendering;

/// <summary>Inputs that could not be loaded, each with the message that names it.</summary>
/// <param name="Failures">The failures.</param>
public sealed record FailureList(IReadOnlyList<LoadFailure> Failures)
{
    /// <summary>A list; messages are HTML-encoded.</summary>
    public string ToHtml()
    {
        var html = new StringBuilder("<div class=\"summarizer-failures\"><strong>")
            .Append(Heading()).Append("</strong><ul>");
        foreach (var f in Failures)
        {
            // Core's messages start with the file, URL or record they concern.
            html.Append("<li>").Append(WebUtility.HtmlEncode(f.Message)).Append("</li>");
        }

        return html.Append("</ul></div>").ToString();
    }

    /// <summary>One line per failure.</summary>
    public string ToPlainText() => Heading() + "\n" + string.Concat(Failures.Select(f => "- " + f.Message + "\n"));

    private string Heading() => $"{Failures.Count} {(Failures.Count == 1 ? "input" : "inputs")} could not be loaded:";
}
