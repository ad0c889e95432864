using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Summarizer.Core.Tests.Llm.Batch;

/// <summary>What a batch does once the server works on it.</summary>
internal enum BatchOutcome
{
    /// <summary>Every request answered (a request <see cref="LoopbackBatchServer.FailRequest"/> picks fails alone).</summary>
    Complete,

    /// <summary>The first <see cref="LoopbackBatchServer.AnsweredBeforeExpiry"/> requests answered, the rest expired.</summary>
    Expire,

    /// <summary>The batch fails as a whole.</summary>
    Fail,
}

/// <summary>One HTTP request as the server saw it.</summary>
internal sealed record BatchServerRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>
/// A real HTTP server on 127.0.0.1 speaking the Batch API of OpenAI (<c>/v1/files</c>, <c>/v1/files/{id}</c>,
/// <c>/v1/files/{id}/content</c>, <c>/v1/batches</c>, <c>/v1/batches/{id}</c>, <c>/v1/batches/{id}/cancel</c>) and of
/// Azure OpenAI (the same under <c>/openai/</c> with <c>api-version</c>), plus non-streaming chat completions on both
/// for synchronous runs. Uploads are multipart forms; content downloads honour <c>Range</c>. A batch is validated on
/// creation (endpoint, window, each line's <c>url</c>, <c>model</c> and unique <c>custom_id</c>), reports
/// <c>in_progress</c> on its first poll and ends on the next, answering each request with the first sentence of the
/// text it was asked to summarise, as <see cref="LoopbackChatServer"/> does.
/// </summary>
internal sealed class LoopbackBatchServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly ConcurrentDictionary<string, StoredFile> _files = new();
    private readonly ConcurrentDictionary<string, StoredBatch> _batches = new();
    private readonly Lock _lock = new();
    private int _nextFile;
    private int _nextBatch;
    private int _nextRequest;

    public LoopbackBatchServer(string apiKey, string model)
    {
        ApiKey = apiKey;
        Model = model;
        for (var attempt = 0; ; attempt++)
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            _listener.Prefixes.Clear();
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                _listener.Start();
                BaseUri = new Uri($"http://127.0.0.1:{port}/");
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
            }
        }

        _loop = Task.Run(AcceptLoopAsync);
    }

    public Uri BaseUri { get; }

    /// <summary>The OpenAI base URL (with <c>/v1</c>).</summary>
    public Uri OpenAIEndpoint => new(BaseUri, "v1");

    /// <summary>The key every request must carry (<c>Authorization: Bearer</c>, or <c>api-key</c> on Azure paths).</summary>
    public string ApiKey { get; }

    /// <summary>The model (or deployment) every request line must name.</summary>
    public string Model { get; }

    public ConcurrentQueue<BatchServerRequest> Requests { get; } = new();

    /// <summary>Batches created, in order (failed validation included).</summary>
    public int BatchesCreated => _batches.Count;

    /// <summary>Files uploaded.</summary>
    public int FilesUploaded => _files.Count;

    /// <summary>Chat completions answered synchronously.</summary>
    public int ChatCalls => Requests.Count(r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal));

    /// <summary>What the next batches do, one outcome each; when empty, they complete.</summary>
    public ConcurrentQueue<BatchOutcome> Outcomes { get; } = new();

    /// <summary>Requests answered before an expiring batch expires. Default 1.</summary>
    public int AnsweredBeforeExpiry { get; set; } = 1;

    /// <summary>Picks requests (by their body) that fail with HTTP 400 in the error file.</summary>
    public Func<JsonNode, bool> FailRequest { get; set; } = _ => false;

    /// <summary>Polls a batch answers <c>in_progress</c> before it ends. Default 1.</summary>
    public int PollsBeforeEnd { get; set; } = 1;

    /// <summary>Cut the next content download after half its bytes (the connection is dropped mid-body).</summary>
    public bool CutNextDownload { get; set; }

    /// <summary>Honour <c>Range</c> on content downloads. Default true.</summary>
    public bool SupportsRange { get; set; } = true;

    /// <summary>Runs after a batch is stored and before its creation is answered (to stop a client mid-call).</summary>
    public Action? OnBatchCreated { get; set; }

    /// <summary>Runs after a file is stored and before its upload is answered.</summary>
    public Action? OnFileUploaded { get; set; }

    /// <summary>Azure uploads report <c>pending</c> until this many reads of the file. Default 1.</summary>
    public int AzurePendingReads { get; set; } = 1;

    /// <summary>The content of an uploaded file.</summary>
    public string FileText(string id) => Encoding.UTF8.GetString(_files[id].Content);

    /// <summary>Every uploaded request line, across files.</summary>
    public IReadOnlyList<JsonNode> UploadedLines() => _files.Values.Where(f => f.Purpose == "batch").OrderBy(f => f.Number)
        .SelectMany(f => Encoding.UTF8.GetString(f.Content).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        .Select(l => JsonNode.Parse(l)!).ToArray();

    public static string FirstSentence(JsonNode body)
    {
        var user = string.Join("\n", body["messages"]!.AsArray().Where(m => m!["role"]!.GetValue<string>() == "user")
            .Select(m => m!["content"]!.GetValue<string>()));
        return LoopbackChatServer.FirstSentence(user);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is ObjectDisposedException or HttpListenerException or OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        try
        {
            byte[] body;
            using (var buffer = new MemoryStream())
            {
                await request.InputStream.CopyToAsync(buffer);
                body = buffer.ToArray();
            }

            var headers = request.Headers.AllKeys.Where(k => k is not null)
                .ToDictionary(k => k!, k => request.Headers[k] ?? string.Empty, StringComparer.OrdinalIgnoreCase);
            var path = request.Url!.AbsolutePath;
            var isMultipart = request.ContentType?.StartsWith("multipart/", StringComparison.Ordinal) == true;
            Requests.Enqueue(new BatchServerRequest(request.HttpMethod, path, request.Url.Query, headers, isMultipart ? "(multipart)" : Encoding.UTF8.GetString(body)));

            var azure = path.StartsWith("/openai/", StringComparison.Ordinal);
            string route;
            if (azure)
            {
                if (string.IsNullOrEmpty(request.QueryString["api-version"]))
                {
                    await JsonAsync(response, 404, Error("Resource not found: api-version is missing"));
                    return;
                }

                route = path["/openai".Length..];
            }
            else if (path.StartsWith("/v1/", StringComparison.Ordinal))
            {
                route = path["/v1".Length..];
            }
            else
            {
                await JsonAsync(response, 404, Error("Not found"));
                return;
            }

            var authorised = azure
                ? headers.GetValueOrDefault("api-key") == ApiKey
                : headers.GetValueOrDefault("Authorization") == "Bearer " + ApiKey;
            if (!authorised)
            {
                await JsonAsync(response, 401, Error("Access denied due to invalid subscription key or wrong API endpoint."));
                return;
            }

            var segments = route.Trim('/').Split('/');
            switch (request.HttpMethod, segments)
            {
                case ("POST", ["files"]):
                    await UploadAsync(request, response, body, azure);
                    break;
                case ("GET", ["files"]):
                    await JsonAsync(response, 200, List(_files.Values.OrderByDescending(f => f.Number).Select(f => f.ToJson())));
                    break;
                case ("GET", ["files", var id]) when _files.TryGetValue(id, out var file):
                    await JsonAsync(response, 200, file.ToJson(read: true));
                    break;
                case ("GET", ["files", var id, "content"]) when _files.TryGetValue(id, out var file):
                    await ContentAsync(request, response, file.Content);
                    break;
                case ("POST", ["batches"]):
                    await CreateBatchAsync(response, body, azure);
                    break;
                case ("GET", ["batches"]):
                    await JsonAsync(response, 200, List(_batches.Values.OrderByDescending(b => b.Number).Select(b => b.ToJson())));
                    break;
                case ("GET", ["batches", var id]) when _batches.TryGetValue(id, out var batch):
                    Advance(batch);
                    await JsonAsync(response, 200, batch.ToJson());
                    break;
                case ("POST", ["batches", var id, "cancel"]) when _batches.TryGetValue(id, out var batch):
                    lock (_lock)
                    {
                        if (batch.Status is "validating" or "in_progress")
                        {
                            batch.Status = "cancelling";
                        }
                    }

                    await JsonAsync(response, 200, batch.ToJson());
                    break;
                case ("POST", ["chat", "completions"]):
                case ("POST", ["deployments", _, "chat", "completions"]):
                    var chat = JsonNode.Parse(body)!;
                    await JsonAsync(response, 200, Completion(chat["model"]?.GetValue<string>() ?? segments[1], FirstSentence(chat)));
                    break;
                default:
                    await JsonAsync(response, 404, Error($"No route for {request.HttpMethod} {path}"));
                    break;
            }
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The client went away.
        }
    }

    private async Task UploadAsync(HttpListenerRequest request, HttpListenerResponse response, byte[] body, bool azure)
    {
        var boundary = request.ContentType!.Split("boundary=")[1].Trim('"');
        var parts = Multipart(body, boundary);
        if (!parts.TryGetValue("purpose", out var purpose) || Encoding.UTF8.GetString(purpose.Content) != "batch" || !parts.TryGetValue("file", out var file))
        {
            await JsonAsync(response, 400, Error("purpose must be batch and a file must be given"));
            return;
        }

        StoredFile stored;
        lock (_lock)
        {
            var n = ++_nextFile;
            stored = new StoredFile(n, $"file-{n:D4}", file.FileName ?? "upload.jsonl", file.Content, azure ? AzurePendingReads : 0);
            _files[stored.Id] = stored;
        }

        OnFileUploaded?.Invoke();
        await JsonAsync(response, 200, stored.ToJson());
    }

    private async Task CreateBatchAsync(HttpListenerResponse response, byte[] body, bool azure)
    {
        var json = JsonNode.Parse(body)!;
        var fileId = json["input_file_id"]?.GetValue<string>();
        if (fileId is null || !_files.TryGetValue(fileId, out var file))
        {
            await JsonAsync(response, 400, Error($"No such file: {fileId}"));
            return;
        }

        if (azure && file.PendingReads > 0)
        {
            await JsonAsync(response, 400, Error("The input file is not processed yet."));
            return;
        }

        var endpoint = azure ? "/chat/completions" : "/v1/chat/completions";
        var problems = new List<string>();
        if (json["endpoint"]?.GetValue<string>() != endpoint)
        {
            problems.Add($"endpoint must be {endpoint}");
        }

        if (json["completion_window"]?.GetValue<string>() != "24h")
        {
            problems.Add("completion_window must be 24h");
        }

        var lines = Encoding.UTF8.GetString(file.Content).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line["method"]?.GetValue<string>() != "POST" || line["url"]?.GetValue<string>() != endpoint)
            {
                problems.Add($"line {i + 1}: method must be POST and url {endpoint}");
            }

            if (line["body"]?["model"]?.GetValue<string>() != Model)
            {
                problems.Add($"line {i + 1}: model must be {Model}");
            }

            if (!seen.Add(line["custom_id"]?.GetValue<string>() ?? string.Empty))
            {
                problems.Add($"line {i + 1}: custom_id must be unique");
            }
        }

        StoredBatch batch;
        lock (_lock)
        {
            var n = ++_nextBatch;
            var outcome = Outcomes.TryDequeue(out var o) ? o : BatchOutcome.Complete;
            batch = new StoredBatch(n, $"batch_{n:D4}", fileId, lines, problems.Count > 0 ? BatchOutcome.Fail : outcome, problems);
            _batches[batch.Id] = batch;
        }

        OnBatchCreated?.Invoke();
        await JsonAsync(response, 200, batch.ToJson());
    }

    /// <summary>Moves a batch one poll along; when it ends, writes its output and error files.</summary>
    private void Advance(StoredBatch batch)
    {
        lock (_lock)
        {
            switch (batch.Status)
            {
                case "validating" when batch.Outcome == BatchOutcome.Fail:
                    batch.Status = "failed";
                    break;
                case "validating":
                    batch.Status = "in_progress";
                    break;
                case "in_progress" when ++batch.Polls >= PollsBeforeEnd:
                    Finish(batch, batch.Outcome == BatchOutcome.Expire ? AnsweredBeforeExpiry : batch.Lines.Length,
                        batch.Outcome == BatchOutcome.Expire ? "expired" : "completed");
                    break;
                case "cancelling":
                    Finish(batch, 0, "cancelled");
                    break;
            }
        }
    }

    private void Finish(StoredBatch batch, int answered, string status)
    {
        var output = new StringBuilder();
        var errors = new StringBuilder();
        for (var i = 0; i < batch.Lines.Length; i++)
        {
            var line = batch.Lines[i];
            var customId = line["custom_id"]!.GetValue<string>();
            var requestId = $"batch_req_{Interlocked.Increment(ref _nextRequest)}";
            if (i >= answered)
            {
                var code = status == "expired" ? "batch_expired" : "batch_cancelled";
                errors.Append(JsonSerializer.Serialize(new
                {
                    id = requestId,
                    custom_id = customId,
                    response = (object?)null,
                    error = new { code, message = status == "expired" ? "This request could not be executed before the completion window expired." : "This request was cancelled." },
                })).Append('\n');
                batch.Failed++;
            }
            else if (FailRequest(line["body"]!))
            {
                errors.Append(JsonSerializer.Serialize(new
                {
                    id = requestId,
                    custom_id = customId,
                    response = new { status_code = 400, request_id = requestId, body = new { error = new { message = "The prompt was rejected.", type = "invalid_request_error" } } },
                    error = (object?)null,
                })).Append('\n');
                batch.Failed++;
            }
            else
            {
                var body = line["body"]!;
                output.Append("{\"id\":\"").Append(requestId).Append("\",\"custom_id\":").Append(JsonSerializer.Serialize(customId))
                    .Append(",\"response\":{\"status_code\":200,\"request_id\":\"").Append(requestId).Append("\",\"body\":")
                    .Append(Completion(body["model"]!.GetValue<string>(), FirstSentence(body))).Append("},\"error\":null}\n");
                batch.Completed++;
            }
        }

        batch.OutputFileId = output.Length > 0 ? Store(batch.Id + "_output.jsonl", output.ToString()) : null;
        batch.ErrorFileId = errors.Length > 0 ? Store(batch.Id + "_error.jsonl", errors.ToString()) : null;
        batch.Status = status;
    }

    private string Store(string name, string text)
    {
        var n = ++_nextFile;
        var file = new StoredFile(n, $"file-{n:D4}", name, Encoding.UTF8.GetBytes(text), 0) { Purpose = "batch_output" };
        _files[file.Id] = file;
        return file.Id;
    }

    private async Task ContentAsync(HttpListenerRequest request, HttpListenerResponse response, byte[] content)
    {
        var from = 0L;
        if (SupportsRange && request.Headers["Range"] is { } range && range.StartsWith("bytes=", StringComparison.Ordinal))
        {
            from = long.Parse(range["bytes=".Length..].TrimEnd('-'), CultureInfo.InvariantCulture);
            response.StatusCode = 206;
            response.AddHeader("Content-Range", $"bytes {from}-{content.Length - 1}/{content.Length}");
        }
        else
        {
            response.StatusCode = 200;
        }

        response.ContentType = "application/octet-stream";
        response.ContentLength64 = content.Length - from;
        var cut = false;
        lock (_lock)
        {
            if (CutNextDownload)
            {
                CutNextDownload = false;
                cut = true;
            }
        }

        if (cut)
        {
            var half = (int)((content.Length - from) / 2);
            await response.OutputStream.WriteAsync(content.AsMemory((int)from, half));
            await response.OutputStream.FlushAsync();

            // Give the client time to take the first half before the connection drops.
            await Task.Delay(300);
            response.Abort();
            return;
        }

        await response.OutputStream.WriteAsync(content.AsMemory((int)from));
        response.Close();
    }

    private static Dictionary<string, FormPart> Multipart(byte[] body, string boundary)
    {
        var text = Encoding.Latin1.GetString(body);
        var parts = new Dictionary<string, FormPart>(StringComparer.Ordinal);
        foreach (var section in text.Split("--" + boundary))
        {
            var split = section.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (split < 0)
            {
                continue;
            }

            var head = section[..split];
            var content = section[(split + 4)..];
            if (content.EndsWith("\r\n", StringComparison.Ordinal))
            {
                content = content[..^2];
            }

            var name = Attribute(head, "name");
            if (name is not null)
            {
                parts[name] = new FormPart(Attribute(head, "filename"), Encoding.Latin1.GetBytes(content));
            }
        }

        return parts;
    }

    private static string? Attribute(string head, string name)
    {
        var marker = "; " + name + "=";
        var at = head.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var value = head[(at + marker.Length)..];
        var end = value.IndexOfAny([';', '\r']);
        return (end < 0 ? value : value[..end]).Trim('"');
    }

    private static string List(IEnumerable<string> items) => "{\"object\":\"list\",\"data\":[" + string.Join(",", items) + "],\"has_more\":false}";

    private static string Error(string message) => JsonSerializer.Serialize(new { error = new { message, type = "invalid_request_error" } });

    private static string Completion(string model, string content) => JsonSerializer.Serialize(new
    {
        id = "chatcmpl-loopback",
        @object = "chat.completion",
        created = 1_700_000_000,
        model,
        choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
        usage = new { prompt_tokens = 11, completion_tokens = 7, total_tokens = 18 },
    });

    private static async Task JsonAsync(HttpListenerResponse response, int status, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    private sealed record FormPart(string? FileName, byte[] Content);

    private sealed record StoredFile(int Number, string Id, string FileName, byte[] Content, int PendingReads)
    {
        public string Purpose { get; init; } = "batch";

        public int PendingReads { get; set; } = PendingReads;

        public string ToJson(bool read = false)
        {
            var status = PendingReads > 0 ? "pending" : "processed";
            if (read && PendingReads > 0)
            {
                PendingReads--;
            }

            return JsonSerializer.Serialize(new { id = Id, @object = "file", bytes = Content.Length, created_at = 1_700_000_000, filename = FileName, purpose = Purpose, status });
        }
    }

    private sealed class StoredBatch(int number, string id, string inputFileId, JsonNode[] lines, BatchOutcome outcome, List<string> problems)
    {
        public int Number { get; } = number;

        public string Id { get; } = id;

        public JsonNode[] Lines { get; } = lines;

        public BatchOutcome Outcome { get; } = outcome;

        public string Status { get; set; } = "validating";

        public int Polls { get; set; }

        public int Completed { get; set; }

        public int Failed { get; set; }

        public string? OutputFileId { get; set; }

        public string? ErrorFileId { get; set; }

        public string ToJson()
        {
            var errors = Status == "failed"
                ? new { @object = "list", data = (problems.Count > 0 ? problems : ["The batch failed."]).Select(p => new { code = "invalid_request", message = p }).ToArray() }
                : null;
            return JsonSerializer.Serialize(new
            {
                id = Id,
                @object = "batch",
                endpoint = "/v1/chat/completions",
                errors,
                input_file_id = inputFileId,
                completion_window = "24h",
                status = Status,
                output_file_id = OutputFileId,
                error_file_id = ErrorFileId,
                created_at = 1_700_000_000,
                request_counts = new { total = Lines.Length, completed = Completed, failed = Failed },
                metadata = (object?)null,
            });
        }
    }
}
