using System.Text;

namespace Summarizer.Ingestion;

/// <summary>A streaming RFC 4180 reader: quoted fields may hold delimiters, doubled quotes and line breaks.</summary>
internal sealed class CsvReader(TextReader reader, char delimiter)
{
    private int _line = 1;

    /// <summary>Reads the next record and the line it starts on, or null at the end.</summary>
    public (int Line, List<string> Fields)? Read(long maxChars, string source, CancellationToken ct)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var start = _line;
        var quoted = false;
        var any = false;
        var buffer = new char[1];
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var read = reader.Read(buffer, 0, 1);
            if (read == 0)
            {
                if (quoted)
                {
                    throw new LoadException($"{source}:{start}: a quoted field is not closed before the end of the file");
                }

                if (!any)
                {
                    return null;
                }

                fields.Add(field.ToString());
                return (start, fields);
            }

            var c = buffer[0];
            any = true;
            if (field.Length > maxChars)
            {
                throw new LoadException($"{source}:{start}: the record is over the {Sizes.Format(maxChars)} limit");
            }

            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read(buffer, 0, 1);
                        field.Append('"');
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

                    field.Append(c);
                }

                continue;
            }

            if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == delimiter)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r')
            {
                // Part of a CRLF line end.
            }
            else if (c == '\n')
            {
                _line++;
                if (fields.Count == 0 && field.Length == 0)
                {
                    start = _line;
                    any = false;
                    continue;
                }

                fields.Add(field.ToString());
                return (start, fields);
            }
            else
            {
                field.Append(c);
            }
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
