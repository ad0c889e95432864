using System.CommandLine;
using System.Globalization;
using Summarizer.Ingestion;
using Summarizer.Llm;
using Summarizer.Llm.Batch;
using Summarizer.Requests;

namespace Summarizer.Cli.Commands;

/// <summary>
/// <c>summarizer batch submit|status|collect|retry|cancel</c>: LLM summaries through the providers' Batch API. Submit takes
/// the inputs and every option of <c>summarize</c>; collect writes the same records as <c>summarize</c>. The work is
/// <see cref="BatchJobs"/>'s.
/// </summary>
internal static class BatchCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("batch", "LLM summaries through the provider's Batch API: submit, status, collect, retry, cancel.");
        command.Subcommands.Add(Submit(console));
        command.Subcommands.Add(Status(console));
        command.Subcommands.Add(Collect(console));
        command.Subcommands.Add(Retry(console));
        command.Subcommands.Add(Cancel(console));
        return command;
    }

    private static Option<string?> JobsDir() => new("--jobs-dir")
    {
        Description = "Folder of batch job manifests. Default: $XDG_CACHE_HOME/summarizer/batches.",
    };

    private static Argument<string> JobId() => new("id") { Description = "The job id that 'batch submit' printed (job-...)." };

    private static Command Submit(CliConsole console)
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Files, folders, globs, http(s) URLs or '-' for standard input (JSONL with id and text, or plain text).",
            Arity = ArgumentArity.OneOrMore,
        };
        var jobsDir = JobsDir();
        var maxRequests = new Option<int?>("--max-requests-per-file")
        {
            Description = $"Requests per batch file. Default: the provider's limit ({BatchOptions.OpenAIMaxRequestsPerFile} OpenAI, {BatchOptions.AzureMaxRequestsPerFile} Azure).",
        };
        var maxBytes = new Option<long?>("--max-bytes-per-file")
        {
            Description = $"Bytes per batch file. Default: {BatchOptions.MaxBytesPerFileLimit} (200 MB).",
        };
        var apiVersion = new Option<string?>("--api-version") { Description = "Azure OpenAI api-version for files and batches. Default: 2024-10-21." };
        var fields = new InputFieldOptions();
        var request = new RequestArguments();
        var command = new Command("submit", "Submit articles for LLM summaries through the Batch API; prints the job id. Takes the options of 'summarize'.")
        {
            inputs, jobsDir, maxRequests, maxBytes, apiVersion,
        };
        request.AddTo(command);
        fields.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var values = request.Values(parse).ToList();
            if (!values.Any(v => RequestOptions.Find(v.Key)?.Key == "method"))
            {
                // The Batch API only writes LLM summaries, so the method may go unsaid.
                values.Insert(0, new("--method", LlmSummarizer.Method.Name));
            }

            var (summarizeRequest, problems) = SummarizeRequest.TryParse(values);
            if (summarizeRequest is null)
            {
                throw new UsageException(string.Join(Environment.NewLine, problems));
            }

            var options = new BatchOptions
            {
                JobsDirectory = parse.GetValue(jobsDir),
                MaxRequestsPerFile = parse.GetValue(maxRequests),
                MaxBytesPerFile = parse.GetValue(maxBytes),
                AzureApiVersion = parse.GetValue(apiVersion) ?? BatchOptions.Default.AzureApiVersion,
            };
            var items = ArticleLoader.ReadAsync(parse.GetValue(inputs)!, fields.LoadOptions(parse) with { DetectLanguage = false }, console.In, cancellationToken);
            return await RunAsync(console, async () =>
            {
                var status = await Jobs(console, options).SubmitAsync(summarizeRequest, items, cancellationToken).ConfigureAwait(false);
                await console.Out.WriteLineAsync(status.Id).ConfigureAwait(false);
                await console.Error.WriteLineAsync(status.ToString()).ConfigureAwait(false);
                return ExitCodes.Ok;
            }).ConfigureAwait(false);
        });
        return command;
    }

    private static Command Status(CliConsole console)
    {
        var id = new Argument<string?>("id") { Description = "A job id; without one, every job in the folder.", Arity = ArgumentArity.ZeroOrOne };
        var jobsDir = JobsDir();
        var command = new Command("status", "Show a batch job (or every job): its batches, their state and request counts.") { id, jobsDir };
        command.SetAction(async (parse, cancellationToken) => await RunAsync(console, async () =>
        {
            var jobs = Jobs(console, new BatchOptions { JobsDirectory = parse.GetValue(jobsDir) });
            if (parse.GetValue(id) is { } one)
            {
                await console.Out.WriteLineAsync((await jobs.StatusAsync(one, cancellationToken).ConfigureAwait(false)).ToString()).ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            var all = jobs.List();
            if (all.Count == 0)
            {
                await console.Error.WriteLineAsync($"No batch jobs in {jobs.Directory}.").ConfigureAwait(false);
            }

            foreach (var job in all)
            {
                var shown = job;
                if (job.State is BatchJobState.Running or BatchJobState.Submitting)
                {
                    try
                    {
                        shown = await jobs.StatusAsync(job.Id, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is UserInputException or LlmRequestException)
                    {
                        // One job that cannot be reached (another provider, no key here) does not hide the others.
                        await console.Error.WriteLineAsync($"{job.Id}: not refreshed: {ex.Message}").ConfigureAwait(false);
                    }
                }

                await console.Out.WriteLineAsync(shown.ToString()).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        }).ConfigureAwait(false));
        return command;
    }

    private static Command Collect(CliConsole console)
    {
        var id = JobId();
        var jobsDir = JobsDir();
        var output = new Option<string?>("--output", "-o") { Description = "Write the records to this file (written whole, then renamed into place) instead of standard output." };
        var format = new Option<OutputFormat>("--format", "-f")
        {
            Description = "Output format: jsonl (default), json, text or markdown, as 'summarize' writes them.",
            DefaultValueFactory = _ => OutputFormat.Jsonl,
        };
        var wait = new Option<bool>("--wait") { Description = "Poll until every batch has ended (and the rounds of long articles too), then write." };
        var poll = new Option<double?>("--poll") { Description = "Seconds between status checks with --wait. Default: 60." };
        var command = new Command("collect",
            "Download a batch job's results and write one record per input, as 'summarize' does; exit code 3 while some inputs still wait.")
        {
            id, jobsDir, output, format, wait, poll,
        };
        command.SetAction(async (parse, cancellationToken) => await RunAsync(console, async () =>
        {
            var seconds = parse.GetValue(poll) ?? BatchOptions.Default.PollInterval.TotalSeconds;
            if (!(seconds >= 0))
            {
                throw new UsageException("--poll must be a number of seconds, at least 0.");
            }

            var jobs = Jobs(console, new BatchOptions { JobsDirectory = parse.GetValue(jobsDir), PollInterval = TimeSpan.FromSeconds(seconds) });
            var job = parse.GetValue(id)!;
            if (parse.GetValue(wait))
            {
                while (true)
                {
                    var status = await jobs.WaitAsync(job, cancellationToken).ConfigureAwait(false);
                    await console.Error.WriteLineAsync(status.ToString()).ConfigureAwait(false);
                    if ((await jobs.CollectAsync(job, null, cancellationToken).ConfigureAwait(false)).IsComplete)
                    {
                        break;
                    }
                }
            }

            return await WriteAsync(console, jobs, job, parse.GetValue(format), parse.GetValue(output), cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false));
        return command;
    }

    private static Command Retry(CliConsole console)
    {
        var id = JobId();
        var jobsDir = JobsDir();
        var command = new Command("retry",
            "Submit again the requests of ended batches that got no answer (failed, expired or cancelled batches, failed requests).") { id, jobsDir };
        command.SetAction(async (parse, cancellationToken) => await RunAsync(console, async () =>
        {
            var (status, requests) = await Jobs(console, new BatchOptions { JobsDirectory = parse.GetValue(jobsDir) })
                .RetryAsync(parse.GetValue(id)!, cancellationToken).ConfigureAwait(false);
            await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Submitted {requests} requests again.")).ConfigureAwait(false);
            await console.Out.WriteLineAsync(status.ToString()).ConfigureAwait(false);
            return ExitCodes.Ok;
        }).ConfigureAwait(false));
        return command;
    }

    private static Command Cancel(CliConsole console)
    {
        var id = JobId();
        var jobsDir = JobsDir();
        var command = new Command("cancel", "Cancel a batch job's batches that have not ended; what finished can still be collected.") { id, jobsDir };
        command.SetAction(async (parse, cancellationToken) => await RunAsync(console, async () =>
        {
            var status = await Jobs(console, new BatchOptions { JobsDirectory = parse.GetValue(jobsDir) })
                .CancelAsync(parse.GetValue(id)!, cancellationToken).ConfigureAwait(false);
            await console.Out.WriteLineAsync(status.ToString()).ConfigureAwait(false);
            return ExitCodes.Ok;
        }).ConfigureAwait(false));
        return command;
    }

    private static async Task<int> WriteAsync(CliConsole console, BatchJobs jobs, string id, OutputFormat format, string? path, CancellationToken cancellationToken)
    {
        var temp = path is null ? null : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        BatchCollectResult collected;
        try
        {
            using (var file = temp is null ? null : new StreamWriter(temp))
            {
                var writer = SummaryWriter.Create(format, file ?? console.Out);
                collected = await jobs.CollectAsync(id, writer.Write, cancellationToken).ConfigureAwait(false);
                writer.Complete();
            }

            if (temp is not null)
            {
                File.Move(temp, path!, overwrite: true);
            }
        }
        finally
        {
            if (temp is not null)
            {
                File.Delete(temp);
            }
        }

        var line = string.Create(CultureInfo.InvariantCulture,
            $"{id}: {collected.Succeeded} summaries, {collected.Failed} failed, {collected.Pending} still waiting");
        if (collected.FollowUpRequests > 0)
        {
            line += string.Create(CultureInfo.InvariantCulture, $"; submitted {collected.FollowUpRequests} requests for the next step of long articles");
        }

        await console.Error.WriteLineAsync(line).ConfigureAwait(false);
        if (!collected.IsComplete)
        {
            await console.Error.WriteLineAsync($"Collect again when the batches have ended, or use --wait: summarizer batch collect {id} --wait").ConfigureAwait(false);
            return ExitCodes.NotFinished;
        }

        return collected.Failed > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Ok;
    }

    private static BatchJobs Jobs(CliConsole console, BatchOptions options) =>
        new(options, new PipelineOptions { GetVariable = console.GetVariable });

    // The service's refusals are not usage mistakes: their own exit code, their message (never a key) on stderr.
    private static async Task<int> RunAsync(CliConsole console, Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (LlmRequestException ex)
        {
            await console.Error.WriteLineAsync($"The Batch API call failed: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.ServiceFailed;
        }
        catch (UserInputException ex) when (ex.Message.Contains("not configured", StringComparison.Ordinal))
        {
            throw new UsageException(ex.Message + Environment.NewLine + "Run 'summarizer providers' to see what is set.");
        }
    }
}
