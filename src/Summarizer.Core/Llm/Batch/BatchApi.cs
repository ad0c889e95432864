using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Azure.Core;
using Azure.Identity;

namespace Summarizer.Llm.Batch;

/// <summary>A file on the service.</summary>
internal sealed record RemoteFile(string Id, string? FileName, long Bytes, string? Status);

/// <summary>A batch on the service, as its batch object reports it.</summary>
internal sealed record RemoteBatch(string Id, string Status, string? InputFileId, string? OutputFileId, string? ErrorFileId,
    int Completed, int Failed, string? Errors);

/// <summary>
/// The files and batches endpoints of OpenAI (<c>{base}/files</c>, <c>{base}/batches</c>, base URL with <c>/v1</c>) and
/// of Azure OpenAI (<c>{endpoint}/openai/files?api-version=</c>, <c>{endpoint}/openai/batches?api-version=</c>), over
/// plain HTTP and JSON. Reads are retried after throttling, server errors and dropped connections; uploads and batch
/// creation are not (their caller first looks for what a lost answer may have created). Error messages never carry a key.
/// </summary>
internal sealed class BatchApi : IDisposable
{
    private const string AzureScope = "https://cognitiveservices.azure.com/.default";

    // One connection pool for every job; JSON answers are capped like chat answers, downloads stream to disk.
    private static readonly SocketsHttpHandler Handler = new() { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };

    private readonly HttpClient _json;
    private readonly HttpClient _files = new(Handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
    private readonly LlmConfiguration _config;
    private readonly string _root;
    private readonly string? _apiVersion;
    private readonly LlmOptions _options;
    private readonly TokenCredential? _credential;

    public BatchApi(LlmConfiguration configuration, string azureApiVersion, LlmOptions options)
    {
        _config = configuration;
        _options = options;
        _json = new HttpClient(new ResponseSizeLimit(Handler, configuration.MaxResponseBytes), disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        if (configuration.Provider == LlmProvider.Azure)
        {
            _root = configuration.Endpoint!.ToString().TrimEnd('/') + "/openai";
            _apiVersion = azureApiVersion;
            _credential = configuration.HasApiKey && !configuration.UseEntraId ? null : new DefaultAzureCredential();
        }
        else
        {
            _root = (configuration.Endpoint ?? new Uri("https://api.openai.com/v1")).ToString().TrimEnd('/');
        }
    }

    public bool IsAzure => _config.Provider == LlmProvider.Azure;

    /// <summary>The <c>url</c> of each request line and the batch's <c>endpoint</c>.</summary>
    public string RequestUrl => IsAzure ? "/chat/completions" : "/v1/chat/completions";

    public void Dispose()
    {
        _json.Dispose();
        _files.Dispose();
    }

    /// <summary>Uploads a request file with purpose <c>batch</c> (multipart form: <c>purpose</c>, <c>file</c>). One attempt.</summary>
    public async Task<RemoteFile> UploadAsync(string path, string fileName, CancellationToken cancellationToken)
    {
        var length = new FileInfo(path).Length;
        await using var stream = File.OpenRead(path);
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent("batch"), "purpose");
        var file = new StreamContent(stream, 1 << 16);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "file", fileName);

        // A large file gets time to travel: the usual timeout plus a second per megabyte.
        var timeout = _options.Timeout + TimeSpan.FromSeconds(length / 1_000_000.0);
        return ParseFile(await SendAsync(HttpMethod.Post, "/files", null, content, timeout, cancellationToken).ConfigureAwait(false));
    }

    public Task<RemoteFile> GetFileAsync(string id, CancellationToken cancellationToken) =>
        RetryAsync(async ct => ParseFile(await SendAsync(HttpMethod.Get, "/files/" + Escape(id), null, null, _options.Timeout, ct).ConfigureAwait(false)),
            cancellationToken);

