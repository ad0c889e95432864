using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Summarizer.Core.Tests.Llm;

/// <summary>One request as the server saw it.</summary>
internal sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, JsonNode? Body, DateTime ReceivedUtc)
{
    public string? Model => Body?["model"]?.GetValue<string>();

    public bool Stream => Body?["stream"]?.GetValue<bool>() ?? false;

    public int? MaxTokens => (Body?["max_completion_tokens"] ?? Body?["max_tokens"])?.GetValue<int>();

    public double? Temperature => Body?["temperature"]?.GetValue<double>();

    public IReadOnlyList<(string Role, string Content)> Messages =>
        Body?["messages"]?.AsArray().Select(m => (m!["role"]!.GetValue<string>(), ContentOf(m!["content"]))).ToArray() ?? [];

    public string UserText => string.Join("\n", Messages.Where(m => m.Role == "user").Select(m => m.Content));

    private static string ContentOf(JsonNode? content) => content switch
    {
        JsonValue v => v.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(p => p?["text"]?.GetValue<string>() ?? string.Empty)),
        _ => string.Empty,
    };
}

/// <summary>What the server does with one request.</summary>
internal abstract record Reply
{
    /// <summary>Wait this long before answering.</summary>
    public TimeSpan Delay { get; init; }

    public static Reply Text(string text, int promptTokens = 11, int completionTokens = 7) => new JsonReply(text, promptTokens, completionTokens);

    public static Reply Stream(params string[] pieces) => new StreamReply(pieces, null, false);

    public static Reply Status(int status, string? retryAfter = null, string? body = null) => new StatusReply(status, retryAfter, body);

    public static Reply Malformed() => new MalformedReply();

    /// <summary>Streams <paramref name="pieces"/>, then drops the connection (abort) or ends without finishing.</summary>
    public static Reply CutStream(string[] pieces, bool abort) => new StreamReply(pieces, pieces.Length, abort);

    /// <summary>Streams <paramref name="piece"/> every <paramref name="interval"/> and never finishes.</summary>
    public static Reply Endless(string piece, TimeSpan interval) => new EndlessReply(piece, interval);
}

internal sealed record EndlessReply(string Piece, TimeSpan Interval) : Reply;

internal sealed record JsonReply(string Content, int PromptTokens, int CompletionTokens) : Reply;

internal sealed record StreamReply(string[] Pieces, int? CutAfter, bool Abort) : Reply;

internal sealed record StatusReply(int Code, string? RetryAfter, string? Body) : Reply;

internal sealed record MalformedReply : Reply;

