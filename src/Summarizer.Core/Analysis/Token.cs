namespace Summarizer.Analysis;

/// <summary>What a token is made of.</summary>
public enum TokenKind
{
    /// <summary>Letters, possibly with inner apostrophes, hyphens or periods (<c>don't</c>, <c>U.S.</c>).</summary>
    Word,

    /// <summary>Digits, possibly with separators (<c>1,000</c>, <c>3.5</c>, <c>19:00</c>).</summary>
    Number,

    /// <summary>Punctuation and symbols.</summary>
    Punctuation,
}

/// <summary>
/// One token of a document. <see cref="Start"/> and <see cref="Length"/> index the document text (UTF-16).
/// </summary>
/// <param name="Start">Offset of the first character in the document text.</param>
/// <param name="Length">Length in UTF-16 code units.</param>
/// <param name="Normalized">Lower-cased form with typographic apostrophes folded to <c>'</c>.</param>
/// <param name="Stem">Snowball stem of <paramref name="Normalized"/> (the normalized form when stemming is off).</param>
/// <param name="Kind">Word, number or punctuation.</param>
/// <param name="IsStopWord">True when the normalized form is in the language's stop-word list.</param>
public readonly record struct Token(int Start, int Length, string Normalized, string Stem, TokenKind Kind, bool IsStopWord)
{
    /// <summary>True for words that carry content: a word or number that is not a stop word.</summary>
    public bool IsContent => Kind != TokenKind.Punctuation && !IsStopWord;

    /// <summary>One past the last character.</summary>
    public int End => Start + Length;
}
