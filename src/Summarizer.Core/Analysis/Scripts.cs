namespace Summarizer.Analysis;

/// <summary>
/// Writing systems that do not put spaces between words: Chinese and Japanese (Han, Hiragana, Katakana) and Thai.
/// Their text is tokenised one character (Thai: one letter with its marks) at a time, and adjacent characters pair
/// into bigram terms, which is how such text is compared without a word dictionary.
/// </summary>
internal static class Scripts
{
    /// <summary>Han ideographs, Hiragana and Katakana (the letters of Chinese and Japanese text).</summary>
    public static bool IsCjk(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF')
            or (>= '\u3040' and <= '\u30FF') or (>= '\u31F0' and <= '\u31FF') or (>= '\uFF66' and <= '\uFF9D')
            or '\u3005';

    /// <summary>Hiragana, which in Japanese mostly writes particles and inflections.</summary>
    public static bool IsHiragana(char c) => c is >= '\u3040' and <= '\u309F';

    /// <summary>Kana of either kind (only Japanese uses them).</summary>
    public static bool IsKana(char c) => c is (>= '\u3040' and <= '\u30FF') or (>= '\u31F0' and <= '\u31FF') or (>= '\uFF66' and <= '\uFF9D');

    /// <summary>Thai letters, vowel signs and tone marks.</summary>
    public static bool IsThai(char c) => c is >= '\u0E00' and <= '\u0E7F';

    /// <summary>Characters tokenised one at a time: CJK letters and Thai letters.</summary>
    /// <remarks>Asked of every character: Latin, Greek and Cyrillic text is answered by the first comparison.</remarks>
    public static bool IsUnspaced(char c) => c >= '\u0E00' && (IsCjk(c) || IsThai(c));
}
