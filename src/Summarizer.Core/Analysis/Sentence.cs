namespace Summarizer.Analysis;

/// <summary>One sentence of a <see cref="Document"/>, with its tokens and content-term counts.</summary>
public sealed class Sentence
{
    private readonly Token[] _tokens;
    private readonly string _documentText;
    private string? _text;

    // The text is cut from the document's on first use: most sentences of a batch run are never shown.
    internal Sentence(int index, SentenceSpan span, string documentText, Token[] tokens, TermVector terms)
    {
        Index = index;
        Start = span.Start;
        End = span.End;
        Paragraph = span.Paragraph;
        _documentText = documentText;
        _tokens = tokens;
        Terms = terms;
        foreach (var t in tokens)
        {
            if (t.Kind != TokenKind.Punctuation)
            {
                WordCount++;
            }
        }
    }

    /// <summary>Position in the document, from 0.</summary>
    public int Index { get; }

    /// <summary>Offset of the first character in the document text.</summary>
    public int Start { get; }

    /// <summary>One past the last character.</summary>
    public int End { get; }

    /// <summary>Paragraph number, from 0 (each non-blank line of the source is a paragraph).</summary>
    public int Paragraph { get; }

    /// <summary>The sentence text as it appears in the document.</summary>
    public string Text => _text ??= _documentText[Start..End];

    /// <summary>All tokens, punctuation included.</summary>
    public ReadOnlySpan<Token> Tokens => _tokens;

    /// <summary>Content-term counts (stems of non-stop words and numbers) over the document vocabulary.</summary>
    public TermVector Terms { get; }

    /// <summary>Words and numbers in the sentence.</summary>
    public int WordCount { get; }

    /// <inheritdoc />
    public override string ToString() => Text;
}
