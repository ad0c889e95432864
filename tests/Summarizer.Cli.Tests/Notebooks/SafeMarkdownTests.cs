using Summarizer.Cli.Notebooks;

namespace Summarizer.Cli.Tests.Notebooks;

public sealed class SafeMarkdownTests
{
    [Fact]
    public void ToHtml_HeadingsListsAndEmphasis_AreRendered()
    {
        var html = SafeMarkdown.ToHtml("# Title\n\nSome **bold** and *italic* `code`.\n\n- one\n- two\n\n1. first\n2. second");

        Assert.Contains("<h1>Title</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>bold</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<em>italic</em>", html, StringComparison.Ordinal);
        Assert.Contains("<code>code</code>", html, StringComparison.Ordinal);
        Assert.Contains("<ul>\n<li>one</li>\n<li>two</li>\n</ul>", html, StringComparison.Ordinal);
        Assert.Contains("<ol>\n<li>first</li>\n<li>second</li>\n</ol>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JavaScript:alert(1))")]
    [InlineData("[x](data:text/html,hi)")]
    [InlineData("[x](vbscript:msgbox)")]
    public void ToHtml_LinkWithScriptingScheme_StaysText(string markdown)
    {
        var html = SafeMarkdown.ToHtml(markdown);

        Assert.DoesNotContain("<a ", html, StringComparison.Ordinal);
        Assert.Contains("[x](", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[site](https://example.org/a?b=1&c=2)", "<a href=\"https://example.org/a?b=1&amp;c=2\">site</a>")]
    [InlineData("[section](#load)", "<a href=\"#load\">section</a>")]
    [InlineData("[file](../seeds/geneva-talks.txt)", "<a href=\"../seeds/geneva-talks.txt\">file</a>")]
    public void ToHtml_SafeLink_BecomesAnchor(string markdown, string expected)
    {
        Assert.Contains(expected, SafeMarkdown.ToHtml(markdown), StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_RawHtml_ShowsAsText()
    {
        var html = SafeMarkdown.ToHtml("<script>window.__pwned=1</script>\n\n<img src=x onerror=\"alert(1)\">");

        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("onerror=&quot;alert(1)&quot;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_FencedCode_IsEscapedVerbatim()
    {
        var html = SafeMarkdown.ToHtml("```bash\ndotnet pack -o artifacts/feed # <b>\n```");

        Assert.Contains("<pre><code>dotnet pack -o artifacts/feed # &lt;b&gt;\n</code></pre>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void FirstHeading_MarkdownWithHeading_ReturnsItsText()
    {
        Assert.Equal("Quickstart: news", SafeMarkdown.FirstHeading("intro\n\n## Quickstart: *news*\n# Later"));
    }
}
