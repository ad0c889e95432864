namespace Summarizer.Ingestion;

/// <summary>
/// One article as loaded from a source: its text and what is known about it. Immutable; analysis results live in
/// <see cref="Summarizer.Analysis.Document"/>.
/// </summary>
/// <param name="Id">Stable identifier: given by the source, else a content hash of <paramref name="Text"/>.</param>
/// <param name="Text">The article body, without the title line or dateline prefix.</param>
public sealed record Article(string Id, string Text)
{
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

    /// <summary>Creates an article whose id is the content hash of its text.</summary>
    public static Article FromText(string text, string? title = null, string? source = null) =>
        new(ArticleId.ForText(text), text) { Title = title, Source = source };
}
