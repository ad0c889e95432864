using System.Net;
using Microsoft.Data.Analysis;
using Summarizer.Core.Tests.Llm;
using Summarizer.Core.Tests.Stories;
using Summarizer.Interactive.Tests.TestSupport;
using Summarizer.Stories;

namespace Summarizer.Interactive.Tests.Commands;

public sealed class StoriesCommandTests : KernelTest
{
    private string _dir = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _dir = Directory.CreateTempSubdirectory("summarizer-stories-").FullName;
        await File.WriteAllTextAsync(Path.Combine(_dir, "feed.jsonl"), StoryCorpus.ToJsonl());
    }

    public override Task DisposeAsync()
    {
        Directory.Delete(_dir, recursive: true);
        return base.DisposeAsync();
    }

    [Fact]
    public async Task Stories_FromLoadedArticles_FrameCardsTimelineAndColumnsOnTheArticles()
    {
        (await Kernel.SubmitAsync("#!load-articles " + Path.Combine(_dir, "feed.jsonl"))).Succeeded();

        var result = await Kernel.SubmitAsync("#!stories --from articles --top 3");

        result.Succeeded();
        var stories = Kernel.Variable<DataFrame>("stories");
        Assert.Equal(7, stories.Rows.Count);
        Assert.Equal(Summarizer.Tables.StoryTable.Columns, stories.Columns.Select(c => c.Name));
        Assert.Equal(4, stories["articles"][0]);
        Assert.Equal(1, stories["copies"][0]);
        Assert.Equal(7, Kernel.Variable<StoryResult[]>("storiesResults").Length);

        // The articles' frame learns each row's story and which rows are copies.
        var articles = Kernel.Variable<DataFrame>("articles");
        var ids = articles["id"].Cast<string>().ToList();
        Assert.Equal("s1", articles["story"][ids.IndexOf("port-3")]);
        Assert.Equal("port-1", articles["duplicateOf"][ids.IndexOf("port-1-copy")]);
        Assert.Null(articles["duplicateOf"][ids.IndexOf("port-1")]);

        // Cards: three shown, each summary sentence attributed to its article, the articles in a collapsible list.
        var cards = result.SingleValue("text/html", v => v.Contains("summarizer-stories", StringComparison.Ordinal));
        Assert.Equal(3, CountOf(cards, "class=\"summarizer-story-card\""));
        Assert.Contains("summarizer-attribution", cards, StringComparison.Ordinal);
        Assert.Contains("<details><summary>Articles (" + WebUtility.HtmlEncode("4 articles, 1 copy · 2026-03-02 to 2026-03-05") + ")</summary>", cards, StringComparison.Ordinal);
        Assert.Contains("Showing 3 of 7 stories", cards, StringComparison.Ordinal);
        var text = result.SingleValue("text/plain", v => v.StartsWith("s1: ", StringComparison.Ordinal));
        Assert.Contains("(copies: port-1-copy)", text, StringComparison.Ordinal);

        // The timeline: interactive where scripts run, a static SVG and text everywhere.
        var chart = result.SingleValue("text/html", v => v.Contains("summarizer-chart", StringComparison.Ordinal));
        Assert.Contains("Articles per story and day", chart, StringComparison.Ordinal);
        Assert.Contains("<svg", chart, StringComparison.Ordinal);
        Assert.Contains(result.Values("image/svg+xml"), v => v.Contains("polyline", StringComparison.Ordinal));
        Assert.Contains(result.Values("text/plain"), v => v.StartsWith("Articles per story and day", StringComparison.Ordinal));
        Assert.Contains(result.Values("text/plain"), v => v.StartsWith("16 articles, 2 copies set apart, 7 stories (3 with several articles).", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stories_RequestOptions_ReadAsTheCommandLineReadsThem()
    {
        (await Kernel.SubmitAsync("#!load-articles " + Path.Combine(_dir, "feed.jsonl"))).Succeeded();

        (await Kernel.SubmitAsync("#!stories --from articles --method lead --sentences 1 --min-articles 2 --name big")).Succeeded();

        var results = Kernel.Variable<StoryResult[]>("bigResults");
        Assert.Equal(3, results.Length);
        Assert.All(results, r => Assert.Equal(("lead", 1), (r.Summary.Method, r.Summary.Sentences.Count)));
        var message = (await Kernel.SubmitAsync("#!stories --from articles --style bullets")).Failed();
        Assert.Contains("--style applies to --method llm only", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stories_UndatedArticles_ChartsStorySizesInstead()
    {
        (await Kernel.SubmitAsync("""
            var texts = new[] { "Volcano erupts near Grindavik in Iceland; the village is evacuated.", "Grindavik evacuated as a volcano erupts in Iceland.", "Chess prodigy wins in Wijk aan Zee." };
            """)).Succeeded();

        var result = await Kernel.SubmitAsync("#!stories --from texts --threshold 0.1");

        result.Succeeded();
        var chart = result.SingleValue("text/html", v => v.Contains("summarizer-chart", StringComparison.Ordinal));
        Assert.Contains("largest stories", chart, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stories_MarkupInArticles_ShownAsText()
    {
        (await Kernel.SubmitAsync("""
            var texts = new[] { "<script>alert(1)</script> The harbour <b>bridge</b> reopened on Tuesday after repairs. Traffic returned to normal." };
            """)).Succeeded();

        var result = await Kernel.SubmitAsync("#!stories --from texts");

        result.Succeeded();
        var cards = result.SingleValue("text/html", v => v.Contains("summarizer-stories", StringComparison.Ordinal));
        Assert.DoesNotContain("<script>", cards, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>bridge", cards, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;bridge&lt;/b&gt;", cards, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stories_BadTop_FailsValidation()
    {
        var message = (await Kernel.SubmitAsync("#!stories --top 0\nSome text.")).Failed();

        Assert.Contains("--top must be at least 1", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stories_MethodLlm_DigestCardsGroundedInTheStorysArticles()
    {
        await using var server = new LoopbackChatServer
        {
            Default = _ => Reply.Text("Dockworkers at the port of Gdańsk walked out on Monday after pay talks with Baltic Gate collapsed."),
        };
        (await Kernel.SubmitAsync($"#!llm-config --provider openai --endpoint {server.OpenAIEndpoint} --model loop-model --api-key sk-loop-0123456789")).Succeeded();
        (await Kernel.SubmitAsync("#!load-articles " + Path.Combine(_dir, "feed.jsonl"))).Succeeded();

        var result = await Kernel.SubmitAsync("#!stories --from articles --method llm --no-cache --min-articles 4");

        result.Succeeded();
        var story = Assert.Single(Kernel.Variable<StoryResult[]>("storiesResults"));
        Assert.Equal("loop-model", story.Summary.Llm!.Model);
        Assert.Contains(server.Requests, r => r.UserText.Contains("4 news articles on one story", StringComparison.Ordinal));
        var cards = result.SingleValue("text/html", v => v.Contains("summarizer-stories", StringComparison.Ordinal));
        Assert.Contains("summarizer-llm-text", cards, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode("Dockworkers strike at Gdańsk port over pay, 2026-03-02"), cards, StringComparison.Ordinal);
        Assert.Contains(result.Values("text/plain"), v => v.StartsWith("Wrote digests of 1 of 1 stories with loop-model.", StringComparison.Ordinal));
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
