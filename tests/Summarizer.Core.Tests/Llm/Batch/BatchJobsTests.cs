using System.Text.Json;
using System.Text.Json.Nodes;
using Summarizer.Ingestion;
using Summarizer.Llm.Batch;
using Summarizer.Requests;

namespace Summarizer.Core.Tests.Llm.Batch;

public sealed class BatchJobsTests : IAsyncLifetime
{
    private readonly BatchTestContext _ctx = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    [Fact]
    public async Task Submit_FiveArticlesTwoPerFile_UploadsThreeFilesAndCreatesThreeBatches()
    {
        var jobs = _ctx.Jobs(new BatchOptions { MaxRequestsPerFile = 2 });

        var status = await jobs.SubmitAsync(_ctx.OpenAIRequest(), BatchTestContext.Items(BatchTestContext.Articles(5)));

        Assert.Equal(3, _ctx.Server.FilesUploaded);
        Assert.Equal(3, _ctx.Server.BatchesCreated);
        Assert.Equal([2, 2, 1], status.Parts.Select(p => p.Requests));
        Assert.All(status.Parts, p => Assert.Equal("validating", p.Status));
        Assert.Equal(BatchJobState.Running, status.State);
        var upload = _ctx.Server.Requests.First(r => r.Method == "POST" && r.Path == "/v1/files");
        Assert.Equal("Bearer " + BatchTestContext.Key, upload.Headers["Authorization"]);
        var create = JsonNode.Parse(_ctx.Server.Requests.First(r => r.Method == "POST" && r.Path == "/v1/batches").Body)!;
        Assert.Equal("/v1/chat/completions", create["endpoint"]!.GetValue<string>());
        Assert.Equal("24h", create["completion_window"]!.GetValue<string>());
    }

