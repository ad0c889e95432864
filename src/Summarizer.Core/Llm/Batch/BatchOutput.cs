using System.Globalization;
using System.Text.Json;

namespace Summarizer.Llm.Batch;

/// <summary>The service's answer to one request: the call, or why it failed.</summary>
internal sealed record BatchAnswer(LlmCall? Call, string? Error);

/// <summary>
/// Reads downloaded output and error files: one JSON object per line with <c>custom_id</c>, <c>response</c>
/// (<c>status_code</c>, <c>body</c>: the chat completion) and <c>error</c> (<c>code</c>, <c>message</c>).
/// </summary>
internal static class BatchOutput
{
    /// <summary>Adds the answers in <paramref name="path"/> to <paramref name="answers"/>; a success is never replaced by an
    /// error. Returns how many lines could not be read.</summary>
    public static int Read(string path, Dictionary<string, BatchAnswer> answers, LlmSummarizer summarizer, string? apiKey)
    {
        var unreadable = 0;
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            string? id;
            BatchAnswer answer;
            try
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                id = Text(root, "custom_id");
                answer = Parse(root, summarizer, apiKey);
            }
            catch (JsonException)
            {
                unreadable++;
                continue;
            }

            if (id is null)
            {
                unreadable++;
                continue;
            }

            if (answer.Call is not null || !answers.TryGetValue(id, out var earlier) || earlier.Call is null)
            {
                answers[id] = answer;
            }
        }

        return unreadable;
    }

    private static BatchAnswer Parse(JsonElement root, LlmSummarizer summarizer, string? apiKey)
    {
        if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
        {
            var code = Text(error, "code");
            var said = Text(error, "message") ?? code ?? "the request failed";
            return new BatchAnswer(null, Secrets.Redact(code is null || said.Contains(code, StringComparison.Ordinal) ? said : $"{said} ({code})", apiKey));
        }

        if (!root.TryGetProperty("response", out var response) || response.ValueKind != JsonValueKind.Object)
        {
            return new BatchAnswer(null, "The batch returned neither a response nor an error for this request.");
        }

        var status = response.TryGetProperty("status_code", out var s) && s.TryGetInt32(out var code2) ? code2 : 0;
        var body = response.TryGetProperty("body", out var b) ? b : default;
        if (status != 200)
        {
            var detail = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object
                ? Text(e, "message")
                : null;
            return new BatchAnswer(null, Secrets.Redact(string.Create(CultureInfo.InvariantCulture, $"HTTP {status}: {detail ?? "the request failed"}"), apiKey));
        }

        string? text = null;
        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("choices", out var choices) && choices.ValueKind == JsonValueKind.Array
            && choices.GetArrayLength() > 0 && choices[0].TryGetProperty("message", out var message))
        {
            text = Text(message, "content");
        }

        // The same checks as a synchronous answer, with the same messages.
        if (string.IsNullOrWhiteSpace(text))
        {
            return new BatchAnswer(null, LlmSummarizer.EmptyAnswer);
        }

        if (text.Length > summarizer.Options.MaxResponseChars)
        {
            return new BatchAnswer(null, summarizer.TooLong().Message);
        }

        var usage = body.TryGetProperty("usage", out var u) && u.ValueKind == JsonValueKind.Object
            ? new TokenUsage(Number(u, "prompt_tokens"), Number(u, "completion_tokens"))
            : TokenUsage.None;
        return new BatchAnswer(new LlmCall(text, usage, false, Text(body, "model")), null);
    }

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static long Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : 0;
}
