namespace Summarizer.Ingestion;

/// <summary>
/// One article as loaded from a source: its text and what is known about it. Immutable; analysis results live in
/// <see cref="Summarizer.Analysis.Document"/>.
/// </summary>
/// <remarks>
/// <see cref="Text"/> is the text exactly as the source gave it (a file's decoded text, a JSONL or CSV field, a
/// notebook cell), or the extracted text of a markup format (HTML, Markdown, PDF, Word). The title line, byline, date
/// line and dateline that a loader reads as metadata stay in it: <see cref="BodyStart"/> and <see cref="BodyEnd"/>
/// say where the body is. Every offset this library reports (sentences, entities) indexes <see cref="Text"/>.
/// </remarks>
/// <param name="Id">Stable identifier: given by the source, else a content hash of the body.</param>
/// <param name="Text">The text as given (see remarks).</param>
public sealed record Article(string Id, string Text)
{
    private readonly int _bodyStart;
    private readonly int? _bodyEnd;

    /// <summary>Where the body starts in <see cref="Text"/>. Default 0.</summary>
    public int BodyStart
    {
        get => Math.Clamp(_bodyStart, 0, Text.Length);
        init => _bodyStart = value;
    }

    /// <summary>Where the body ends in <see cref="Text"/> (exclusive). Default: the end of the text.</summary>
    public int BodyEnd
    {
        get => Math.Clamp(_bodyEnd ?? Text.Length, BodyStart, Text.Length);

        // The end of the text is kept as "no end given", so equal articles compare equal however they were built.
        init => _bodyEnd = value == Text.Length ? null : value;
    }

    /// <summary>The article body: <see cref="Text"/> without the title, byline, date and dateline before it.</summary>
    public string Body => BodyStart == 0 && BodyEnd == Text.Length ? Text : Text[BodyStart..BodyEnd];

    /// <summary>The headline, when the source has one.</summary>
    public string? Title { get; init; }

    /// <summary>Where the article came from: a file path, URL, <c>stdin</c> or <c>file.jsonl:12</c> for a line.</summary>
    public string? Source { get; init; }

    /// <summary>Publication date, when the source states one.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>The dateline place, e.g. <c>GENEVA</c> from <c>GENEVA: ...</c>.</summary>
    public string? Place { get; init; }

    /// <summary>Author line, when the source has one.</summary>
    public string? Byline { get; init; }

    /// <summary>ISO 639-1 code of the text's language (e.g. <c>en</c>), when known or detected.</summary>
    public string? Language { get; init; }

    /// <summary>Creates an article whose whole text is the body and whose id is the content hash of it.</summary>
    public static Article FromText(string text, string? title = null, string? source = null) =>
        new(ArticleId.ForText(text), text) { Title = title, Source = source };
}
