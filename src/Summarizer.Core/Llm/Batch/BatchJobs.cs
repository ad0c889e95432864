using System.Globalization;
using Microsoft.Extensions.AI;
using Summarizer.Ingestion;
using Summarizer.Requests;

namespace Summarizer.Llm.Batch;

/// <summary>
/// LLM summaries through the providers' Batch API (OpenAI <c>/v1/files</c> + <c>/v1/batches</c>, Azure OpenAI global
/// batch), at the services' batch prices and without the synchronous rate limits, for the same summaries
/// <see cref="SummaryPipeline"/> writes.
/// </summary>
/// <remarks>
/// <para><b>Submit</b> reads the inputs into the job folder, asks for each article what the synchronous summariser
/// would ask first (one request, or one per chunk of a long article), writes the requests into batch files within the
/// provider's limits, uploads each and creates its batch. The job id is a hash of the inputs and the settings, so the
/// same submission finds its job instead of starting another; every step is recorded in the manifest before and after
/// its remote call, and a submission interrupted anywhere resumes where it stopped: an upload or batch creation whose
/// answer was lost is looked up on the service before it is tried again.</para>
/// <para><b>Collect</b> downloads the output and error files of ended batches (resuming cut downloads, never using a
/// truncated one), replays each article's plan with the answers and grounds the summary as the synchronous pipeline
/// does, giving one <see cref="SummaryResult"/> per input in input order. The chunk summaries of a long article are
/// reassembled in order; its next step (the summary of the summaries) needs their answers, so collect submits those
/// requests as a follow-up batch of the same job (a second round) and a later collect finishes the article. Answers
/// are stored in the LLM cache, so a later synchronous run over the same articles makes no calls. A failed, expired or
/// cancelled request fails its own article only. Collecting again gives the same results.</para>
/// </remarks>
public sealed class BatchJobs
{
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(30);
    private readonly BatchOptions _options;
    private readonly PipelineOptions _pipeline;
    private readonly BatchStore _store;

    /// <summary>Jobs in <see cref="BatchOptions.JobsDirectory"/>; providers are resolved as <paramref name="pipelineOptions"/> say
    /// (environment variables, a notebook's session settings).</summary>
    /// <exception cref="UserInputException">The options are invalid.</exception>
    public BatchJobs(BatchOptions? options = null, PipelineOptions? pipelineOptions = null)
    {
        _options = options ?? BatchOptions.Default;
        if (_options.Problems() is { Count: > 0 } problems)
        {
            throw new UserInputException(problems);
        }

        _pipeline = pipelineOptions ?? PipelineOptions.Default;
        _store = new BatchStore(_options.Directory);
    }

    /// <summary>The jobs folder.</summary>
    public string Directory => _store.Directory;

