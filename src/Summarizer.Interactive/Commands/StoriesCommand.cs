using System.Globalization;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Summarizer.Interactive.Llm;
using Summarizer.Interactive.Rendering;
using Summarizer.Interactive.Sources;
using Summarizer.Requests;
using Summarizer.Stories;
using Summarizer.Tables;

namespace Summarizer.Interactive.Commands;

/// <summary>
/// <c>#!stories</c>: the articles of a C# variable as stories, largest first: a DataFrame of stories, a card per story
/// (summary with each sentence attributed to its article, the articles in a collapsible list) and a chart of the
/// stories over time (or of their sizes when no article is dated). Copies are set apart. The summary options are
/// <c>summarizer stories</c>' (<see cref="RequestOptions"/>), read by Core, and the work is <see cref="StoryPipeline"/>'s.
/// </summary>
public sealed class StoriesCommand : MagicCommand
{
    /// <summary>A C# variable holding the articles: a DataFrame (see <see cref="Column"/>), strings or articles.</summary>
    public string? From { get; set; }

    /// <summary>The DataFrame column with the text. Default <c>text</c>.</summary>
    public string? Column { get; set; }

    /// <summary>Average similarity at which groups of articles merge into one story. Default <see cref="StoryOptions.Threshold"/>.</summary>
    public double? Threshold { get; set; }

    /// <summary>Only stories with at least this many distinct articles. Default 1.</summary>
    public int? MinArticles { get; set; }

    /// <summary>How many story cards to show. Default 10.</summary>
    public int? Top { get; set; }

    /// <summary>The C# variable for the stories DataFrame. Default <c>stories</c>.</summary>
    public string? Name { get; set; }

    /// <summary>The options this command declares itself; the rest belong to the request.</summary>
    internal static readonly string[] OwnOptions = ["--from", "--column", "--threshold", "--min-articles", "--top", "--name"];

    /// <inheritdoc />
    public override IEnumerable<string> GetValidationErrors(CompositeKernel kernel)
    {
        if (Threshold is not null and not (> 0 and <= 1))
        {
            yield return $"--threshold must be above 0 and at most 1, not {Threshold.Value.ToString(CultureInfo.InvariantCulture)}.";
        }

        if (MinArticles is < 1)
        {
            yield return $"--min-articles must be at least 1, not {MinArticles}.";
        }

        if (Top is < 1)
        {
            yield return $"--top must be at least 1, not {Top}.";
        }

        foreach (var problem in Parse().Problems)
        {
            yield return problem;
        }
    }

    internal (SummarizeRequest? Request, IReadOnlyList<string> Problems) Parse() =>
        SummarizeRequest.TryParse(Options.Where(o => !OwnOptions.Contains(o.Key, StringComparer.Ordinal)));

    internal static async Task HandleAsync(StoriesCommand command, KernelInvocationContext context, CSharpKernel csharp, LlmSession session)
    {
        var request = command.Parse().Request!;
        var input = ArticleSources.Resolve(csharp, command.From, command.Text, command.Column, "#!stories");
        var options = StoryOptions.Default with { Threshold = command.Threshold ?? StoryOptions.Default.Threshold };
        using var pipeline = CreatePipeline(request, options, session);
        var report = pipeline.Find(input.Articles);
        var shown = report.Stories.Where(s => s.Articles.Count >= (command.MinArticles ?? 1)).ToArray();
        var progress = request.IsAbstractive
            ? KernelInvocationContextExtensions.Display(context, $"Writing digests of {shown.Length} stories with {pipeline.LlmSummarizer?.Model}...", "text/plain")
            : null;
        var results = new List<StoryResult>(shown.Length);
        await foreach (var result in pipeline.SummarizeAsync(report, shown, context.CancellationToken).ConfigureAwait(false))
        {
            results.Add(result);
        }

        progress?.Update(string.Create(CultureInfo.InvariantCulture,
            $"Wrote digests of {results.Count(r => r.Summary.Error is null)} of {results.Count} stories with {pipeline.LlmSummarizer?.Model}."));

        var name = command.Name ?? "stories";
        var frame = StoryTable.ToDataFrame(results);
        await Variables.SetAsync(csharp, name, frame, typeof(DataFrame)).ConfigureAwait(false);
        await Variables.SetAsync(csharp, name + "Results", results.ToArray(), typeof(StoryResult[])).ConfigureAwait(false);
        await Variables.SetAsync(csharp, name + "Report", report, typeof(StoryReport)).ConfigureAwait(false);
        if (input.Frame is not null)
        {
            // Each row of the articles' frame learns its story and, for a copy, the article it repeats.
            // The report's articles are the rows that loaded, in order; a row that failed gets neither.
            var loaded = 0;
            var position = input.Items.Select(i => i is Ingestion.LoadedArticle ? loaded++ : -1).ToArray();
            SummarizeCommand.SetColumn(input.Frame, new StringDataFrameColumn("story",
                position.Select(p => p < 0 ? null : report.StoryOf(p).Id)));
            SummarizeCommand.SetColumn(input.Frame, new StringDataFrameColumn("duplicateOf",
                position.Select(p => p < 0 ? null : report.Duplicates.MatchOf(p)?.OfId)));
        }

        var copies = report.Duplicates.Duplicates.Count;
        KernelInvocationContextExtensions.Display(context, string.Create(CultureInfo.InvariantCulture,
            $"{report.Articles.Count} articles, {copies} {(copies == 1 ? "copy" : "copies")} set apart, {report.Stories.Count} stories ({report.Stories.Count(s => s.Articles.Count > 1)} with several articles)."),
            "text/plain");
        context.Display(StoryTimeline.Chart(report) ?? StoryTimeline.Sizes(report), "text/html", "image/svg+xml", "text/plain");
        context.Display(new TableView(frame, name) { Shown = ["id", "headline", "articles", "copies", "first", "last", "summary"] }, "text/html", "text/plain");
        context.Display(new StoryCards(results.Take(command.Top ?? 10).ToArray(), results.Count), "text/html", "text/plain");
    }

    private static StoryPipeline CreatePipeline(SummarizeRequest request, StoryOptions options, LlmSession session)
    {
        try
        {
            return new StoryPipeline(request, options, options: new PipelineOptions
            {
                GetVariable = session.GetVariable,
                LlmDefaults = session.Defaults,
            });
        }
        catch (UserInputException e) when (request.IsAbstractive)
        {
            throw new MagicCommandException(e.Message + " " + LlmSession.Hint);
        }
    }
}
