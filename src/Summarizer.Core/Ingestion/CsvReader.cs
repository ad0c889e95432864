using System.Text;

namespace Summarizer.Ingestion;

/// <summary>One CSV record and the line it starts on; <see cref="Fields"/> is null when the record was over the size
/// limit (its characters were skipped).</summary>
internal readonly record struct CsvRecord(int Line, List<string>? Fields);

/// <summary>A streaming RFC 4180 reader: quoted fields may hold delimiters, doubled quotes and line breaks. A record
/// over the size limit is skipped to its end and returned without fields, so the records after it are still read.</summary>
internal sealed class CsvReader(TextReader reader, char delimiter)
{
    private int _line = 1;

    /// <summary>Reads the next record, or null at the end; throws <see cref="LoadException"/> for a quoted field that
    /// is still open at the end of the input.</summary>
    public CsvRecord? Read(long maxChars, string source, CancellationToken ct)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var fieldLength = 0;
        long size = 0;
        var tooLong = false;
        var start = _line;
        var quoted = false;
        var any = false;
        var count = 0;
        while (true)
        {
            if ((++count & 0xFFFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            var next = reader.Read();
            if (next < 0)
            {
                if (quoted)
                {
                    throw new LoadException($"{source}:{start}: a quoted field is not closed before the end of the file");
                }

                return any ? EndRecord() : null;
            }

            var c = (char)next;
            any = true;
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        _line++;
                    }

                    Append(c);
                }

                continue;
            }

            if (c == '"' && fieldLength == 0)
            {
                quoted = true;
            }
            else if (c == delimiter)
            {
                EndField();
            }
            else if (c == '\r')
            {
                // Part of a CRLF line end.
            }
            else if (c == '\n')
            {
                _line++;
                if (fields.Count == 0 && fieldLength == 0 && !tooLong)
                {
                    start = _line;
                    any = false;
                    continue;
                }

                return EndRecord();
            }
            else
            {
                Append(c);
            }
        }

        void Append(char c)
        {
            fieldLength++;
            size++;
            if (tooLong)
            {
                return;
            }

            if (size > maxChars)
            {
                // Keep reading to the end of the record, holding nothing.
                tooLong = true;
                fields.Clear();
                field.Clear();
                return;
            }

            field.Append(c);
        }

        void EndField()
        {
            if (!tooLong)
            {
                fields.Add(field.ToString());
            }

            field.Clear();
            fieldLength = 0;
        }

        CsvRecord EndRecord()
        {
            EndField();
            return new CsvRecord(start, tooLong ? null : fields);
        }
    }
}

internal static class Sizes
{
    public static string Format(long bytes) => bytes switch
    {
        >= 1024 * 1024 => $"{bytes / (1024.0 * 1024):0.#} MB",
        >= 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes} bytes",
    };
}
