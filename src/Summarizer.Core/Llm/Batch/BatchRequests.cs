using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Summarizer.Llm.Batch;

/// <summary>
/// The <c>custom_id</c> of each request: the article id, escaped, then the step. Letters, digits, <c>.</c>, <c>_</c>
/// and <c>-</c> stay as they are and every other UTF-8 byte becomes <c>%XX</c>, so the separators <c>@</c> and
/// <c>:</c> never occur inside an escaped id; an id longer than 40 characters once escaped keeps its first 24 and the
/// SHA-256 of the whole. A repeated id gets <c>@2</c>, <c>@3</c>... in input order. The step is <c>m{round}.{part}</c>
/// for a chunk summary and <c>f</c> for the final summary, so every id is stable, unique and short.
/// </summary>
internal static class BatchIds
{
    private const int MaxEscaped = 40;

    public static string Escape(string id)
    {
        var sb = new StringBuilder(id.Length);
        foreach (var b in Encoding.UTF8.GetBytes(id))
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'.' or (byte)'_' or (byte)'-')
            {
                sb.Append((char)b);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        if (sb.Length <= MaxEscaped)
        {
            return sb.ToString();
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..16];
        return sb.ToString(0, 24) + "~" + hash;
    }

    public static string Map(string article, int round, int part) =>
        string.Create(CultureInfo.InvariantCulture, $"{article}:m{round}.{part}");

    public static string Final(string article) => article + ":f";

    /// <summary>The <c>custom_id</c> of a request line.</summary>
    public static string Of(string line)
    {
        using var json = JsonDocument.Parse(line);
        return json.RootElement.GetProperty("custom_id").GetString()!;
    }

    /// <summary>Gives each article, in input order, its escaped id with the occurrence suffix when the id repeats.</summary>
    public sealed class Occurrences
    {
        private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

        public string Next(string articleId)
        {
            var n = _seen[articleId] = _seen.GetValueOrDefault(articleId) + 1;
            var escaped = Escape(articleId);
            return n == 1 ? escaped : string.Create(CultureInfo.InvariantCulture, $"{escaped}@{n}");
        }
    }
}

/// <summary>
/// One line of a batch file: <c>{"custom_id", "method": "POST", "url", "body"}</c>, the body being the chat request the
/// synchronous path sends (model or deployment, messages, temperature, <c>max_completion_tokens</c>).
/// </summary>
internal sealed class BatchLineWriter(string url, string model, LlmOptions options)
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public byte[] Line(string customId, IList<ChatMessage> messages)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("custom_id", customId);
            w.WriteString("method", "POST");
            w.WriteString("url", url);
            w.WriteStartObject("body");
            w.WriteString("model", model);
            w.WriteStartArray("messages");
            foreach (var m in messages)
            {
                w.WriteStartObject();
                w.WriteString("role", m.Role.Value);
                w.WriteString("content", m.Text);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (options.Temperature is { } temperature)
            {
                w.WriteNumber("temperature", temperature);
            }

            w.WriteNumber("max_completion_tokens", options.EffectiveMaxOutputTokens);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }
}

/// <summary>
/// Writes request lines into batch files of at most so many requests and bytes. An article's requests of one step
/// always share a file, so a file's answers complete its articles' steps.
/// </summary>
internal sealed class PartWriter(BatchStore store, BatchManifest manifest, int round, Func<int> nextNumber) : IDisposable
{
    private readonly List<BatchPart> _parts = [];
    private FileStream? _stream;
    private BatchPart? _current;

    /// <summary>Adds one article's requests for one step.</summary>
    /// <exception cref="UserInputException">They cannot fit one file even alone.</exception>
    public void Add(int inputIndex, string articleId, IReadOnlyList<byte[]> lines)
    {
        var bytes = lines.Sum(l => (long)l.Length);
        if (lines.Count > manifest.MaxRequestsPerFile || bytes > manifest.MaxBytesPerFile)
        {
            throw new UserInputException(string.Create(CultureInfo.InvariantCulture,
                $"Article '{articleId}' needs {lines.Count} requests of {bytes} bytes, more than one batch file may hold ({manifest.MaxRequestsPerFile} requests, {manifest.MaxBytesPerFile} bytes)."));
        }

        if (_current is not null && (_current.Requests + lines.Count > manifest.MaxRequestsPerFile || _current.Bytes + bytes > manifest.MaxBytesPerFile))
        {
            Close();
        }

        if (_current is null)
        {
            var number = nextNumber();
            _current = new BatchPart
            {
                Number = number,
                Round = round,
                File = string.Create(CultureInfo.InvariantCulture, $"part-{number:D4}.jsonl"),
                Step = PartStep.Written,
                FirstInput = round == 1 ? inputIndex : -1,
            };
            Directory.CreateDirectory(store.JobFolder(manifest.Id));
            _stream = new FileStream(TempPath(_current), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        }

        foreach (var line in lines)
        {
            _stream!.Write(line);
        }

        _current.Requests += lines.Count;
        _current.Bytes += bytes;
        if (round == 1)
        {
            _current.LastInput = inputIndex;
        }
    }

    /// <summary>The files written, complete and in place; they still have to be added to the manifest.</summary>
    public IReadOnlyList<BatchPart> Finish()
    {
        Close();
        return _parts;
    }

    public void Dispose()
    {
        if (_stream is not null && _current is not null)
        {
            _stream.Dispose();
            File.Delete(TempPath(_current));
        }
    }

    private string TempPath(BatchPart part) => store.PathOf(manifest.Id, part.File) + ".tmp";

    private void Close()
    {
        if (_current is null)
        {
            return;
        }

        _stream!.Flush(flushToDisk: true);
        _stream.Dispose();
        _stream = null;
        File.Move(TempPath(_current), store.PathOf(manifest.Id, _current.File), overwrite: true);
        _parts.Add(_current);
        _current = null;
    }
}