    [Fact]
    public async Task Submit_RequestLines_AskExactlyWhatTheSynchronousPathAsks()
    {
        var articles = BatchTestContext.Articles(3).Append(BatchTestContext.LongArticle()).ToArray();
        var request = _ctx.OpenAIRequest("--max-input-tokens", "256", "--style", "bullets", "--no-cache");
        await _ctx.Jobs().SubmitAsync(request, BatchTestContext.Items(articles));
        using (var pipeline = new SummaryPipeline(request, _ctx.Pipeline))
        {
            await pipeline.SummarizeAllAsync(articles).ToListAsync();
        }

        var lines = _ctx.Server.UploadedLines();
        var sync = _ctx.Server.Requests.Where(r => r.Path == "/v1/chat/completions").Select(r => JsonNode.Parse(r.Body)!).ToArray();
        Assert.Equal(["a0:f", "a1:f", "a2:f"], lines.Take(3).Select(l => l["custom_id"]!.GetValue<string>()));
        Assert.All(lines.Skip(3), l => Assert.Matches(@"^long-1:m1\.\d+$", l["custom_id"]!.GetValue<string>()));
        Assert.All(lines, l => Assert.Equal("/v1/chat/completions", l["url"]!.GetValue<string>()));
        foreach (var line in lines)
        {
            var body = line["body"]!;
            var same = sync.Where(s => JsonNode.DeepEquals(s["messages"], body["messages"])).ToArray();
            Assert.True(same.Length == 1, $"No synchronous request asks what {line["custom_id"]} asks.");
            Assert.Equal(same[0]["model"]!.GetValue<string>(), body["model"]!.GetValue<string>());
            Assert.Equal(same[0]["temperature"]!.GetValue<double>(), body["temperature"]!.GetValue<double>());
            Assert.Equal(same[0]["max_completion_tokens"]!.GetValue<int>(), body["max_completion_tokens"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task Submit_SameInputsAndSettingsAgain_FindsTheJobAndCreatesNoBatch()
    {
        var jobs = _ctx.Jobs();
        var first = await jobs.SubmitAsync(_ctx.OpenAIRequest(), BatchTestContext.Items(BatchTestContext.Articles(4)));

        var again = await jobs.SubmitAsync(_ctx.OpenAIRequest(), BatchTestContext.Items(BatchTestContext.Articles(4)));
        var other = await jobs.SubmitAsync(_ctx.OpenAIRequest("--style", "tldr"), BatchTestContext.Items(BatchTestContext.Articles(4)));

        Assert.Equal(first.Id, again.Id);
        Assert.NotEqual(first.Id, other.Id);
        Assert.Equal(2, _ctx.Server.BatchesCreated);
        Assert.Equal(2, jobs.List().Count);
    }

    [Fact]
    public async Task Submit_StoppedAfterTheBatchWasCreatedBeforeItsAnswer_ResumesWithoutASecondBatch()
    {
        var jobs = _ctx.Jobs();
        using var crash = new CancellationTokenSource();
        _ctx.Server.OnBatchCreated = crash.Cancel;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            jobs.SubmitAsync(_ctx.OpenAIRequest(), BatchTestContext.Items(BatchTestContext.Articles(3)), crash.Token));
        var stopped = Assert.Single(jobs.List());
        Assert.Equal("creating", Assert.Single(stopped.Parts).Status);
        _ctx.Server.OnBatchCreated = null;

        var resumed = await jobs.SubmitAsync(_ctx.OpenAIRequest(), BatchTestContext.Items(BatchTestContext.Articles(3)));

        Assert.Equal(stopped.Id, resumed.Id);
        Assert.Equal(1, _ctx.Server.FilesUploaded);
        Assert.Equal(1, _ctx.Server.BatchesCreated);
        Assert.Equal("batch_0001", Assert.Single(resumed.Parts).BatchId);
        Assert.Equal(3, (await _ctx.CollectAllAsync(jobs, resumed.Id)).Count(r => r.Succeeded));
    }

    [Fact]
    public async Task Submit_StoppedAfterTheUploadBeforeItsAnswer_AdoptsTheUploadedFile()
    {
        var jobs = _ctx.Jobs();
        using var crash = new CancellationTokenSource();
        _ctx.Server.OnFileUploaded = crash.Cancel;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            jobs.SubmitAsync(_ctx.OpenAIRequest(), BatchTestContext.Items(BatchTestContext.Articles(3)), crash.Token));
        Assert.Equal("uploading", Assert.Single(Assert.Single(jobs.List()).Parts).Status);
        _ctx.Server.OnFileUploaded = null;

        var resumed = await jobs.SubmitAsync(_ctx.OpenAIRequest(), BatchTestContext.Items(BatchTestContext.Articles(3)));

        Assert.Equal(1, _ctx.Server.FilesUploaded);
        Assert.Equal(1, _ctx.Server.BatchesCreated);
        Assert.Equal(BatchJobState.Running, resumed.State);
    }

    [Fact]
    public async Task Collect_SomeRequestsFail_TheirRowsCarryTheErrorAndTheOthersSucceed()
    {
        var jobs = _ctx.Jobs();
        _ctx.Server.FailRequest = body => body.ToJsonString().Contains("Item 2 ", StringComparison.Ordinal);
        var articles = BatchTestContext.Articles(4);
        var status = await jobs.SubmitAsync(_ctx.OpenAIRequest(),
            articles.Select(a => (LoadItem)new LoadedArticle(a)).Append(new LoadFailure("missing.txt", "missing.txt: no such file")).ToAsyncEnumerable());

        var results = await _ctx.CollectAllAsync(jobs, status.Id);

        Assert.Equal([0, 1, 2, 3, 4], results.Select(r => r.Index));
        Assert.Equal(["a0", "a1", "a3"], results.Where(r => r.Succeeded).Select(r => r.Id));
        Assert.Equal("Item 0 opened a bakery in town number 0.", results[0].Text);
        Assert.Equal("input.jsonl:3: HTTP 400: The prompt was rejected.", results[2].Error);
        Assert.Equal("missing.txt: no such file", results[4].Error);
        Assert.Equal(BatchJobState.Completed, jobs.List().Single().State);
    }

    [Fact]
    public async Task Collect_BatchExpires_AnsweredRowsSucceedAndTheRestSayItExpired()
    {
        var jobs = _ctx.Jobs();
        _ctx.Server.Outcomes.Enqueue(BatchOutcome.Expire);
        _ctx.Server.AnsweredBeforeExpiry = 2;
        var status = await jobs.SubmitAsync(_ctx.OpenAIRequest(), BatchTestContext.Items(BatchTestContext.Articles(5)));

        var results = await _ctx.CollectAllAsync(jobs, status.Id);

        Assert.Equal(2, results.Count(r => r.Succeeded));
        Assert.All(results.Skip(2), r => Assert.EndsWith("could not be executed before the completion window expired. (batch_expired)", r.Error, StringComparison.Ordinal));
        Assert.Equal("expired", Assert.Single(jobs.List().Single().Parts).Status);
    }

    [Fact]
    public async Task Retry_ExpiredBatch_SubmitsOnlyTheUnansweredRequestsAndTheNextCollectFinishesEveryRow()
    {
        var jobs = _ctx.Jobs();
        _ctx.Server.Outcomes.Enqueue(BatchOutcome.Expire);
        _ctx.Server.AnsweredBeforeExpiry = 2;
        var status = await jobs.SubmitAsync(_ctx.OpenAIRequest(), BatchTestContext.Items(BatchTestContext.Articles(5)));
        Assert.Equal(3, (await _ctx.CollectAllAsync(jobs, status.Id)).Count(r => !r.Succeeded));

        var (retried, requests) = await jobs.RetryAsync(status.Id);
        var waiting = await jobs.CollectAsync(status.Id, null);
        var results = await _ctx.CollectAllAsync(jobs, status.Id);

        Assert.Equal(3, requests);
        Assert.Equal(BatchJobState.Running, retried.State);
        Assert.Equal(3, waiting.Pending);
        Assert.Equal(2, _ctx.Server.BatchesCreated);
        Assert.Equal(["a2:f", "a3:f", "a4:f"], _ctx.Server.UploadedLines().Skip(5).Select(l => l["custom_id"]!.GetValue<string>()));
        Assert.Equal(5, results.Count(r => r.Succeeded));
        Assert.Equal([0, 1, 2, 3, 4], results.Select(r => r.Index));
    }

    [Fact]
    public async Task Collect_BatchFailsValidation_EveryRowSaysWhy()
    {
        var jobs = _ctx.Jobs();
        _ctx.Server.Outcomes.Enqueue(BatchOutcome.Fail);
        var status = await jobs.SubmitAsync(_ctx.OpenAIRequest(), BatchTestContext.Items(BatchTestContext.Articles(2)));

        var results = await _ctx.CollectAllAsync(jobs, status.Id);

        Assert.All(results, r => Assert.Equal($"input.jsonl:{r.Index + 1}: batch part 1 failed: The batch failed.", r.Error));
    }

    [Fact]
    public async Task Collect_DownloadCutMidway_ResumesWithARangeAndGivesWholeResults()
    {
        var jobs = _ctx.Jobs();
        var status = await jobs.SubmitAsync(_ctx.OpenAIRequest(), BatchTestContext.Items(BatchTestContext.Articles(6)));
        await jobs.WaitAsync(status.Id);
        _ctx.Server.CutNextDownload = true;

        var results = new List<SummaryResult>();
        var collected = await jobs.CollectAsync(status.Id, results.Add);

        Assert.True(collected.IsComplete);
        Assert.Equal(6, results.Count(r => r.Succeeded));
        var downloads = _ctx.Server.Requests.Where(r => r.Path.EndsWith("/content", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, downloads.Length);
        Assert.False(downloads[0].Headers.ContainsKey("Range"));
        Assert.StartsWith("bytes=", downloads[1].Headers["Range"], StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.EnumerateFiles(_ctx.JobsDirectory, "*.partial", SearchOption.AllDirectories), _ => true);
    }

    [Fact]
    public async Task Collect_DownloadCutAndNoRangeSupport_StartsOverAndNeverUsesTheTruncatedFile()
    {
        var jobs = _ctx.Jobs();
        _ctx.Server.SupportsRange = false;
        var status = await jobs.SubmitAsync(_ctx.OpenAIRequest(), BatchTestContext.Items(BatchTestContext.Articles(6)));
        await jobs.WaitAsync(status.Id);
        _ctx.Server.CutNextDownload = true;

        var results = new List<SummaryResult>();
        await jobs.CollectAsync(status.Id, results.Add);

        Assert.Equal(6, results.Count(r => r.Succeeded));
        var output = Directory.EnumerateFiles(_ctx.JobsDirectory, "*.output.jsonl", SearchOption.AllDirectories).Single();
        Assert.Equal(6, File.ReadAllLines(output).Length);
    }

    [Fact]
    public async Task Collect_LongArticle_ChunksThenASecondRoundGiveTheSynchronousSummary()
    {
        var jobs = _ctx.Jobs();
        var article = BatchTestContext.LongArticle();
        var request = _ctx.OpenAIRequest("--max-input-tokens", "256");
        var status = await jobs.SubmitAsync(request, BatchTestContext.Items(article, BatchTestContext.Articles(1)[0]));
        var chunks = status.Parts.Single().Requests - 1;
        Assert.True(chunks > 2, $"Expected the long article in several chunks, got {chunks}.");

        await jobs.WaitAsync(status.Id);
        var first = await jobs.CollectAsync(status.Id, null);
        Assert.Equal(1, first.Pending);
        Assert.Equal(1, first.FollowUpRequests);
        Assert.Equal(2, first.Status.Parts[1].Round);
        var results = await _ctx.CollectAllAsync(jobs, status.Id);

        var finalLine = _ctx.Server.UploadedLines().Single(l => l["custom_id"]!.GetValue<string>() == "long-1:f");
        var partAnswers = _ctx.Server.UploadedLines().Where(l => l["custom_id"]!.GetValue<string>().StartsWith("long-1:m1.", StringComparison.Ordinal))
            .Select(l => LoopbackBatchServer.FirstSentence(l["body"]!)).ToArray();
        var finalPrompt = finalLine["body"]!["messages"]![1]!["content"]!.GetValue<string>();
        Assert.Contains("Article:\n" + string.Join("\n\n", partAnswers), finalPrompt, StringComparison.Ordinal);
        using var pipeline = new SummaryPipeline(_ctx.OpenAIRequest("--max-input-tokens", "256", "--no-cache"), _ctx.Pipeline);
        var synchronous = await pipeline.SummarizeAsync(article);
        var batch = results[0];
        Assert.Equal(synchronous.Text, batch.Text);
        Assert.Equal(JsonSerializer.Serialize(synchronous.Sentences), JsonSerializer.Serialize(batch.Sentences));
        Assert.Equal(chunks + 1, batch.Llm!.Calls);
        Assert.Equal(synchronous.Llm!.Calls, batch.Llm.Calls);
        Assert.Equal(synchronous.Llm.Usage, batch.Llm.Usage);
    }

    [Fact]
    public async Task Collect_FillsTheCache_ASynchronousRunAfterwardsMakesNoCalls()
    {
        var jobs = _ctx.Jobs();
        var articles = BatchTestContext.Articles(3).Append(BatchTestContext.LongArticle()).ToArray();
        var request = _ctx.OpenAIRequest("--max-input-tokens", "256");
        var status = await jobs.SubmitAsync(request, BatchTestContext.Items(articles));
        var batch = await _ctx.CollectAllAsync(jobs, status.Id);

        using var pipeline = new SummaryPipeline(request, _ctx.Pipeline);
        var synchronous = await pipeline.SummarizeAllAsync(articles).ToListAsync();

        Assert.Equal(0, _ctx.Server.ChatCalls);
        Assert.All(synchronous, r => Assert.True(r.Llm!.FromCache));
        Assert.Equal(batch.Select(r => r.Text), synchronous.OrderBy(r => r.Index).Select(r => r.Text));
    }

    [Fact]
    public async Task Collect_Twice_GivesTheSameResultsWithoutNewBatches()
    {
        var jobs = _ctx.Jobs();
        var status = await jobs.SubmitAsync(_ctx.OpenAIRequest(), BatchTestContext.Items(BatchTestContext.Articles(3)));
        var first = await _ctx.CollectAllAsync(jobs, status.Id);
        var requests = _ctx.Server.Requests.Count;

        var second = new List<SummaryResult>();
        await jobs.CollectAsync(status.Id, second.Add);

        Assert.Equal(JsonSerializer.Serialize(first.Select(r => (r.Index, r.Text, r.Error))), JsonSerializer.Serialize(second.Select(r => (r.Index, r.Text, r.Error))));
        Assert.Equal(requests, _ctx.Server.Requests.Count);
    }

    [Fact]
    public async Task Cancel_RunningJob_CancelsItsBatchAndCollectReportsCancelledRows()
    {
        var jobs = _ctx.Jobs();
        var status = await jobs.SubmitAsync(_ctx.OpenAIRequest(), BatchTestContext.Items(BatchTestContext.Articles(2)));

        var cancelled = await jobs.CancelAsync(status.Id);
        var results = await _ctx.CollectAllAsync(jobs, status.Id);

        Assert.Equal(BatchJobState.Cancelled, cancelled.State);
        Assert.Contains(_ctx.Server.Requests, r => r.Method == "POST" && r.Path == "/v1/batches/batch_0001/cancel");
        Assert.Equal("cancelled", jobs.List().Single().Parts.Single().Status);
        Assert.All(results, r => Assert.Contains("This request was cancelled", r.Error, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Azure_SubmitAndCollect_UsesTheOpenAIPathsWithApiVersionAndTheDeploymentAsModel()
    {
        var jobs = _ctx.Jobs();
        _ctx.Server.AzurePendingReads = 2;
        var status = await jobs.SubmitAsync(_ctx.AzureRequest(), BatchTestContext.Items(BatchTestContext.Articles(2)));

        var results = await _ctx.CollectAllAsync(jobs, status.Id);

        Assert.Equal(["Item 0 opened a bakery in town number 0.", "Item 1 opened a bakery in town number 1."], results.Select(r => r.Text));
        Assert.All(_ctx.Server.Requests, r => Assert.StartsWith("/openai/", r.Path, StringComparison.Ordinal));
        Assert.All(_ctx.Server.Requests, r => Assert.Contains("api-version=2024-10-21", r.Query, StringComparison.Ordinal));
        Assert.All(_ctx.Server.Requests, r => Assert.Equal(BatchTestContext.Key, r.Headers["api-key"]));
        Assert.Equal(3, _ctx.Server.Requests.Count(r => r.Method == "GET" && r.Path == "/openai/files/file-0001"));
        var line = Assert.Single(_ctx.Server.UploadedLines(), l => l["custom_id"]!.GetValue<string>() == "a0:f");
        Assert.Equal("/chat/completions", line["url"]!.GetValue<string>());
        Assert.Equal(BatchTestContext.Model, line["body"]!["model"]!.GetValue<string>());
        Assert.Equal("azure", results[0].Llm!.Provider);
    }

    [Fact]
    public async Task Jobs_AfterSubmitCollectAndAFailure_NoKeyInAnyFileOrMessage()
    {
        var jobs = _ctx.Jobs();
        _ctx.Server.FailRequest = body => body.ToJsonString().Contains("Item 1 ", StringComparison.Ordinal);
        var status = await jobs.SubmitAsync(_ctx.OpenAIRequest(), BatchTestContext.Items(BatchTestContext.Articles(3)));
        var results = await _ctx.CollectAllAsync(jobs, status.Id);
        _ctx.Environment["OPENAI_API_KEY"] = "sk-wrong-0123456789abcdefWRONG";
        var refused = await Assert.ThrowsAsync<Summarizer.Llm.LlmRequestException>(() => _ctx.Jobs().SubmitAsync(_ctx.OpenAIRequest("--style", "tldr"),
            BatchTestContext.Items(BatchTestContext.Articles(1))));

        Assert.Contains("HTTP 401", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-wrong", refused.Message, StringComparison.Ordinal);
        Assert.NotEmpty(_ctx.AllFiles());
        Assert.All(_ctx.AllFiles(), f => Assert.DoesNotContain(BatchTestContext.Key, f.Text, StringComparison.Ordinal));
        Assert.All(results, r => Assert.DoesNotContain(BatchTestContext.Key, JsonSerializer.Serialize(r), StringComparison.Ordinal));
        Assert.DoesNotContain(BatchTestContext.Key, status.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_UnknownJob_SaysSoNamingTheFolder()
    {
        var error = await Assert.ThrowsAsync<UserInputException>(() => _ctx.Jobs().StatusAsync("job-0000000000000000"));

        Assert.Contains("No batch job 'job-0000000000000000'", error.Message, StringComparison.Ordinal);
        Assert.Contains(_ctx.JobsDirectory, error.Message, StringComparison.Ordinal);
    }
}
