using Summarizer.Analysis;
using Summarizer.Interactive.Rendering;
using Summarizer.Interactive.Tests.TestSupport;
using Summarizer.Ingestion;
using Summarizer.Requests;
using Summarizer.Summarization;

namespace Summarizer.Interactive.Tests.Rendering;

public sealed class SummaryCardTests
{
    private const string Hostile =
        "Officials met <script>alert('x')</script> in Geneva. " +
        "A photo <img src=x onerror=alert(1)> was shown. " +
        "Read more <a href=\"javascript:alert(2)\">here</a> today.";

    private static SummaryResult Summarize(string text, string? title = null) =>
        ExtractiveMethod.ToResult(SummarizerCatalog.Create("lead").Summarize(
            TextAnalyzer.Default.Analyze(Article.FromText(text, title)), SummaryLength.Sentences(2)));

    [Fact]
    public void ToHtml_HostileArticle_RendersMarkupAsText()
    {
        var html = SummaryCard.ToHtml(Summarize(Hostile, title: "<b onmouseover=alert(3)>Title</b>"));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<a ", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b ", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;a href=&quot;javascript:alert(2)&quot;&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Formatter_HostileArticleThroughKernel_RendersMarkupAsText()
    {
        using var k = await KernelFixture.CreateAsync();

        var result = await k.SubmitAsync("#!summarize --sentences 3\n" + Hostile);

        result.Succeeded();
        var html = result.SingleValue("text/html", v => v.Contains("summarizer-card", StringComparison.Ordinal));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ToHtml_HighlightsExactlyTheChosenSentences()
    {
        var summary = Summarize("One is first. Two is second. Three is third.");

        var html = SummaryCard.ToHtml(summary);

        Assert.Contains("<mark>One is first.</mark>", html, StringComparison.Ordinal);
        Assert.Contains("<mark>Two is second.</mark>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<mark>Three", html, StringComparison.Ordinal);
        Assert.Contains("<details>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToPlainText_ListsSentencesWithMethodAndCompression()
    {
        var text = SummaryCard.ToPlainText(Summarize("One is first. Two is second. Three is third."));

        Assert.StartsWith("Summary by lead (2 of 3 sentences, 6 of 9 words", text, StringComparison.Ordinal);
        Assert.Contains("- Two is second.\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_LongSource_ShowsExcerptsAroundTheChosenSentencesAndSaysWhatWasLeftOut()
    {
        var sentences = Enumerable.Range(1, 3000).Select(i => $"Sentence number {i} talks about topic {i % 17} in some detail.");
        var summary = Summarize(string.Join(" ", sentences));

        var html = SummaryCard.ToHtml(summary);

        Assert.True(html.Length < 20_000, $"The card is {html.Length} characters.");
        Assert.Contains("<mark>Sentence number 1 talks", html, StringComparison.Ordinal);
        Assert.Contains("Sentence number 3 talks", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Sentence number 40 talks", html, StringComparison.Ordinal);
        Assert.Contains("2997 sentences not shown", html, StringComparison.Ordinal);
    }
}
