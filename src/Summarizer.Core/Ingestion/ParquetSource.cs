using System.Runtime.CompilerServices;
using Parquet;
using Parquet.Schema;

namespace Summarizer.Ingestion;

/// <summary>
/// Parquet records, one article a row; a failure names the row as <c>file:ROW</c>. A class of its own so that runs
/// reading no Parquet never load the Parquet library.
/// </summary>
internal static class ParquetSource
{
    // Not inlined: an inlined call would load Parquet with the caller.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static async IAsyncEnumerable<LoadItem> ReadAsync(
        Stream stream, string source, LoadContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var parquet = await ParquetReader.CreateAsync(stream, cancellationToken: ct).ConfigureAwait(false);
        var options = context.Options;
        var wanted = new[] { options.IdField, options.TitleField, options.DateField, options.PlaceField, options.BylineField, options.LanguageField }
            .Concat(options.TextFields)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        var fields = parquet.Schema.GetDataFields().Where(f => wanted.Contains(f.Name)).ToList();
        if (!options.TextFields.Any(t => fields.Any(f => f.Name == t)))
        {
            var looked = string.Join(", ", options.TextFields.Select(f => $"'{f}'"));
            throw new LoadException($"{source}: no text column (looked for {looked}; the file has {string.Join(", ", parquet.Schema.GetDataFields().Select(f => $"'{f.Name}'"))})");
        }

        var row = 0;
        for (var g = 0; g < parquet.RowGroupCount; g++)
        {
            using var group = parquet.OpenRowGroupReader(g);
            var count = checked((int)group.RowCount);
            var columns = new Dictionary<string, object?[]>(StringComparer.Ordinal);
            foreach (var field in fields)
            {
                columns[field.Name] = await ReadColumnAsync(group, field, count, ct).ConfigureAwait(false);
            }

            for (var i = 0; i < count; i++)
            {
                row++;
                var recordSource = $"{source}:{row}";
                var record = columns.ToDictionary(c => c.Key, c => c.Value[i], StringComparer.Ordinal);
                yield return context.Guard(recordSource, () =>
                {
                    var size = record.Values.OfType<string>().Sum(s => (long)s.Length);
                    if (size > options.MaxBytes)
                    {
                        throw new LoadException($"{recordSource}: the row is over the {Sizes.Format(options.MaxBytes)} limit");
                    }

                    return RecordMapper.Map(record, options, recordSource);
                });
            }
        }
    }

    private static async Task<object?[]> ReadColumnAsync(ParquetRowGroupReader group, DataField field, int count, CancellationToken ct)
    {
        var type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
        {
            var values = new string?[count];
            await group.ReadAsync(field, values.AsMemory(), null, ct).ConfigureAwait(false);
            return values;
        }

        if (type == typeof(long))
        {
            return await ReadValuesAsync<long>(group, field, count, ct).ConfigureAwait(false);
        }

        if (type == typeof(int))
        {
            return await ReadValuesAsync<int>(group, field, count, ct).ConfigureAwait(false);
        }

        if (type == typeof(DateTime))
        {
            return await ReadValuesAsync<DateTime>(group, field, count, ct).ConfigureAwait(false);
        }

        if (type == typeof(DateTimeOffset))
        {
            return await ReadValuesAsync<DateTimeOffset>(group, field, count, ct).ConfigureAwait(false);
        }

        throw new LoadException($"column '{field.Name}' has type {type.Name}, which is not read as article text or metadata");
    }

    private static async Task<object?[]> ReadValuesAsync<T>(ParquetRowGroupReader group, DataField field, int count, CancellationToken ct)
        where T : struct
    {
        var values = new T?[count];
        await group.ReadAsync(field, values.AsMemory(), null, ct).ConfigureAwait(false);
        return values.Select(v => v.HasValue ? (object?)v.Value : null).ToArray();
    }
}
