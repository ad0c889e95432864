using Microsoft.DotNet.Interactive.Documents;
using Summarizer.Cli.Notebooks;

namespace Summarizer.Cli.Tests.Notebooks;

public sealed class NotebookHtmlExporterTests
{
    private const string Hostile = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=1\"><a href=\"javascript:alert(1)\">x</a>";

    private static InteractiveDocument Notebook(params InteractiveDocumentElement[] cells) => new(cells.ToList());

    private static InteractiveDocumentElement Code(string source, params InteractiveDocumentOutputElement[] outputs)
    {
        var cell = new InteractiveDocumentElement(source, "csharp") { ExecutionOrder = 1 };
        cell.Outputs.AddRange(outputs);
        return cell;
    }

    private static DisplayElement Html(string html) => new(new Dictionary<string, object> { ["text/html"] = html });

    [Fact]
    public void Export_HostileTextOutsideHtmlOutputs_IsEscapedEverywhere()
    {
        var document = Notebook(
            new InteractiveDocumentElement("# Report " + Hostile + "\n\n" + Hostile, "markdown"),
            Code(
                "var s = \"" + Hostile + "\";",
                new TextElement(Hostile, "stdout"),
                new DisplayElement(new Dictionary<string, object> { ["text/plain"] = Hostile }),
                new ErrorElement(Hostile, "Error", [Hostile])));

        var html = new NotebookHtmlExporter([]).Export(document, "fallback");

        Assert.DoesNotContain("<script>window", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;window.__pwned=1&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<title>Report &lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_Page_LoadsNothingFromTheNetwork()
    {
        var document = Notebook(
            new InteractiveDocumentElement("See [the site](https://example.org).", "markdown"),
            Code("1", Html("<b>bold</b>")));

        var html = new NotebookHtmlExporter([]).Export(document, "page");

        Assert.DoesNotContain("src=\"http", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"output html\"><b>bold</b></div>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_SharedScriptInSeveralOutputs_IsInlinedOnceInTheHead()
    {
        const string library = "<script>window.Lib = 1;</script>";
        var shared = new Summarizer.Interactive.Rendering.PageScript(library, "uses-lib");
        var document = Notebook(
            Code("a", Html(library + "<div class=\"uses-lib\">one</div>")),
            Code("b", Html(library + "<div class=\"uses-lib\">two</div>")),
            Code("c", Html("<div class=\"uses-lib\">three</div>")));

        var html = new NotebookHtmlExporter([shared]).Export(document, "page");

        Assert.Equal(1, Occurrences(html, library));
        Assert.True(html.IndexOf(library, StringComparison.Ordinal) < html.IndexOf("</head>", StringComparison.Ordinal));
        Assert.Equal(3, Occurrences(html, "class=\"uses-lib\""));
    }

    [Fact]
    public void Export_NoOutputUsesASharedScript_LeavesItOut()
    {
        const string library = "<script>window.Lib = 1;</script>";
        var document = Notebook(Code("a", Html("<p>plain</p>")));

        var html = new NotebookHtmlExporter([new Summarizer.Interactive.Rendering.PageScript(library, "uses-lib")]).Export(document, "page");

        Assert.DoesNotContain(library, html, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_NoHeading_UsesFallbackTitle()
    {
        var html = new NotebookHtmlExporter([]).Export(Notebook(Code("1")), "quick<start>");

        Assert.Contains("<title>quick&lt;start&gt;</title>", html, StringComparison.Ordinal);
    }

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
