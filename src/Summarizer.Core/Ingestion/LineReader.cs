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
    private readonly StringBuilder _text = new();
    private int _position;
    private int _length;
    private bool _skipLineFeed;
    private int _number;
    private long _lineLength;
    private bool _inLine;

    /// <summary>The next line, or null at the end of the input.</summary>
    public async ValueTask<LineRead?> ReadAsync(CancellationToken ct)
    {
        LineRead line;
        while (!TryTake(out line))
        {
            _length = await reader.ReadAsync(_buffer.AsMemory(), ct).ConfigureAwait(false);
            _position = 0;
            if (_length == 0)
            {
                return _inLine ? EndLine() : null;
            }
        }

        return line;
    }

    /// <summary>The next line, or null at the end of the input.</summary>
    public LineRead? Read()
    {
        LineRead line;
        while (!TryTake(out line))
        {
            _length = reader.Read(_buffer, 0, _buffer.Length);
            _position = 0;
            if (_length == 0)
            {
                return _inLine ? EndLine() : null;
            }
        }

        return line;
    }

    /// <summary>Takes characters from the buffer; true with the line when one ended in it.</summary>
    private bool TryTake(out LineRead line)
    {
        line = default;
        if (_position == _length)
        {
            return false;
        }

        if (_skipLineFeed)
        {
            // The second half of a \r\n split across two reads.
            _skipLineFeed = false;
            if (_buffer[_position] == '\n' && ++_position == _length)
            {
                return false;
            }
        }

        _inLine = true;
        var span = _buffer.AsSpan(_position, _length - _position);
        var end = span.IndexOfAny('\r', '\n');
        var take = end < 0 ? span.Length : end;
        _lineLength += take;
        if (_lineLength <= maxChars)
        {
            _text.Append(span[..take]);
        }
        else
        {
            _text.Clear();
        }

        _position += take;
        if (end < 0)
        {
            return false;
        }

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

        line = EndLine();
        return true;
    }

    private LineRead EndLine()
    {
        _number++;
        var line = new LineRead(_number, _lineLength > maxChars ? null : _text.ToString());
        _text.Clear();
        _lineLength = 0;
        _inLine = false;
        return line;
    }
}
