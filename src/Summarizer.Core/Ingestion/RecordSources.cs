using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Summarizer.Ingestion;

/// <summary>Streaming readers for many-article files. Each yields one item per record, so one bad record costs only
/// itself; a failure names the record as <c>file:LINE</c>. Parquet is read by <see cref="ParquetSource"/>.</summary>
internal static class RecordSources
{
    public static async IAsyncEnumerable<LoadItem> ReadJsonLinesAsync(
        Stream stream, string source, LoadContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        // A large buffer: each refill is an asynchronous read that hops threads, so fewer refills cost less.
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        await foreach (var item in ReadJsonLinesAsync(reader, null, 0, source, context, ct).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    /// <summary>JSONL from a reader; <paramref name="firstLine"/> is a line already read (line number
    /// <paramref name="firstLineNumber"/>), as when standard input was sniffed.</summary>
    public static async IAsyncEnumerable<LoadItem> ReadJsonLinesAsync(TextReader reader, string? firstLine,
        int firstLineNumber, string source, LoadContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var lineNumber = firstLine is null ? 0 : firstLineNumber - 1;
        var pending = firstLine;
        while ((pending ?? await reader.ReadLineAsync(ct).ConfigureAwait(false)) is { } line)
        {
            pending = null;
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var recordSource = $"{source}:{lineNumber}";
            yield return context.Guard(recordSource, () =>
            {
                if (Encoding.UTF8.GetByteCount(line) > context.Options.MaxBytes)
                {
                    throw new LoadException($"{recordSource}: the line is over the {Sizes.Format(context.Options.MaxBytes)} limit");
                }

                Dictionary<string, object?> record;
                try
                {
                    using var json = JsonDocument.Parse(line);
                    if (json.RootElement.ValueKind != JsonValueKind.Object)
                    {
                        throw new LoadException($"{recordSource}: expected a JSON object, found {json.RootElement.ValueKind.ToString().ToLowerInvariant()}");
                    }

                    record = json.RootElement.EnumerateObject()
                        .GroupBy(p => p.Name, StringComparer.Ordinal)
                        .ToDictionary(g => g.Key, g => RecordMapper.FromJson(g.Last().Value), StringComparer.Ordinal);
                }
                catch (JsonException ex)
                {
                    throw new LoadException($"{recordSource}: invalid JSON ({ex.Message})");
                }

                return RecordMapper.Map(record, context.Options, recordSource);
            });
        }
    }

    public static async IAsyncEnumerable<LoadItem> ReadCsvAsync(
        string text, string source, char delimiter, LoadContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        using var reader = new StringReader(text);
        await foreach (var item in ReadCsvAsync(reader, source, delimiter, context, ct).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    public static async IAsyncEnumerable<LoadItem> ReadCsvAsync(
        TextReader reader, string source, char delimiter, LoadContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        await Task.Yield();
        var csv = new CsvReader(reader, delimiter);
        var header = csv.Read(context.Options.MaxBytes, source, ct)
            ?? throw new LoadException($"{source}: empty, no header row");
        var names = header.Fields.Select(f => f.Trim()).ToList();
        while (true)
        {
            (int Line, List<string> Fields)? row;
            LoadFailure? failure = null;
            try
            {
                row = csv.Read(context.Options.MaxBytes, source, ct);
            }
            catch (LoadException ex)
            {
                // A broken quote ruins the rest of the file; report it once and stop.
                row = null;
                failure = new LoadFailure(source, ex.Message);
            }

            if (failure is not null)
            {
                yield return failure;
                yield break;
            }

            if (row is not { } r)
            {
                yield break;
            }

            var recordSource = $"{source}:{r.Line}";
            yield return context.Guard(recordSource, () =>
            {
                if (r.Fields.Count != names.Count)
                {
                    throw new LoadException($"{recordSource}: the row has {r.Fields.Count} fields, the header has {names.Count}");
                }

                var record = new Dictionary<string, object?>(StringComparer.Ordinal);
                for (var i = 0; i < names.Count; i++)
                {
                    record[names[i]] = r.Fields[i].Length == 0 ? null : r.Fields[i];
                }

                return RecordMapper.Map(record, context.Options, recordSource);
            });
        }
    }
}
