using System.Text.Json;
using Microsoft.Playwright;

namespace Summarizer.Cli.Tests.Notebooks;

/// <summary>The quickstart notebook run headless, then its exported page opened in Chromium with the network off.</summary>
[Collection(NotebookKernelCollection.Name)]
public sealed class NotebookBrowserTests(QuickstartRun run) : IClassFixture<QuickstartRun>
{
    [Fact]
    public void Quickstart_RunHeadless_SucceedsAndWritesBothFiles()
    {
        Assert.True(run.ExitCode == 0, run.Stderr + run.Stdout);
        Assert.True(File.Exists(run.IpynbPath));
        Assert.True(File.Exists(run.HtmlPath));
    }

    [Fact]
    public void Quickstart_HostileArticle_IsEscapedInEveryNotebookOutput()
    {
        using var notebook = JsonDocument.Parse(File.ReadAllText(run.IpynbPath));
        var outputs = notebook.RootElement.GetProperty("cells").EnumerateArray()
            .Where(c => c.TryGetProperty("outputs", out _))
            .SelectMany(c => c.GetProperty("outputs").EnumerateArray())
            .Where(o => o.TryGetProperty("data", out _))
            .SelectMany(o => o.GetProperty("data").EnumerateObject())
            .Where(d => d.Name == "text/html")
            .Select(d => d.Value.ValueKind == JsonValueKind.Array ? string.Concat(d.Value.EnumerateArray().Select(l => l.GetString())) : d.Value.GetString()!)
            .ToList();

        Assert.NotEmpty(outputs);
        Assert.Contains(outputs, html => html.Contains("&lt;script&gt;window.__pwned=1&lt;/script&gt;", StringComparison.Ordinal));
        foreach (var html in outputs)
        {
            Assert.DoesNotContain(QuickstartRun.HostileScript, html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
            Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Quickstart_ExportedPage_IsSelfContainedWithPlotlyInlinedOnce()
    {
        var html = File.ReadAllText(run.HtmlPath);
        var library = Summarizer.Interactive.Rendering.PageAssets.Scripts[0].Element;

        // plotly.js itself names its CDN (an unused default for map data), so look only outside the library.
        var page = html.Replace(library, string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("cdn.", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script src", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", page, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(html.IndexOf(library, StringComparison.Ordinal), html.LastIndexOf(library, StringComparison.Ordinal));
        Assert.True(html.IndexOf(library, StringComparison.Ordinal) is > 0 and var at && at < html.IndexOf("</head>", StringComparison.Ordinal));
    }

    [ChromiumFact]
    public async Task Quickstart_ExportedPageOffline_DrawsChartsShowsCardsAndHostileScriptDoesNotRun()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.ExecutablePath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
        var page = await browser.NewPageAsync();
        var requested = new List<string>();
        await page.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith("file://", StringComparison.Ordinal))
            {
                await route.ContinueAsync();
                return;
            }

            requested.Add(route.Request.Url);
            await route.AbortAsync();
        });
        var pageErrors = new List<string>();
        page.PageError += (_, error) => pageErrors.Add(error);

        await page.GotoAsync(new Uri(run.HtmlPath).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = 60_000 });
        await page.WaitForSelectorAsync(".summarizer-chart .main-svg", new PageWaitForSelectorOptions { Timeout = 60_000 });

        var charts = await page.Locator(".summarizer-chart").CountAsync();
        var drawnCharts = await page.Locator(".summarizer-chart:has(svg.main-svg)").CountAsync();
        var bars = await page.Locator(".summarizer-chart g.trace.bars g.point path").CountAsync();
        Assert.True(charts > 0, "the page has no chart");
        Assert.Equal(charts, drawnCharts);
        Assert.True(bars > 0, "no bar was drawn");

        var cards = page.Locator(".summarizer-card");
        Assert.True(await cards.CountAsync() >= 2, "expected a summary card per article");
        Assert.True(await cards.First.IsVisibleAsync());
        var cardText = await cards.First.InnerTextAsync();
        Assert.Contains("Summary by", cardText, StringComparison.Ordinal);

        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.__pwned === 'undefined'"), "the hostile article's script ran");
        Assert.Equal(0, await page.Locator("img[src='x']").CountAsync());
        Assert.Equal(0, await page.Locator("a[href^='javascript:' i]").CountAsync());
        var text = await page.Locator("body").InnerTextAsync();
        Assert.Contains(QuickstartRun.HostileScript, text, StringComparison.Ordinal);
        Assert.Contains("onerror=\"window.__pwned=1\"", text, StringComparison.Ordinal);

        Assert.Empty(requested);
        Assert.Empty(pageErrors);
    }

    [ChromiumFact]
    public async Task Quickstart_ExportedPageWithoutJavaScript_ShowsStaticChartsTablesAndCards() =>
        await ScriptFreeView.AssertReadableAsync(run.HtmlPath, "exported-page-no-js", minCharts: 2, minTables: 4, minCards: 14);

    [Fact]
    public void Quickstart_ExecutedNotebook_EveryOutputHasTextAndEveryChartAnSvgAndEveryCellAnId()
    {
        using var notebook = JsonDocument.Parse(File.ReadAllText(run.IpynbPath));
        var cells = notebook.RootElement.GetProperty("cells").EnumerateArray().ToArray();
        var outputs = cells.Where(c => c.TryGetProperty("outputs", out _)).SelectMany(c => c.GetProperty("outputs").EnumerateArray())
            .Where(o => o.TryGetProperty("data", out _)).Select(o => o.GetProperty("data")).ToArray();

        Assert.Equal(5, notebook.RootElement.GetProperty("nbformat_minor").GetInt32());
        Assert.Equal(cells.Length, cells.Select(c => c.GetProperty("id").GetString()).Distinct().Count());
        Assert.True(outputs.Length >= 20, $"{outputs.Length} rich outputs");
        Assert.All(outputs, d => Assert.True(d.TryGetProperty("text/plain", out _), "an output without text/plain: " + string.Join(",", d.EnumerateObject().Select(p => p.Name))));
        var charts = outputs.Where(d => d.TryGetProperty("text/html", out var h) && Text(h).Contains("summarizer-chart", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, charts.Length);
        Assert.All(charts, d => Assert.StartsWith("<svg", Text(d.GetProperty("image/svg+xml")), StringComparison.Ordinal));
    }

    [Fact]
    public void Quickstart_ExportedPage_ShowsNoLocalPath()
    {
        var html = File.ReadAllText(run.HtmlPath);

        Assert.DoesNotContain(Repo.Root, html, StringComparison.Ordinal);
        Assert.DoesNotContain(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) + "/", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetTempPath(), html, StringComparison.Ordinal);
    }

    private static string Text(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? string.Concat(value.EnumerateArray().Select(l => l.GetString())) : value.GetString() ?? "";
}