/// <summary>
/// A real HTTP server on 127.0.0.1 speaking the chat-completions wire protocol of OpenAI (<c>/v1/chat/completions</c>)
/// and Azure OpenAI (<c>/openai/deployments/{d}/chat/completions?api-version=</c>): JSON and SSE streaming, plus
/// scripted failures (429 with Retry-After, 500, slow answers, malformed JSON, cut streams).
/// </summary>
internal sealed class LoopbackChatServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<Reply> _script = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _inFlight;
    private int _maxInFlight;

    public LoopbackChatServer()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
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

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Added to every answer (for batch measurements).</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>The answer when the script is empty. Default: the first sentence after "Article:" or "Part:".</summary>
    public Func<RecordedRequest, Reply> Default { get; set; } = r => Reply.Text(FirstSentence(r.UserText));

    /// <summary>Most requests handled at the same time.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public void Enqueue(params Reply[] replies)
    {
        foreach (var r in replies)
        {
            _script.Enqueue(r);
        }
    }

    public static string FirstSentence(string userText)
    {
        var marker = userText.LastIndexOf("Article:\n", StringComparison.Ordinal);
        var start = marker >= 0 ? marker + 9 : Math.Max(0, userText.LastIndexOf("Part:\n", StringComparison.Ordinal) + 6);
        var body = userText[start..].Trim();
        var end = body.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? body[..(end + 1)] : body;
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

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
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
        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
        }

        var response = context.Response;
        try
        {
            var request = context.Request;
            string bodyText;
            using (var reader = new StreamReader(request.InputStream, Encoding.UTF8))
            {
                bodyText = await reader.ReadToEndAsync();
            }

            var headers = request.Headers.AllKeys.Where(k => k is not null)
                .ToDictionary(k => k!, k => request.Headers[k] ?? string.Empty, StringComparer.OrdinalIgnoreCase);
            JsonNode? body = null;
            try
            {
                body = bodyText.Length > 0 ? JsonNode.Parse(bodyText) : null;
            }
            catch (JsonException)
            {
            }

            var path = request.Url!.AbsolutePath;
            var recorded = new RecordedRequest(request.HttpMethod, path, request.Url.Query, headers, body, DateTime.UtcNow);
            Requests.Enqueue(recorded);

            var isOpenAI = path == "/v1/chat/completions";
            var isAzure = path.StartsWith("/openai/deployments/", StringComparison.Ordinal) && path.EndsWith("/chat/completions", StringComparison.Ordinal)
                && request.QueryString["api-version"] is { Length: > 0 };
            if (request.HttpMethod != "POST" || !(isOpenAI || isAzure))
            {
                await WriteStatusAsync(response, 404, null, """{"error":{"message":"Not found","type":"invalid_request_error"}}""");
                return;
            }

            var reply = _script.TryDequeue(out var scripted) ? scripted : Default(recorded);
            var wait = reply.Delay + Latency;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _stop.Token);
            }

            var model = recorded.Model ?? (isAzure ? path.Split('/')[3] : "unknown");
            switch (reply)
            {
                case StatusReply s:
                    await WriteStatusAsync(response, s.Code, s.RetryAfter,
                        s.Body ?? $$$"""{"error":{"message":"Scripted failure {{{s.Code}}}","type":"server_error"}}""");
                    break;
                case MalformedReply:
                    await WriteBodyAsync(response, 200, "application/json", """{"id":"chatcmpl-x","choices":[{"index":0,"message":{"role":"assistant","content":"trunc""");
                    break;
                case JsonReply j when !recorded.Stream:
                    await WriteBodyAsync(response, 200, "application/json", Completion(model, j.Content, j.PromptTokens, j.CompletionTokens));
                    break;
                case JsonReply j:
                    await WriteStreamAsync(response, model, Split(j.Content), null, false, j.PromptTokens, j.CompletionTokens);
                    break;
                case StreamReply st:
                    await WriteStreamAsync(response, model, st.Pieces, st.CutAfter, st.Abort, 11, st.Pieces.Length);
                    break;
                case EndlessReply endless:
                    response.StatusCode = 200;
                    response.ContentType = "text/event-stream";
                    response.SendChunked = true;
                    while (true)
                    {
                        // Ends when the client goes away (an IOException) or the server stops.
                        await WriteEventAsync(response.OutputStream, Chunk(model, endless.Piece, null));
                        await Task.Delay(endless.Interval, _stop.Token);
                    }
            }
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // The client went away (timeout, cancellation); nothing to answer.
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private static string[] Split(string content)
    {
        var words = content.Split(' ');
        return words.Select((w, i) => i == 0 ? w : " " + w).ToArray();
    }

    private static string Completion(string model, string content, int prompt, int completion) => JsonSerializer.Serialize(new
    {
        id = "chatcmpl-loopback",
        @object = "chat.completion",
        created = 1_700_000_000,
        model,
        choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
        usage = new { prompt_tokens = prompt, completion_tokens = completion, total_tokens = prompt + completion },
    });

    private static string Chunk(string model, string? content, string? finish) => JsonSerializer.Serialize(new
    {
        id = "chatcmpl-loopback",
        @object = "chat.completion.chunk",
        created = 1_700_000_000,
        model,
        choices = new[]
        {
            new { index = 0, delta = content is null ? (object)new { } : new { role = "assistant", content }, finish_reason = finish },
        },
    });

    private static async Task WriteStreamAsync(HttpListenerResponse response, string model, string[] pieces, int? cutAfter, bool abort,
        int prompt, int completion)
    {
        response.StatusCode = 200;
        response.ContentType = "text/event-stream";
        response.SendChunked = true;
        var output = response.OutputStream;
        for (var i = 0; i < pieces.Length; i++)
        {
            await WriteEventAsync(output, Chunk(model, pieces[i], null));
        }

        if (cutAfter is not null)
        {
            if (abort)
            {
                response.Abort();
                return;
            }

            response.Close();
            return;
        }

        await WriteEventAsync(output, Chunk(model, null, "stop"));
        await WriteEventAsync(output, JsonSerializer.Serialize(new
        {
            id = "chatcmpl-loopback",
            @object = "chat.completion.chunk",
            created = 1_700_000_000,
            model,
            choices = Array.Empty<object>(),
            usage = new { prompt_tokens = prompt, completion_tokens = completion, total_tokens = prompt + completion },
        }));
        await WriteEventAsync(output, "[DONE]");
        response.Close();
    }

    private static async Task WriteEventAsync(Stream output, string data)
    {
        var bytes = Encoding.UTF8.GetBytes("data: " + data + "\n\n");
        await output.WriteAsync(bytes);
        await output.FlushAsync();
    }

    private static async Task WriteStatusAsync(HttpListenerResponse response, int status, string? retryAfter, string body)
    {
        if (retryAfter is not null)
        {
            response.AddHeader("Retry-After", retryAfter);
        }

        await WriteBodyAsync(response, status, "application/json", body);
    }

    private static async Task WriteBodyAsync(HttpListenerResponse response, int status, string contentType, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }
}
