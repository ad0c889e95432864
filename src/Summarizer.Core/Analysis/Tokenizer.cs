namespace Summarizer.Analysis;

/// <summary>
/// Splits text into word, number and punctuation tokens with offsets. Keeps inner apostrophes (<c>don't</c>),
/// hyphens (<c>once-in-a-lifetime</c>), inner periods (<c>U.S.</c>) and number separators (<c>19,000</c>, <c>3.5</c>).
/// Chinese, Japanese and Thai, written without spaces between words, give one token per character.
/// </summary>
public static class Tokenizer
{
    /// <summary>Token boundaries in <c>text[start..end)</c>, as (start, length, kind).</summary>
    public static void Scan(string text, int start, int end, List<(int Start, int Length, TokenKind Kind)> output)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(output);
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var s = i;
            if (Scripts.IsUnspaced(c))
            {
                // One character a token (a Thai letter keeps its vowel signs and tone marks).
                i++;
                while (i < end && Scripts.IsThai(c) && char.GetUnicodeCategory(text[i]) is System.Globalization.UnicodeCategory.NonSpacingMark)
                {
                    i++;
                }

                output.Add((s, i - s, TokenKind.Word));
            }
            else if (char.IsLetter(c))
            {
                i = ScanWord(text, i, end);
                output.Add((s, i - s, TokenKind.Word));
            }
            else if (char.IsDigit(c))
            {
                i = ScanNumber(text, i, end);

                // "2nd", "90s", "5g": digits run into letters; keep them as one word-like token.
                if (i < end && char.IsLetter(text[i]))
                {
                    i = ScanWord(text, i, end);
                    output.Add((s, i - s, TokenKind.Word));
                }
                else
                {
                    output.Add((s, i - s, TokenKind.Number));
                }
            }
            else
            {
                if (char.IsSurrogate(c) && i + 1 < end)
                {
                    i++;
                }

                i++;
                output.Add((s, i - s, TokenKind.Punctuation));
            }
        }
    }

    /// <summary>Lower-case word tokens of a string (no stop-word removal, no stemming).</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        var spans = new List<(int Start, int Length, TokenKind Kind)>();
        Scan(text, 0, text.Length, spans);
        var words = new List<string>(spans.Count);
        foreach (var (s, l, kind) in spans)
        {
            if (kind != TokenKind.Punctuation)
            {
                words.Add(Normalize(text.AsSpan(s, l)));
            }
        }

        return words;
    }

    /// <summary>Lower-cases and folds typographic apostrophes to <c>'</c>.</summary>
    public static string Normalize(ReadOnlySpan<char> token)
    {
        Span<char> buffer = token.Length <= 128 ? stackalloc char[token.Length] : new char[token.Length];
        Normalize(token, buffer);
        return new string(buffer);
    }

    /// <summary>Writes the normalized form of <paramref name="token"/> into <paramref name="destination"/> (same length).</summary>
    internal static void Normalize(ReadOnlySpan<char> token, Span<char> destination)
    {
        for (var i = 0; i < token.Length; i++)
        {
            var c = token[i];
            destination[i] = c switch
            {
                >= 'A' and <= 'Z' => (char)(c | 0x20), // ASCII first: most text is, and it skips the culture tables
                < '\u0080' => c == '`' ? '\'' : c,
                '’' or '‘' => '\'',
                _ => char.ToLowerInvariant(c),
            };
        }
    }

    private static int ScanWord(string text, int i, int end)
    {
        while (i < end)
        {
            var c = text[i];
            if (Scripts.IsUnspaced(c))
            {
                break;
            }

            if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                i++;
            }
            else if (IsJoiner(c) && i + 1 < end && char.IsLetterOrDigit(text[i + 1]))
            {
                i += 2;
            }
            else if (c == '.' && i + 1 < end && char.IsLetter(text[i + 1]) && i + 2 <= end
                     && (i + 2 == end || text[i + 2] == '.'))
            {
                // Acronyms: U.S., U.N., a.m. — single letters joined by periods.
                i += 2;
                if (i < end && text[i] == '.' && (i + 1 == end || !char.IsLetter(text[i + 1])))
                {
                    i++;
                }
            }
            else
            {
                break;
            }
        }

        return i;
    }

    private static bool IsJoiner(char c) => c is '\'' or '’' or '-' or '‐' or '&';

    private static int ScanNumber(string text, int i, int end)
    {
        while (i < end)
        {
            var c = text[i];
            if (char.IsDigit(c))
            {
                i++;
            }
            else if (c is ',' or '.' or ':' && i + 1 < end && char.IsDigit(text[i + 1]))
            {
                i += 2;
            }
            else
            {
                break;
            }
        }

        return i;
    }
}
