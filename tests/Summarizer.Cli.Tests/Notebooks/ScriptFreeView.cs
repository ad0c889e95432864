using System.Globalization;
using Microsoft.Playwright;

namespace Summarizer.Cli.Tests.Notebooks;

/// <summary>
/// Opens a rendered notebook in headless Chromium with JavaScript off, as a viewer that strips scripts shows it, and
/// checks what a reader sees: every chart's static bars, every table's rows, every card's text. Screenshots at 800 and
/// 1280 px go to the folder named by <c>SUMMARIZER_SCREENSHOTS</c>, when set.
/// </summary>
internal static class ScriptFreeView
{
    public static async Task AssertReadableAsync(string htmlPath, string name, int minCharts, int minTables, int minCards)
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
        foreach (var width in new[] { 800, 1280 })
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                JavaScriptEnabled = false,
                ViewportSize = new ViewportSize { Width = width, Height = 900 },
            });
            var page = await context.NewPageAsync();
            await page.RouteAsync("**/*", route => route.Request.Url.StartsWith("file://", StringComparison.Ordinal) ? route.ContinueAsync() : route.AbortAsync());
            await page.GotoAsync(new Uri(htmlPath).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = 60_000 });

            var charts = page.Locator(".summarizer-chart");
            var chartCount = await charts.CountAsync();
            Assert.True(chartCount >= minCharts, $"{name}: {chartCount} charts, expected at least {minCharts}");
            for (var i = 0; i < chartCount; i++)
            {
                var chart = charts.Nth(i);
                Assert.True(await chart.IsVisibleAsync(), $"{name}: chart {i} is not visible");
                var bars = await chart.Locator("svg.summarizer-svg-chart rect:has(title)").CountAsync();
                Assert.True(bars > 0, $"{name}: chart {i} shows no static bars");
                var box = await chart.Locator("svg.summarizer-svg-chart").BoundingBoxAsync();
                Assert.True(box is { Height: > 100 } && box.Width <= width, $"{name}: chart {i} is {box?.Width}x{box?.Height} at {width} px");
            }

            var tables = page.Locator(".summarizer-table");
            var tableCount = await tables.CountAsync();
            Assert.True(tableCount >= minTables, $"{name}: {tableCount} tables, expected at least {minTables}");
            for (var i = 0; i < tableCount; i++)
            {
                Assert.True(await tables.Nth(i).Locator("tbody td").CountAsync() > 0, $"{name}: table {i} shows no rows");
                Assert.True(await tables.Nth(i).Locator("tbody tr").First.IsVisibleAsync(), $"{name}: table {i}'s rows are hidden");
            }

            var cards = page.Locator(".summarizer-card");
            var cardCount = await cards.CountAsync();
            Assert.True(cardCount >= minCards, $"{name}: {cardCount} cards, expected at least {minCards}");
            for (var i = 0; i < cardCount; i++)
            {
                Assert.Contains("Summary by", await cards.Nth(i).InnerTextAsync(), StringComparison.Ordinal);
            }

            var comparison = page.Locator(".summarizer-comparison");
            if (await comparison.CountAsync() > 0)
            {
                var table = await comparison.First.BoundingBoxAsync();
                Assert.True(table is not null && table.Width <= width, $"{name}: the comparison is {table?.Width} px wide at {width} px");
            }

            if (Environment.GetEnvironmentVariable("SUMMARIZER_SCREENSHOTS") is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
                await page.ScreenshotAsync(new PageScreenshotOptions
                {
                    Path = Path.Combine(folder, $"{name}-{width.ToString(CultureInfo.InvariantCulture)}.png"),
                    FullPage = true,
                });
            }

            await context.CloseAsync();
        }
    }
}
