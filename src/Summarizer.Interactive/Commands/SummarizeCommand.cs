using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Summarizer.Interactive.Llm;
using Summarizer.Interactive.Rendering;
using Summarizer.Interactive.Sources;
using Summarizer.Requests;

namespace Summarizer.Interactive.Commands;

/// <summary>
/// <c>#!summarize</c>: summarises the cell's text, or the articles of a C# variable (<c>--from</c>), with any catalog
/// method. The method, length, language and LLM options are the command line's (<see cref="RequestOptions"/>), read
/// by Core, and the work is <see cref="SummaryPipeline"/>'s, so a notebook and <c>summarizer summarize</c> give the
/// same summary for the same request.
/// </summary>
public sealed class SummarizeCommand : MagicCommand
{
    // Redrawing on every streamed piece would flood the front end.
    private static readonly TimeSpan UpdateInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>A C# variable holding the articles: a DataFrame (see <see cref="Column"/>), a string, strings or articles.</summary>
    public string? From { get; set; }

    /// <summary>The DataFrame column with the text. Default <c>text</c>.</summary>
    public string? Column { get; set; }

    /// <summary>The C# variable for the result: <c>summary</c> for one text; for a DataFrame, the DataFrame's own name.</summary>
    public string? Name { get; set; }

    /// <summary>Submit to the provider's Batch API instead of summarising now (<c>--method llm</c>); collect with
    /// <c>#!batch-collect</c>.</summary>
    public bool Batch { get; set; }

    /// <summary>With <see cref="Batch"/>: the jobs folder. Default <c>$XDG_CACHE_HOME/summarizer/batches</c>.</summary>
    public string? JobsDir { get; set; }

    /// <summary>The options this command declares itself; the rest belong to the request.</summary>
    internal static readonly string[] OwnOptions = ["--from", "--column", "--name", "--batch", "--jobs-dir"];

    /// <inheritdoc />
    public override IEnumerable<string> GetValidationErrors(CompositeKernel kernel) => Parse().Problems;

    internal (SummarizeRequest? Request, IReadOnlyList<string> Problems) Parse() =>
        SummarizeRequest.TryParse(Options.Where(o => !OwnOptions.Contains(o.Key, StringComparer.Ordinal)));

    internal static async Task HandleAsync(SummarizeCommand command, KernelInvocationContext context, CSharpKernel csharp, LlmSession session)
    {
        var request = command.Parse().Request!;
        if (command.Batch)
        {
            await BatchCollectCommand.SubmitAsync(command, request, context, csharp, session).ConfigureAwait(false);
            return;
        }

        var input = ArticleSources.Resolve(csharp, command.From, command.Text, command.Column, "#!summarize");
        using var pipeline = CreatePipeline(request, session);
        if (input.IsSingle)
        {
            var article = input.Articles.FirstOrDefault()
                ?? throw new MagicCommandException(input.Items.OfType<Ingestion.LoadFailure>().First().Message);
            var result = request.IsAbstractive
                ? await StreamAsync(pipeline, article, context).ConfigureAwait(false)
                : await pipeline.SummarizeAsync(article, cancellationToken: context.CancellationToken).ConfigureAwait(false);
            if (result.Error is not null)
            {
                throw new MagicCommandException(result.Error);
            }

            await Variables.SetAsync(csharp, command.Name ?? "summary", result, typeof(SummaryResult)).ConfigureAwait(false);
            if (!request.IsAbstractive)
            {
                context.Display(result, "text/html", "text/plain");
            }

            return;
        }

        var results = await SummarizeAllAsync(pipeline, input, context).ConfigureAwait(false);
        var frame = input.Frame ?? new DataFrame(
            new StringDataFrameColumn("id", input.Items.Select(i => (i as Ingestion.LoadedArticle)?.Article.Id)),
            new StringDataFrameColumn(ArticleSources.DefaultColumn, input.Items.Select(i => (i as Ingestion.LoadedArticle)?.Article.Text)));
        SetColumn(frame, new StringDataFrameColumn("summary", results.Select(r => r.Text?.Replace('\n', ' '))));
        SetColumn(frame, new DoubleDataFrameColumn("compression", results.Select(r => r.Error is null ? Math.Round(r.Compression, 4) : (double?)null)));
        SetColumn(frame, new StringDataFrameColumn("error", results.Select(r => r.Error)));
        var frameName = command.Name ?? (input.Frame is not null ? input.Variable! : "summaries");
        await Variables.SetAsync(csharp, frameName, frame, typeof(DataFrame)).ConfigureAwait(false);
        await Variables.SetAsync(csharp, frameName + "Summaries", results, typeof(SummaryResult[])).ConfigureAwait(false);
        context.Display(new TableView(frame, frameName) { Shown = ["id", "title", "summary", "compression", "error"] }, "text/html", "text/plain");
    }

    internal static SummaryPipeline CreatePipeline(SummarizeRequest request, LlmSession session)
    {
        try
        {
            return new SummaryPipeline(request, new PipelineOptions
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

    internal static void SetColumn(DataFrame frame, DataFrameColumn column)
    {
        var existing = frame.Columns.IndexOf(column.Name);
        if (existing >= 0)
        {
            frame.Columns[existing] = column;
        }
        else
        {
            frame.Columns.Add(column);
        }
    }

    // One LLM summary streams into one display, which ends as the card.
    private static async Task<SummaryResult> StreamAsync(SummaryPipeline pipeline, Ingestion.Article article, KernelInvocationContext context)
    {
        var provider = pipeline.LlmConfiguration is { } c ? Summarizer.Llm.LlmProviders.NameOf(c.Provider) : null;
        var model = pipeline.LlmSummarizer?.Model;
        var received = new StringBuilder();
        Stopwatch? lastUpdate = null;
        var displayed = KernelInvocationContextExtensions.Display(context, new LlmStreamingView(string.Empty, provider, model), "text/html", "text/plain");
        var result = await pipeline.SummarizeAsync(article, piece =>
        {
            received.Append(piece);
            if (lastUpdate is null || lastUpdate.Elapsed >= UpdateInterval)
            {
                lastUpdate = Stopwatch.StartNew();
                displayed.Update(new LlmStreamingView(received.ToString(), provider, model));
            }
        }, context.CancellationToken).ConfigureAwait(false);
        if (result.Error is null)
        {
            displayed.Update(result);
        }

        return result;
    }

    // Every row gets a result; one failed row keeps the others. LLM rows report progress as they finish.
    private static async Task<SummaryResult[]> SummarizeAllAsync(SummaryPipeline pipeline, ArticleInput input, KernelInvocationContext context)
    {
        var results = new SummaryResult[input.Items.Count];
        var abstractive = pipeline.Request.IsAbstractive;
        var progress = abstractive
            ? KernelInvocationContextExtensions.Display(context, $"Summarising {results.Length} texts with {pipeline.LlmSummarizer?.Model}...", "text/plain")
            : null;
        var done = 0;
        await foreach (var result in pipeline.SummarizeAllAsync(input.Items.ToAsyncEnumerable(), context.CancellationToken).ConfigureAwait(false))
        {
            results[result.Index] = result;
            done++;
        }

        var failed = results.Count(r => r.Error is not null);
        progress?.Update(string.Create(CultureInfo.InvariantCulture,
            $"Summarised {done - failed} of {results.Length} texts with {pipeline.LlmSummarizer?.Model}; {failed} failed."));
        return results;
    }
}
