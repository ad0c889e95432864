using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Summarizer.Sharding;

/// <summary>
/// Joins the JSONL outputs of shard runs into one: every line once, unchanged, ordered by <c>source</c> (the path, then
/// the line number of a <c>file.jsonl:12</c> source, as a number) and then <c>id</c>, ties in the order the parts and
/// their lines were given. That is the input order of a run over one JSONL or CSV file, or over a folder (read in path
/// order), so the merged file reads like the output of one run; rows without a source (entity mentions) sort by id.
/// Memory holds each row's sort key and place, not its text, so parts larger than memory merge.
/// </summary>
public static class ShardMerge
{
    /// <summary>Writes the rows of <paramref name="parts"/> to <paramref name="output"/> in merged order, one a line;
    /// returns how many.</summary>
    /// <exception cref="UserInputException">A part is missing, or a line is not a JSON object (named by file and line).</exception>
    public static async Task<int> MergeAsync(IReadOnlyList<string> parts, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(output);
        var rows = new List<Row>();
        for (var f = 0; f < parts.Count; f++)
        {
            if (!File.Exists(parts[f]))
            {
                throw new UserInputException($"{parts[f]}: no such file.");
            }

            await ScanAsync(parts[f], f, rows, cancellationToken).ConfigureAwait(false);
        }

        rows.Sort();
        var streams = parts.Select(p => new FileStream(p, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 12, FileOptions.RandomAccess)).ToArray();
        try
        {
            var buffer = new byte[1 << 16];
            foreach (var row in rows)
            {
                if (buffer.Length < row.Length)
                {
                    buffer = new byte[row.Length];
                }

                var stream = streams[row.File];
                stream.Position = row.Offset;
                await stream.ReadExactlyAsync(buffer.AsMemory(0, row.Length), cancellationToken).ConfigureAwait(false);
                await output.WriteAsync(Encoding.UTF8.GetString(buffer, 0, row.Length).AsMemory(), cancellationToken).ConfigureAwait(false);
                await output.WriteAsync('\n').ConfigureAwait(false);
            }
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return rows.Count;
    }

    private static async Task ScanAsync(string path, int file, List<Row> rows, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var buffer = new byte[1 << 16];
        var line = new MemoryStream();
        long lineStart = 0, position = 0;
        var number = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            var start = 0;
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != (byte)'\n')
                {
                    continue;
                }

                line.Write(buffer, start, i - start);
                Add(path, file, ++number, lineStart, line, rows);
                lineStart = position + i + 1;
                start = i + 1;
                line.SetLength(0);
            }

            line.Write(buffer, start, read - start);
            position += read;
        }

        Add(path, file, ++number, lineStart, line, rows);
    }

    private static void Add(string path, int file, int number, long offset, MemoryStream line, List<Row> rows)
    {
        var bytes = line.GetBuffer().AsSpan(0, (int)line.Length);
        if (bytes.Length > 0 && bytes[^1] == (byte)'\r')
        {
            bytes = bytes[..^1];
        }

        if (bytes.Trim(" \t"u8).IsEmpty)
        {
            return;
        }

        string? source = null, id = null;
        try
        {
            var reader = new Utf8JsonReader(bytes);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException("not an object");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                if (reader.TokenType == JsonTokenType.String && name is "source" or "id")
                {
                    (name == "source" ? ref source : ref id) = reader.GetString();
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        catch (JsonException ex)
        {
            throw new UserInputException(string.Create(CultureInfo.InvariantCulture, $"{path}:{number}: not a JSON object ({ex.Message})."));
        }

        var (sourcePath, sourceLine) = Split(source);
        rows.Add(new Row(sourcePath, sourceLine, id ?? string.Empty, file, offset, bytes.Length));
    }

    // "file.jsonl:12" sorts as ("file.jsonl", 12); any other source as itself with no line.
    private static (string Path, long Line) Split(string? source)
    {
        if (source is null)
        {
            return (string.Empty, -1);
        }

        var colon = source.LastIndexOf(':');
        return colon > 0 && colon < source.Length - 1 && long.TryParse(source.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var line)
            ? (source[..colon], line)
            : (source, -1);
    }

    private readonly record struct Row(string Path, long Line, string Id, int File, long Offset, int Length) : IComparable<Row>
    {
        public int CompareTo(Row other)
        {
            var c = string.CompareOrdinal(Path, other.Path);
            if (c == 0)
            {
                c = Line.CompareTo(other.Line);
            }

            if (c == 0)
            {
                c = string.CompareOrdinal(Id, other.Id);
            }

            if (c == 0)
            {
                c = File.CompareTo(other.File);
            }

            return c != 0 ? c : Offset.CompareTo(other.Offset);
        }
    }
}