    /// <summary>An uploaded batch file with this name and size, if one exists (a lost upload answer).</summary>
    public async Task<RemoteFile?> FindFileAsync(string fileName, long bytes, CancellationToken cancellationToken)
    {
        foreach (var file in await ListAsync("/files", "purpose=batch", ParseFile, cancellationToken).ConfigureAwait(false))
        {
            if (file.FileName == fileName && file.Bytes == bytes && file.Status is not ("error" or "deleted"))
            {
                return file;
            }
        }

        return null;
    }

    /// <summary>Creates a batch over an uploaded file. One attempt.</summary>
    public async Task<RemoteBatch> CreateBatchAsync(string inputFileId, string completionWindow, IReadOnlyDictionary<string, string> metadata,
        CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["input_file_id"] = inputFileId,
            ["endpoint"] = RequestUrl,
            ["completion_window"] = completionWindow,
            ["metadata"] = metadata,
        });
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        return ParseBatch(await SendAsync(HttpMethod.Post, "/batches", null, content, _options.Timeout, cancellationToken).ConfigureAwait(false));
    }

    public Task<RemoteBatch> GetBatchAsync(string id, CancellationToken cancellationToken) =>
        RetryAsync(async ct => ParseBatch(await SendAsync(HttpMethod.Get, "/batches/" + Escape(id), null, null, _options.Timeout, ct).ConfigureAwait(false)),
            cancellationToken);

    /// <summary>The batch over this input file, if one exists (a lost creation answer).</summary>
    public async Task<RemoteBatch?> FindBatchAsync(string inputFileId, CancellationToken cancellationToken) =>
        (await ListAsync("/batches", "limit=100", ParseBatch, cancellationToken).ConfigureAwait(false))
        .FirstOrDefault(b => b.InputFileId == inputFileId);

    /// <summary>Asks the service to cancel a batch (asking twice is harmless, so it is retried).</summary>
    public Task<RemoteBatch> CancelBatchAsync(string id, CancellationToken cancellationToken) =>
        RetryAsync(async ct => ParseBatch(await SendAsync(HttpMethod.Post, "/batches/" + Escape(id) + "/cancel", null, null, _options.Timeout, ct)
            .ConfigureAwait(false)), cancellationToken);

    /// <summary>
    /// Downloads a file's content to <paramref name="path"/>. The bytes go to <c>path.partial</c>, which survives a cut
    /// connection: the next attempt asks for the rest with a <c>Range</c> header (and starts over when the server sends
    /// the whole file instead). Only a download that got every byte the server announced is renamed to
    /// <paramref name="path"/>, so a truncated file is never taken for a result.
    /// </summary>
    public async Task DownloadAsync(string fileId, string path, CancellationToken cancellationToken)
    {
        var partial = path + ".partial";
        await RetryAsync(async ct =>
        {
            await DownloadOnceAsync(fileId, partial, ct).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);
        File.Move(partial, path, overwrite: true);
    }

    private async Task DownloadOnceAsync(string fileId, string partial, CancellationToken cancellationToken)
    {
        var have = File.Exists(partial) ? new FileInfo(partial).Length : 0;
        using var request = new HttpRequestMessage(HttpMethod.Get, Url("/files/" + Escape(fileId) + "/content", null));
        if (have > 0)
        {
            request.Headers.Range = new RangeHeaderValue(have, null);
        }

        using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stall.CancelAfter(_options.Timeout);
        await AuthorizeAsync(request, stall.Token).ConfigureAwait(false);
        var received = 0L;
        try
        {
            using var response = await _files.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stall.Token).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
            {
                // The server does not know the range: start again from the first byte.
                File.Delete(partial);
                throw new LlmRequestException($"The download of {fileId} has to start again.", 416, TimeSpan.Zero, true);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw Failure(response, await ReadErrorAsync(response, stall.Token).ConfigureAwait(false), "GET", "/files/" + fileId + "/content");
            }

            var range = response.Content.Headers.ContentRange;
            var append = response.StatusCode == HttpStatusCode.PartialContent && range?.From == have;
            if (response.StatusCode == HttpStatusCode.PartialContent && !append)
            {
                File.Delete(partial);
                throw new LlmRequestException($"The download of {fileId} got a range it did not ask for; it starts again.", 206, TimeSpan.Zero, true);
            }

            var expected = append ? range!.Length : response.Content.Headers.ContentLength;
            await using var file = new FileStream(partial, append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            await using var body = await response.Content.ReadAsStreamAsync(stall.Token).ConfigureAwait(false);
            var buffer = new byte[1 << 16];
            try
            {
                int read;
                while ((read = await body.ReadAsync(buffer, stall.Token).ConfigureAwait(false)) > 0)
                {
                    // The timeout bounds the silence between pieces, not the whole file.
                    stall.CancelAfter(_options.Timeout);
                    await file.WriteAsync(buffer.AsMemory(0, read), stall.Token).ConfigureAwait(false);
                    received += read;
                }
            }
            finally
            {
                await file.FlushAsync(CancellationToken.None).ConfigureAwait(false);
                file.Flush(flushToDisk: true);
            }

            if (expected is { } total && file.Length != total)
            {
                throw new LlmRequestException(string.Create(CultureInfo.InvariantCulture,
                    $"The download of {fileId} ended at {file.Length} of {total} bytes."), null, null, true);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new LlmRequestException(string.Create(CultureInfo.InvariantCulture,
                $"The download of {fileId} stalled for {_options.Timeout.TotalSeconds:0.###} s after {have + received} bytes."), null, null, true);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw new LlmRequestException(Redact(string.Create(CultureInfo.InvariantCulture,
                $"The download of {fileId} was cut after {have + received} bytes: {ex.Message}")), null, null, true);
        }
    }

    private async Task<IReadOnlyList<T>> ListAsync<T>(string path, string query, Func<JsonElement, T> parse, CancellationToken cancellationToken)
    {
        // Newest first; a lost answer is recent, so a few pages are plenty.
        var items = new List<T>();
        string? after = null;
        for (var page = 0; page < 20; page++)
        {
            var q = after is null ? query : query + "&after=" + Uri.EscapeDataString(after);
            var list = await RetryAsync(ct => SendAsync(HttpMethod.Get, path, q, null, _options.Timeout, ct), cancellationToken).ConfigureAwait(false);
            if (!list.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
            {
                break;
            }

            foreach (var item in data.EnumerateArray())
            {
                items.Add(parse(item));
            }

            var more = list.TryGetProperty("has_more", out var hasMore) && hasMore.ValueKind == JsonValueKind.True;
            after = data.GetArrayLength() > 0 ? Text(data[data.GetArrayLength() - 1], "id") : null;
            if (!more || after is null)
            {
                break;
            }
        }

        return items;
    }

    private async Task<T> RetryAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await call(cancellationToken).ConfigureAwait(false);
            }
            catch (LlmRequestException ex) when (ex.IsTransient && attempt < _options.MaxRetries)
            {
                await Task.Delay(Backoff(attempt, ex.RetryAfter), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Retries after a transient failure (the summariser's <see cref="LlmOptions.MaxRetries"/>).</summary>
    public int MaxRetries => _options.MaxRetries;

    /// <summary>The wait before retry <paramref name="attempt"/>: exponential with jitter, or the server's Retry-After, capped.</summary>
    public TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        var cap = _options.MaxRetryDelay;
        if (retryAfter is { } wait)
        {
            return wait < cap ? wait : cap;
        }

        var ms = _options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt) * (1 + (Random.Shared.NextDouble() * 0.2));
        return TimeSpan.FromMilliseconds(Math.Min(ms, cap.TotalMilliseconds));
    }

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, string? query, HttpContent? content, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        using var request = new HttpRequestMessage(method, Url(path, query)) { Content = content };
        try
        {
            await AuthorizeAsync(request, cts.Token).ConfigureAwait(false);
            using var response = await _json.SendAsync(request, cts.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cts.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw Failure(response, body, method.Method, path);
            }

            try
            {
                using var document = JsonDocument.Parse(body);
                return document.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                throw new LlmRequestException(Redact($"Malformed response to {method} {path}: {ex.Message}"), null, null, false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new LlmRequestException(string.Create(CultureInfo.InvariantCulture,
                $"No response to {method} {path} within {timeout.TotalSeconds:0.###} s."), null, null, true);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw new LlmRequestException(Redact($"Connection failed for {method} {path}: {ex.Message}"), null, null, true);
        }
        catch (AuthenticationFailedException ex)
        {
            throw new LlmRequestException(Redact($"Entra ID sign-in failed: {ex.Message.Split('\n')[0]}"), null, null, false);
        }
    }

    private Uri Url(string path, string? query)
    {
        var parts = new List<string>();
        if (query is not null)
        {
            parts.Add(query);
        }

        if (_apiVersion is not null)
        {
            parts.Add("api-version=" + Uri.EscapeDataString(_apiVersion));
        }

        return new Uri(_root + path + (parts.Count > 0 ? "?" + string.Join('&', parts) : string.Empty));
    }

    private async Task AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_credential is not null)
        {
            var token = await _credential.GetTokenAsync(new TokenRequestContext([AzureScope]), cancellationToken).ConfigureAwait(false);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        }
        else if (IsAzure)
        {
            request.Headers.Add("api-key", _config.ApiKey);
        }
        else if (_config.HasApiKey)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _config.ApiKey);
        }
    }

    private LlmRequestException Failure(HttpResponseMessage response, string body, string method, string path)
    {
        var status = (int)response.StatusCode;
        string detail;
        try
        {
            using var json = JsonDocument.Parse(body);
            detail = json.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                ? Text(error, "message") ?? body
                : body;
        }
        catch (JsonException)
        {
            detail = body;
        }

        detail = string.Join(' ', detail.Split((char[])['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        if (detail.Length > 300)
        {
            detail = detail[..300] + "…";
        }

        var transient = status is 408 or 409 or 429 or >= 500;
        return new LlmRequestException(Redact(string.Create(CultureInfo.InvariantCulture, $"HTTP {status} for {method} {path}: {detail}")),
            status, RetryAfter(response), transient);
    }

    private static async Task<string> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return body.Length > 4096 ? body[..4096] : body;
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("retry-after-ms", out var ms)
            && double.TryParse(ms.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var millis) && millis >= 0)
        {
            return TimeSpan.FromMilliseconds(millis);
        }

        return response.Headers.TryGetValues("Retry-After", out var values) && values.FirstOrDefault() is { } value
            ? RetryAfterParser.Parse(value, DateTimeOffset.UtcNow)
            : null;
    }

    private string Redact(string text) => Secrets.Redact(text, _config.ApiKey);

    private static string Escape(string id) => Uri.EscapeDataString(id);

    private static RemoteFile ParseFile(JsonElement e) =>
        new(Text(e, "id") ?? throw Malformed("file"), Text(e, "filename"), Number(e, "bytes"), Text(e, "status"));

    private static RemoteBatch ParseBatch(JsonElement e)
    {
        var counts = e.TryGetProperty("request_counts", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        string? errors = null;
        if (e.TryGetProperty("errors", out var err) && err.ValueKind == JsonValueKind.Object && err.TryGetProperty("data", out var data)
            && data.ValueKind == JsonValueKind.Array)
        {
            errors = string.Join("; ", data.EnumerateArray().Select(d =>
                (Text(d, "message") ?? Text(d, "code") ?? "error") + (Number(d, "line") is > 0 and var line ? $" (line {line})" : string.Empty)));
        }

        return new RemoteBatch(
            Text(e, "id") ?? throw Malformed("batch"),
            (Text(e, "status") ?? "unknown").ToLowerInvariant(),
            Text(e, "input_file_id"),
            Text(e, "output_file_id"),
            Text(e, "error_file_id"),
            counts.ValueKind == JsonValueKind.Object ? (int)Number(counts, "completed") : 0,
            counts.ValueKind == JsonValueKind.Object ? (int)Number(counts, "failed") : 0,
            string.IsNullOrEmpty(errors) ? null : errors);
    }

    private static LlmRequestException Malformed(string what) => new($"Malformed {what} object: no id.", null, null, false);

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static long Number(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : 0;
}
