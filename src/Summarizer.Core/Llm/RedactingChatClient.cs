using System.ClientModel;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Summarizer.Llm;

/// <summary>
/// Wraps an SDK chat client: reports the configured provider as metadata and turns SDK errors into
/// <see cref="LlmRequestException"/> with keys removed (the SDK's messages can quote request details).
/// </summary>
internal sealed class RedactingChatClient(IChatClient inner, ChatClientMetadata metadata, string? apiKey) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (Translate(ex, apiKey) is { } translated)
        {
            throw translated;
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages,
        ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var enumerator = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (enumerator.ConfigureAwait(false))
        {
            while (true)
            {
                try
                {
                    if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }
                }
                catch (Exception ex) when (Translate(ex, apiKey) is { } translated)
                {
                    throw translated;
                }

                yield return enumerator.Current;
            }
        }
    }

    public override object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(ChatClientMetadata) ? metadata : base.GetService(serviceType, serviceKey);

    /// <summary>The SDK error as an <see cref="LlmRequestException"/>, or null to let it pass (cancellation).</summary>
    internal static LlmRequestException? Translate(Exception ex, string? apiKey)
    {
        switch (ex)
        {
            case OperationCanceledException:
            case LlmRequestException:
                return null;
            case ClientResultException cre:
                var status = cre.Status == 0 ? (int?)null : cre.Status;
                var transient = status is null or 408 or 409 or 429 or >= 500;
                var prefix = $"HTTP {status?.ToString(CultureInfo.InvariantCulture) ?? "error"}";
                var detail = Collapse(cre.Message);
                return new LlmRequestException(
                    Secrets.Redact(detail.StartsWith(prefix, StringComparison.Ordinal) ? detail : $"{prefix}: {detail}", apiKey),
                    status, RetryAfter(cre), transient);
            case JsonException or FormatException or InvalidOperationException or KeyNotFoundException:
                return new LlmRequestException(Secrets.Redact($"Malformed response: {FirstLine(ex.Message)}", apiKey), null, null, false);
            case HttpRequestException or IOException:
                return new LlmRequestException(Secrets.Redact($"Connection failed: {FirstLine(ex.Message)}", apiKey), null, null, true);
            case AggregateException agg when agg.InnerExceptions.Count > 0:
                return Translate(agg.InnerExceptions[^1], apiKey);
            default:
                return new LlmRequestException(Secrets.Redact($"{ex.GetType().Name}: {FirstLine(ex.Message)}", apiKey), null, null, false);
        }
    }

    private static string Collapse(string message)
    {
        var text = string.Join(' ', message.Split((char[])['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return text.Length > 400 ? text[..400] + "…" : text;
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length > 300 ? line[..300] + "…" : line;
    }

    private static TimeSpan? RetryAfter(ClientResultException ex)
    {
        var response = ex.GetRawResponse();
        if (response is null)
        {
            return null;
        }

        if (response.Headers.TryGetValue("retry-after-ms", out var ms)
            && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var millis) && millis >= 0)
        {
            return TimeSpan.FromMilliseconds(millis);
        }

        if (response.Headers.TryGetValue("Retry-After", out var value) && value is not null)
        {
            return RetryAfterParser.Parse(value, DateTimeOffset.UtcNow);
        }

        return null;
    }
}

/// <summary>Reads a <c>Retry-After</c> header: delta seconds or an HTTP date.</summary>
internal static class RetryAfterParser
{
    public static TimeSpan? Parse(string value, DateTimeOffset now)
    {
        var v = value.Trim();
        if (double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds >= 0 ? TimeSpan.FromSeconds(seconds) : null;
        }

        if (DateTimeOffset.TryParseExact(v, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
