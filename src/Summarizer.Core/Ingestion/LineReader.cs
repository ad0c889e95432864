using System.Text;

namespace Summarizer.Ingestion;

/// <summary>One line read by <see cref="LineReader"/>: its number, and its text unless it was too long.</summary>
/// <param name="Number">1-based line number.</param>
/// <param name="Text">The line without its end, or null when it was over the limit (its characters were skipped).</param>
internal readonly record struct LineRead(int Number, string? Text)
{
    public bool TooLong => Text is null;
}

/// <summary>
/// Reads lines (ended by <c>\n</c>, <c>\r\n</c> or <c>\r</c>) without ever holding more than a limit: the rest of a
/// longer line is skipped up to its end, so the lines after it are still read.
/// </summary>
internal sealed class LineReader(TextReader reader, long maxChars)
{
    private readonly char[] _buffer = new char[16 * 1024];
    private int _position;
    private int _length;
    private bool _skipLineFeed;
    private int _number;

    /// <summary>The next line, or null at the end of the input.</summary>
    public async ValueTask<LineRead?> ReadAsync(CancellationToken ct)
    {
        StringBuilder? text = null;
        long length = 0;
        var any = false;
        while (true)
        {
            if (_position == _length)
            {
                _length = await reader.ReadAsync(_buffer.AsMemory(), ct).ConfigureAwait(false);
                _position = 0;
                if (_length == 0)
                {
                    return any ? End() : null;
                }
            }

            if (_skipLineFeed)
            {
                // The second half of a \r\n split across two reads.
                _skipLineFeed = false;
                if (_buffer[_position] == '\n')
                {
                    _position++;
                    continue;
                }
            }

            any = true;
            var span = _buffer.AsSpan(_position, _length - _position);
            var end = span.IndexOfAny('\r', '\n');
            var take = end < 0 ? span.Length : end;
            if (length + take <= maxChars)
            {
                (text ??= new StringBuilder()).Append(span[..take]);
            }
            else
            {
                text = null;
            }

            length += take;
            _position += take;
            if (end >= 0)
            {
                _position++;
                if (span[end] == '\r')
                {
                    if (_position < _length)
                    {
                        _position += _buffer[_position] == '\n' ? 1 : 0;
                    }
                    else
                    {
                        _skipLineFeed = true;
                    }
                }

                return End();
            }
        }

        LineRead End()
        {
            _number++;
            return new LineRead(_number, length > maxChars ? null : text?.ToString() ?? "");
        }
    }
}
