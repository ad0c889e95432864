using System.Text;
using UtfUnknown;

namespace Summarizer.Ingestion;

/// <summary>
/// Turns bytes into text: a byte-order mark wins; without one, UTF-16 is recognised by its zero bytes, valid UTF-8 is
/// taken as UTF-8, and anything else goes to a charset detector (Windows-1252 when it is unsure).
/// </summary>
internal static class TextDecoder
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Windows-1252, the usual encoding of Western text saved without Unicode.</summary>
    public static Encoding Windows1252 { get; } = GetWindows1252();

    /// <summary>Decodes <paramref name="bytes"/>; throws <see cref="LoadException"/> naming <paramref name="source"/>
    /// for binary or undecodable content.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string source, Encoding? declared = null)
    {
        var (encoding, skip) = DetectEncoding(bytes, source, declared);
        string text;
        try
        {
            text = encoding.GetString(bytes[skip..]);
        }
        catch (DecoderFallbackException ex)
        {
            throw new LoadException($"{source}: cannot be decoded as {encoding.WebName} ({ex.Message})");
        }

        CheckIsText(text, source);
        return text;
    }

    /// <summary>The encoding of <paramref name="bytes"/> and the length of its byte-order mark.
    /// <paramref name="isPrefix"/> says the bytes are the head of a longer input, so a character cut off at their end
    /// is not held against UTF-8.</summary>
    public static (Encoding Encoding, int BomLength) DetectEncoding(ReadOnlySpan<byte> bytes, string source, Encoding? declared = null,
        bool isPrefix = false)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (StrictUtf8, 3);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return (new UTF32Encoding(false, false, true), 4);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (new UnicodeEncoding(false, false, true), 2);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (new UnicodeEncoding(true, false, true), 2);
        }

        if (declared is not null)
        {
            return (declared, 0);
        }

        if (LooksLikeUtf16(bytes, out var bigEndian))
        {
            return (new UnicodeEncoding(bigEndian, false, true), 0);
        }

        if (bytes.Contains((byte)0))
        {
            throw new LoadException($"{source}: binary content (contains NUL bytes), not text");
        }

        if (IsValidUtf8(isPrefix ? WithoutCutCharacter(bytes) : bytes))
        {
            return (StrictUtf8, 0);
        }

        return (DetectLegacy(bytes), 0);
    }

    /// <summary>Rejects text that is mostly control characters or replacement marks.</summary>
    public static void CheckIsText(string text, string source)
    {
        var bad = 0;
        var replacement = 0;
        foreach (var c in text)
        {
            if (c == '\uFFFD')
            {
                replacement++;
            }
            else if (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f' or '\v'))
            {
                bad++;
            }
        }

        // A few stray characters happen in real files; a binary file has many.
        if (bad > 0 && (bad > 8 || bad * 100 > text.Length))
        {
            throw new LoadException($"{source}: binary content ({bad} control characters), not text");
        }

        if (replacement > 0 && (replacement > 8 || replacement * 100 > text.Length))
        {
            throw new LoadException($"{source}: cannot be decoded as text ({replacement} undecodable characters)");
        }
    }

    private static bool IsValidUtf8(ReadOnlySpan<byte> bytes) => System.Text.Unicode.Utf8.IsValid(bytes);

    // Drops a multi-byte UTF-8 sequence that starts within the last three bytes but does not fit in them.
    private static ReadOnlySpan<byte> WithoutCutCharacter(ReadOnlySpan<byte> bytes)
    {
        for (var back = 1; back <= Math.Min(3, bytes.Length); back++)
        {
            var b = bytes[^back];
            if ((b & 0xC0) == 0x80)
            {
                continue; // A continuation byte: the lead is further back.
            }

            var length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return length > back ? bytes[..^back] : bytes;
        }

        return bytes;
    }

    private static bool LooksLikeUtf16(ReadOnlySpan<byte> bytes, out bool bigEndian)
    {
        bigEndian = false;
        if (bytes.Length < 4 || bytes.Length % 2 != 0)
        {
            return false;
        }

        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i + 1 < bytes.Length; i += 2)
        {
            if (bytes[i] == 0)
            {
                evenZeros++;
            }

            if (bytes[i + 1] == 0)
            {
                oddZeros++;
            }
        }

        var pairs = bytes.Length / 2;

        // Latin-script UTF-16 has a zero in (nearly) every other byte and almost none in the rest.
        if (oddZeros * 10 > pairs * 4 && evenZeros * 20 < pairs)
        {
            return true;
        }

        if (evenZeros * 10 > pairs * 4 && oddZeros * 20 < pairs)
        {
            bigEndian = true;
            return true;
        }

        return false;
    }

    private static Encoding DetectLegacy(ReadOnlySpan<byte> bytes)
    {
        var result = CharsetDetector.DetectFromBytes(bytes.ToArray());
        var detected = result.Detected;

        // The detector guesses wildly on short Western text; trust it only when it is sure of something non-Latin.
        if (detected?.Encoding is { } encoding && detected.Confidence >= 0.8f && !IsLatin1Family(encoding))
        {
            return encoding;
        }

        return Windows1252;
    }

    private static bool IsLatin1Family(Encoding encoding) =>
        encoding.CodePage is 1252 or 28591 or 28605 or 20127 or 65001;

    private static Encoding GetWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
