using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Summarizer.Ingestion;

/// <summary>Streaming readers for many-article files. Each yields one item per record, so one bad record costs only
/// itself; a failure names the record as <c>file:LINE</c> (CSV, JSONL). Parquet is read by <see cref="ParquetSource"/>.</summary>
internal static class RecordSources
{
    public static async IAsyncEnumerable<LoadItem> ReadJsonLinesAsync(
        Stream stream, string source, LoadContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        // A large buffer: each refill is an asynchronous read that hops threads, so fewer refills cost less.
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        await foreach (var item in ReadJsonLinesAsync(new LineReader(reader, context.Options.MaxBytes), null, source, context, ct).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    /// <summary>JSONL from <paramref name="lines"/>; <paramref name="first"/> is a line already read from it, as when
    /// standard input was sniffed. A line over <see cref="LoadOptions.MaxBytes"/> is skipped unread and reported.</summary>
    public static async IAsyncEnumerable<LoadItem> ReadJsonLinesAsync(LineReader lines, LineRead? first, string source,
        LoadContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var max = context.Options.MaxBytes;
        var pending = first;
        while ((pending ?? await lines.ReadAsync(ct).ConfigureAwait(false)) is { } line)
        {
            pending = null;
            var recordSource = $"{source}:{line.Number}";
            // A UTF-16 unit is at most three UTF-8 bytes: only a line that could be over the limit is counted.
            if (line.Text is not { } text || (text.Length > max / 3 && Encoding.UTF8.GetByteCount(text) > max))
            {
                yield return new LoadFailure(recordSource, $"{recordSource}: the line is over the {Sizes.Format(max)} limit (LoadOptions.MaxBytes)");
                continue;
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            yield return context.Guard(recordSource, () =>
            {
                Dictionary<string, object?> record;
                try
                {
                    using var json = JsonDocument.Parse(text);
                    if (json.RootElement.ValueKind != JsonValueKind.Object)
                    {
                        throw new LoadException($"{recordSource}: expected a JSON object, found {json.RootElement.ValueKind.ToString().ToLowerInvariant()}");
                    }

                    // A repeated field keeps its first place and its last value.
                    record = new Dictionary<string, object?>(StringComparer.Ordinal);
                    foreach (var property in json.RootElement.EnumerateObject())
                    {
                        record[property.Name] = RecordMapper.FromJson(property.Value);
                    }
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
        var max = context.Options.MaxBytes;
        var csv = new CsvReader(reader, delimiter);
        var header = csv.Read(max, source, ct) ?? throw new LoadException($"{source}: empty, no header row");
        var names = header.Fields?.Select(f => f.Trim()).ToList()
            ?? throw new LoadException($"{source}:{header.Line}: the header row is over the {Sizes.Format(max)} limit (LoadOptions.MaxBytes)");
        while (true)
        {
            CsvRecord? row;
            LoadFailure? failure = null;
            try
            {
                row = csv.Read(max, source, ct);
            }
            catch (LoadException ex)
            {
                // An unclosed quote runs to the end of the file; report it once and stop.
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
            if (r.Fields is not { } fields)
            {
                yield return new LoadFailure(recordSource, $"{recordSource}: the record is over the {Sizes.Format(max)} limit (LoadOptions.MaxBytes)");
                continue;
            }

            yield return context.Guard(recordSource, () =>
            {
                if (fields.Count != names.Count)
                {
                    throw new LoadException($"{recordSource}: the row has {fields.Count} fields, the header has {names.Count}");
                }

                var record = new Dictionary<string, object?>(StringComparer.Ordinal);
                for (var i = 0; i < names.Count; i++)
                {
                    record[names[i]] = fields[i].Length == 0 ? null : fields[i];
                }

                return RecordMapper.Map(record, context.Options, recordSource);
            });
        }
    }
}
