using System.Globalization;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Summarizer.Interactive.Llm;
using Summarizer.Interactive.Rendering;
using Summarizer.Interactive.Sources;
using Summarizer.Llm;
using Summarizer.Llm.Batch;
using Summarizer.Requests;

namespace Summarizer.Interactive.Commands;

/// <summary>
/// <c>#!batch-collect &lt;id&gt;</c>: the results of a Batch API job that <c>#!summarize --method llm --batch</c>
/// submitted, as a DataFrame (<c>id</c>, <c>title</c>, <c>summary</c>, <c>compression</c>, <c>error</c>) and the
/// <see cref="SummaryResult"/>s, one per input in input order. Core does the work (<see cref="BatchJobs"/>).
/// </summary>
public sealed class BatchCollectCommand : MagicCommand
{
    /// <summary>The job id that <c>#!summarize --batch</c> showed.</summary>
    public string? Id { get; set; }

    /// <summary>Poll until every batch has ended, then collect.</summary>
    public bool Wait { get; set; }

    /// <summary>Seconds between status checks with <see cref="Wait"/>. Default 60.</summary>
    public double? Poll { get; set; }

    /// <summary>The jobs folder. Default <c>$XDG_CACHE_HOME/summarizer/batches</c>.</summary>
    public string? JobsDir { get; set; }

    /// <summary>The C# variable for the DataFrame (the results are in <c>&lt;name&gt;Summaries</c>). Default <c>batchResults</c>.</summary>
    public string? Name { get; set; }

    internal static BatchJobs Jobs(string? jobsDir, LlmSession session, TimeSpan? poll = null) =>
        new(new BatchOptions { JobsDirectory = jobsDir, PollInterval = poll ?? BatchOptions.Default.PollInterval },
            new PipelineOptions { GetVariable = session.GetVariable, LlmDefaults = session.Defaults });

    /// <summary>Submits the articles of a <c>#!summarize --batch</c> and shows the job; the job goes to a variable.</summary>
    internal static async Task SubmitAsync(SummarizeCommand command, SummarizeRequest request, KernelInvocationContext context, CSharpKernel csharp,
        LlmSession session)
    {
        var input = ArticleSources.Resolve(csharp, command.From, command.Text, command.Column, "#!summarize");
        var status = await GuardAsync(() => Jobs(command.JobsDir, session).SubmitAsync(request, input.Items.ToAsyncEnumerable(), context.CancellationToken))
            .ConfigureAwait(false);
        await Variables.SetAsync(csharp, command.Name ?? "batchJob", status, typeof(BatchJobStatus)).ConfigureAwait(false);
        context.Display(status, "text/html", "text/plain");
    }

    internal static async Task HandleAsync(BatchCollectCommand command, KernelInvocationContext context, CSharpKernel csharp, LlmSession session)
    {
        if (string.IsNullOrWhiteSpace(command.Id))
        {
            throw new MagicCommandException("Name the job to collect: #!batch-collect job-0123456789abcdef.");
        }

        if (command.Poll is < 0)
        {
            throw new MagicCommandException("--poll must be a number of seconds, at least 0.");
        }

        var id = command.Id.Trim();
        var jobs = Jobs(command.JobsDir, session, command.Poll is { } s ? TimeSpan.FromSeconds(s) : null);
        var results = new List<SummaryResult>();
        var collected = await GuardAsync(async () =>
        {
            if (command.Wait)
            {
                var progress = KernelInvocationContextExtensions.Display(context, $"Waiting for {id}...", "text/plain");
                while (true)
                {
                    progress.Update((await jobs.WaitAsync(id, context.CancellationToken).ConfigureAwait(false)).ToString());
                    if ((await jobs.CollectAsync(id, null, context.CancellationToken).ConfigureAwait(false)).IsComplete)
                    {
                        break;
                    }
                }
            }

            return await jobs.CollectAsync(id, results.Add, context.CancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);

        var name = command.Name ?? "batchResults";
        var frame = new DataFrame(
            new StringDataFrameColumn("id", results.Select(r => r.Id)),
            new StringDataFrameColumn("title", results.Select(r => r.Title)),
            new StringDataFrameColumn("summary", results.Select(r => r.Text?.Replace('\n', ' '))),
            new DoubleDataFrameColumn("compression", results.Select(r => r.Error is null ? Math.Round(r.Compression, 4) : (double?)null)),
            new StringDataFrameColumn("error", results.Select(r => r.Error)));
        await Variables.SetAsync(csharp, name, frame, typeof(DataFrame)).ConfigureAwait(false);
        await Variables.SetAsync(csharp, name + "Summaries", results.ToArray(), typeof(SummaryResult[])).ConfigureAwait(false);
        context.Display(collected.Status, "text/html", "text/plain");
        context.Display(new TableView(frame, name), "text/html", "text/plain");
        if (!collected.IsComplete)
        {
            KernelInvocationContextExtensions.Display(context, string.Create(CultureInfo.InvariantCulture,
                $"{collected.Pending} inputs still wait for their batches; run #!batch-collect {id} again later, or with --wait."), "text/plain");
        }
    }

    // Core's refusals are the cell's error, never a key.
    private static async Task<T> GuardAsync<T>(Func<Task<T>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (UserInputException e)
        {
            throw new MagicCommandException(e.Message + (e.Message.Contains("not configured", StringComparison.Ordinal) ? " " + LlmSession.Hint : string.Empty));
        }
        catch (LlmRequestException e)
        {
            throw new MagicCommandException("The Batch API call failed: " + e.Message);
        }
    }
}