    /// <summary>
    /// Submits the articles of <paramref name="items"/> for <paramref name="request"/> (an <c>llm</c> request), or resumes
    /// the job already submitted for the same inputs and settings.
    /// </summary>
    /// <exception cref="UserInputException">The request is not for the LLM, the provider is not configured, or an
    /// article's requests cannot fit a batch file.</exception>
    /// <exception cref="LlmRequestException">The service refused a file or a batch.</exception>
    public async Task<BatchJobStatus> SubmitAsync(SummarizeRequest request, IAsyncEnumerable<LoadItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(items);
        if (!request.IsAbstractive)
        {
            throw new UserInputException($"The Batch API writes LLM summaries; use --method llm, not {request.Method.Name}.");
        }

        using var pipeline = new SummaryPipeline(request, _pipeline);
        var configuration = pipeline.LlmConfiguration!;
        var settings = BatchSettings.From(request, configuration);
        System.IO.Directory.CreateDirectory(_store.Directory);
        var temp = Path.Combine(_store.Directory, $".inputs-{Guid.NewGuid():N}.tmp");
        try
        {
            var (count, hash) = await BatchInputs.WriteAsync(items, temp, cancellationToken).ConfigureAwait(false);
            var id = BatchManifest.JobId(settings, hash);
            using (await _store.LockAsync(id, LockWait, cancellationToken).ConfigureAwait(false))
            {
                var manifest = _store.Exists(id) ? _store.Load(id) : null;
                using var api = new BatchApi(configuration, _options.AzureApiVersion, pipeline.LlmSummarizer!.Options);
                if (manifest is null)
                {
                    System.IO.Directory.CreateDirectory(_store.JobFolder(id));
                    File.Move(temp, _store.PathOf(id, BatchInputs.FileName), overwrite: true);
                    manifest = new BatchManifest
                    {
                        Id = id,
                        Created = DateTimeOffset.UtcNow,
                        Settings = settings,
                        Run = BatchRunOptions.From(request.Llm.Options),
                        ApiVersion = api.IsAzure ? _options.AzureApiVersion : null,
                        InputsHash = hash,
                        Inputs = count,
                        MaxRequestsPerFile = _options.RequestsPerFile(configuration.Provider),
                        MaxBytesPerFile = _options.BytesPerFile,
                    };
                    await WriteFirstRoundAsync(manifest, pipeline, api, cancellationToken).ConfigureAwait(false);
                }

                if (!manifest.Cancelled)
                {
                    await AdvanceAsync(manifest, api, cancellationToken).ConfigureAwait(false);
                }

                return manifest.ToStatus();
            }
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Every job in the folder as its manifest last recorded it, newest first (no remote calls).</summary>
    public IReadOnlyList<BatchJobStatus> List() => _store.All().Select(m => m.ToStatus()).ToArray();

    /// <summary>Asks the service how each running batch of job <paramref name="id"/> stands and records it.</summary>
    /// <exception cref="UserInputException">No such job, or its provider is not configured.</exception>
    public async Task<BatchJobStatus> StatusAsync(string id, CancellationToken cancellationToken = default)
    {
        using (await _store.LockAsync(Checked(id), LockWait, cancellationToken).ConfigureAwait(false))
        {
            var manifest = _store.Load(id);
            using var job = Open(manifest);
            await PollAsync(manifest, job.Api, download: false, cancellationToken).ConfigureAwait(false);
            return manifest.ToStatus();
        }
    }

    /// <summary>Polls every <see cref="BatchOptions.PollInterval"/> until no batch of the job is running (an interrupted
    /// submission is not waited for: collecting or submitting again carries it on).</summary>
    public async Task<BatchJobStatus> WaitAsync(string id, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var status = await StatusAsync(id, cancellationToken).ConfigureAwait(false);
            if (status.State != BatchJobState.Running)
            {
                return status;
            }

            await Task.Delay(_options.PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Collects job <paramref name="id"/>: downloads what ended, submits the next step of long articles whose chunk
    /// summaries are in, and gives <paramref name="onResult"/> each input whose summary or error is final, in input
    /// order (null: only advance the job). Inputs still waiting are counted in <see cref="BatchCollectResult.Pending"/>.
    /// </summary>
    /// <exception cref="UserInputException">No such job, or its provider is not configured.</exception>
    public async Task<BatchCollectResult> CollectAsync(string id, Action<SummaryResult>? onResult, CancellationToken cancellationToken = default)
    {
        using (await _store.LockAsync(Checked(id), LockWait, cancellationToken).ConfigureAwait(false))
        {
            var manifest = _store.Load(id);
            using var job = Open(manifest);
            if (!manifest.Cancelled)
            {
                await AdvanceAsync(manifest, job.Api, cancellationToken).ConfigureAwait(false);
            }

            await PollAsync(manifest, job.Api, download: true, cancellationToken).ConfigureAwait(false);
            var replay = new BatchReplay(_store, manifest, job, onResult);
            replay.Run(cancellationToken);
            var followUps = replay.FollowUpRequests;
            if (replay.FollowUps.Count > 0)
            {
                manifest.Parts.AddRange(replay.FollowUps);
                _store.Save(manifest);
                await AdvanceAsync(manifest, job.Api, cancellationToken).ConfigureAwait(false);
            }

            manifest.Finished = replay.Pending == 0;
            _store.Save(manifest);
            return new BatchCollectResult(manifest.ToStatus(), replay.Succeeded, replay.Failed, replay.Pending, followUps);
        }
    }

    /// <summary>
    /// Submits again, as new batches of the same job, every request of an ended batch that got no answer: those of a
    /// failed, expired or cancelled batch, and those a completed batch failed. Answers already in stay; collecting then
    /// takes the newest word on each request. A cancelled job goes on again.
    /// </summary>
    /// <returns>The job, and how many requests were submitted again.</returns>
    public async Task<(BatchJobStatus Status, int Requests)> RetryAsync(string id, CancellationToken cancellationToken = default)
    {
        using (await _store.LockAsync(Checked(id), LockWait, cancellationToken).ConfigureAwait(false))
        {
            var manifest = _store.Load(id);
            using var job = Open(manifest);
            await PollAsync(manifest, job.Api, download: true, cancellationToken).ConfigureAwait(false);
            manifest.Cancelled = false;
            var requests = 0;
            foreach (var part in manifest.Parts.Where(p => p.Step == PartStep.Downloaded && p.RetriedBy is null).ToArray())
            {
                var answers = new Dictionary<string, BatchAnswer>(StringComparer.Ordinal);
                foreach (var file in new[] { part.OutputFile, part.ErrorFile }.Select(f => _store.PathOf(manifest.Id, f)).Where(File.Exists))
                {
                    BatchOutput.Read(file, answers, job.Summarizer, job.Pipeline.LlmConfiguration?.ApiKey);
                }

                var unanswered = File.ReadLines(_store.PathOf(manifest.Id, part.File))
                    .Where(line => !(answers.TryGetValue(BatchIds.Of(line), out var a) && a.Call is not null))
                    .Select(line => System.Text.Encoding.UTF8.GetBytes(line + "\n"))
                    .ToArray();
                if (unanswered.Length == 0)
                {
                    continue;
                }

                var number = manifest.Parts.Count + 1;
                var retry = new BatchPart
                {
                    Number = number,
                    Round = part.Round,
                    File = string.Create(CultureInfo.InvariantCulture, $"part-{number:D4}.jsonl"),
                    Requests = unanswered.Length,
                    Bytes = unanswered.Sum(l => (long)l.Length),
                    FirstInput = part.FirstInput,
                    LastInput = part.LastInput,
                    Step = PartStep.Written,
                };
                BatchStore.WriteAtomically(_store.PathOf(manifest.Id, retry.File), unanswered.SelectMany(l => l).ToArray());
                part.RetriedBy = number;
                manifest.Parts.Add(retry);
                manifest.Finished = false;
                _store.Save(manifest);
                requests += unanswered.Length;
            }

            _store.Save(manifest);
            await AdvanceAsync(manifest, job.Api, cancellationToken).ConfigureAwait(false);
            return (manifest.ToStatus(), requests);
        }
    }

    /// <summary>Cancels every batch of the job that has not ended and stops it from starting more. What finished before
    /// can still be collected.</summary>
    public async Task<BatchJobStatus> CancelAsync(string id, CancellationToken cancellationToken = default)
    {
        using (await _store.LockAsync(Checked(id), LockWait, cancellationToken).ConfigureAwait(false))
        {
            var manifest = _store.Load(id);
            manifest.Cancelled = true;
            _store.Save(manifest);
            using var job = Open(manifest);
            foreach (var part in manifest.Parts.Where(p => !p.IsTerminal))
            {
                if (part.Step == PartStep.Creating && part.FileId is not null
                    && await job.Api.FindBatchAsync(part.FileId, cancellationToken).ConfigureAwait(false) is { } found)
                {
                    part.BatchId = found.Id;
                    part.Step = PartStep.Submitted;
                }

                if (part.Step >= PartStep.Submitted && part.BatchId is not null)
                {
                    Record(part, await job.Api.CancelBatchAsync(part.BatchId, cancellationToken).ConfigureAwait(false));
                }
                else
                {
                    // Never became a batch: nothing to cancel remotely, nothing to download.
                    part.Status = "cancelled";
                    part.Step = PartStep.Downloaded;
                }

                _store.Save(manifest);
            }

            return manifest.ToStatus();
        }
    }

    private static string Checked(string id) => BatchStore.IsJobId(id)
        ? id
        : throw new UserInputException($"'{id}' is not a batch job id (they look like job-0123456789abcdef).");

    /// <summary>The pipeline, summariser and service of a stored job, with this process's credentials.</summary>
    private OpenBatchJob Open(BatchManifest manifest)
    {
        var pipeline = new SummaryPipeline(manifest.Settings.ToRequest(manifest.Run), _pipeline);
        try
        {
            var api = new BatchApi(pipeline.LlmConfiguration!, manifest.ApiVersion ?? _options.AzureApiVersion, pipeline.LlmSummarizer!.Options);
            return new OpenBatchJob(pipeline, api);
        }
        catch
        {
            pipeline.Dispose();
            throw;
        }
    }

    private async Task WriteFirstRoundAsync(BatchManifest manifest, SummaryPipeline pipeline, BatchApi api, CancellationToken cancellationToken)
    {
        var summarizer = pipeline.LlmSummarizer!;
        var lines = new BatchLineWriter(api.RequestUrl, manifest.Settings.Model, summarizer.Options);
        var ids = new BatchIds.Occurrences();
        var number = manifest.Parts.Count;
        using var writer = new PartWriter(_store, manifest, 1, () => ++number);
        var inputs = BatchInputs.Read(_store.PathOf(manifest.Id, BatchInputs.FileName)).ToAsyncEnumerable();

        // Analysis and planning run on every core; ids and lines are given out in input order.
        await foreach (var first in inputs.SelectInOrderAsync((item, index) => FirstStep((index, item), pipeline), cancellationToken: cancellationToken)
            .ConfigureAwait(false))
        {
            if (first is not { } step)
            {
                continue;
            }

            // Every article takes its occurrence, as collecting counts them, even one that gets no request.
            var article = ids.Next(step.ArticleId);
            if (step.Map is null && step.Final is null)
            {
                continue;
            }

            var requests = step.Final is not null
                ? [lines.Line(BatchIds.Final(article), step.Final)]
                : step.Map!.Select((messages, i) => lines.Line(BatchIds.Map(article, 1, i + 1), messages)).ToArray();
            writer.Add(step.Index, step.ArticleId, requests);
        }

        manifest.Parts.AddRange(writer.Finish());
        _store.Save(manifest);
    }

    // Articles that cannot be planned (no text, too long) get no requests; collecting reports the same error.
    private static FirstRequests? FirstStep((int Index, LoadItem Item) input, SummaryPipeline pipeline)
    {
        if (input.Item is not LoadedArticle { Article: var article })
        {
            return null;
        }

        // Most articles fit one call: their request needs no analysis (collecting analyses them to ground the summary).
        if (SummaryPlan.Direct(article, pipeline.LlmSummarizer!.Options) is { } direct)
        {
            return new FirstRequests(input.Index, article.Id, null, direct);
        }

        try
        {
            var document = pipeline.Analyze(article);
            if (document.Sentences.Count == 0)
            {
                return new FirstRequests(input.Index, article.Id, null, null);
            }

            var plan = pipeline.LlmSummarizer!.Plan(document);
            return plan.NextRound() is { } round
                ? new FirstRequests(input.Index, article.Id, round, null)
                : new FirstRequests(input.Index, article.Id, null, plan.Final());
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return new FirstRequests(input.Index, article.Id, null, null);
        }
    }

    /// <summary>Uploads and creates the batch of every part not yet submitted, recording each step.</summary>
    private async Task AdvanceAsync(BatchManifest manifest, BatchApi api, CancellationToken cancellationToken)
    {
        foreach (var part in manifest.Parts.Where(p => p.Step < PartStep.Submitted))
        {
            await SubmitPartAsync(manifest, part, api, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SubmitPartAsync(BatchManifest manifest, BatchPart part, BatchApi api, CancellationToken cancellationToken)
    {
        // The name carries the job and part, so an upload whose answer was lost can be found again.
        var remoteName = $"{manifest.Id}-{part.File}";
        if (part.Step <= PartStep.Uploading)
        {
            RemoteFile? file = null;
            if (part.Step == PartStep.Uploading)
            {
                file = await api.FindFileAsync(remoteName, part.Bytes, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                part.Step = PartStep.Uploading;
                Save(manifest, part);
            }

            file ??= await OnceAsync(
                ct => api.UploadAsync(_store.PathOf(manifest.Id, part.File), remoteName, ct),
                ct => api.FindFileAsync(remoteName, part.Bytes, ct),
                api, cancellationToken).ConfigureAwait(false);
            part.FileId = file.Id;
            part.Step = PartStep.Uploaded;
            Save(manifest, part);
        }

        if (part.Step == PartStep.Uploaded)
        {
            if (!await WaitUntilProcessedAsync(part, api, cancellationToken).ConfigureAwait(false))
            {
                Save(manifest, part);
                return;
            }

            part.Step = PartStep.Creating;
            Save(manifest, part);
            await CreateAsync(manifest, part, api, lookFirst: false, cancellationToken).ConfigureAwait(false);
        }
        else if (part.Step == PartStep.Creating)
        {
            await CreateAsync(manifest, part, api, lookFirst: true, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CreateAsync(BatchManifest manifest, BatchPart part, BatchApi api, bool lookFirst, CancellationToken cancellationToken)
    {
        var fileId = part.FileId!;
        var batch = lookFirst ? await api.FindBatchAsync(fileId, cancellationToken).ConfigureAwait(false) : null;
        var metadata = new Dictionary<string, string>
        {
            ["summarizer_job"] = manifest.Id,
            ["summarizer_part"] = part.Number.ToString(CultureInfo.InvariantCulture),
        };
        batch ??= await OnceAsync(
            ct => api.CreateBatchAsync(fileId, _options.CompletionWindow, metadata, ct),
            ct => api.FindBatchAsync(fileId, ct),
            api, cancellationToken).ConfigureAwait(false);
        part.BatchId = batch.Id;
        part.Step = PartStep.Submitted;
        Record(part, batch);
        Save(manifest, part);
    }

    /// <summary>A call that must not be repeated blindly: after a transient failure, <paramref name="find"/> looks for what
    /// it may have created before it is tried again.</summary>
    private static async Task<T> OnceAsync<T>(Func<CancellationToken, Task<T>> call, Func<CancellationToken, Task<T?>> find, BatchApi api,
        CancellationToken cancellationToken)
        where T : class
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await call(cancellationToken).ConfigureAwait(false);
            }
            catch (LlmRequestException ex) when (ex.IsTransient && attempt < api.MaxRetries)
            {
                await Task.Delay(api.Backoff(attempt, ex.RetryAfter), cancellationToken).ConfigureAwait(false);
                if (await find(cancellationToken).ConfigureAwait(false) is { } found)
                {
                    return found;
                }
            }
        }
    }

    // Azure processes an upload before a batch may use it; OpenAI's files are usable at once.
    private async Task<bool> WaitUntilProcessedAsync(BatchPart part, BatchApi api, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + _options.FileProcessingTimeout;
        var delay = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            var file = await api.GetFileAsync(part.FileId!, cancellationToken).ConfigureAwait(false);
            switch (file.Status)
            {
                case "error" or "failed" or "deleted":
                    part.Status = "failed";
                    part.Error = $"The service rejected the batch file ({file.Status}).";
                    part.Step = PartStep.Downloaded;
                    return false;
                case "pending" or "running" when DateTime.UtcNow < deadline:
                    await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
                    break;
                case "pending" or "running":
                    throw new LlmRequestException(string.Create(CultureInfo.InvariantCulture,
                        $"The batch file {part.FileId} was not processed within {_options.FileProcessingTimeout.TotalMinutes:0.#} minutes; submit again to go on."));
                default:
                    return true;
            }
        }
    }

    /// <summary>Refreshes every submitted part; with <paramref name="download"/>, fetches the files of those that ended.</summary>
    private async Task PollAsync(BatchManifest manifest, BatchApi api, bool download, CancellationToken cancellationToken)
    {
        foreach (var part in manifest.Parts.Where(p => p.Step == PartStep.Submitted))
        {
            if (!part.IsTerminal)
            {
                Record(part, await api.GetBatchAsync(part.BatchId!, cancellationToken).ConfigureAwait(false));
                Save(manifest, part);
            }

            if (download && part.IsTerminal)
            {
                if (part.OutputFileId is { } output)
                {
                    await api.DownloadAsync(output, _store.PathOf(manifest.Id, part.OutputFile), cancellationToken).ConfigureAwait(false);
                }

                if (part.ErrorFileId is { } errors)
                {
                    await api.DownloadAsync(errors, _store.PathOf(manifest.Id, part.ErrorFile), cancellationToken).ConfigureAwait(false);
                }

                part.Step = PartStep.Downloaded;
                Save(manifest, part);
            }
        }
    }

    private static void Record(BatchPart part, RemoteBatch batch)
    {
        part.Status = batch.Status;
        part.Completed = batch.Completed;
        part.Failed = batch.Failed;
        part.OutputFileId = batch.OutputFileId ?? part.OutputFileId;
        part.ErrorFileId = batch.ErrorFileId ?? part.ErrorFileId;
        part.Error = batch.Errors ?? part.Error;
    }

    private void Save(BatchManifest manifest, BatchPart part)
    {
        part.Updated = DateTimeOffset.UtcNow;
        _store.Save(manifest);
    }

    private sealed record FirstRequests(int Index, string ArticleId, IReadOnlyList<IList<ChatMessage>>? Map, IList<ChatMessage>? Final);
}
