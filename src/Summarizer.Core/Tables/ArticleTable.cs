using System.Globalization;
using Microsoft.Data.Analysis;
using Summarizer.Analysis;
using Summarizer.Ingestion;

namespace Summarizer.Tables;

/// <summary>Articles as a <see cref="DataFrame"/> (one row each) and back.</summary>
public static class ArticleTable
{
    /// <summary>The column names of <see cref="ToDataFrame"/>, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["id", "title", "source", "date", "place", "byline", "language", "words", "sentences", "text"];

    /// <summary>
    /// One row per article with columns <c>id, title, source, date, place, byline, language, words, sentences,
    /// text</c>. <c>date</c> is a UTC <see cref="DateTime"/> column; <c>words</c> and <c>sentences</c> are counted by
    /// <see cref="TextAnalyzer.Default"/>. Missing metadata is null.
    /// </summary>
    public static DataFrame ToDataFrame(IReadOnlyList<Article> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var documents = articles.Select(a => TextAnalyzer.Default.Analyze(a)).ToList();
        return new DataFrame(
            new StringDataFrameColumn("id", articles.Select(a => a.Id)),
            new StringDataFrameColumn("title", articles.Select(a => a.Title)),
            new StringDataFrameColumn("source", articles.Select(a => a.Source)),
            new DateTimeDataFrameColumn("date", articles.Select(a => a.Date?.UtcDateTime)),
            new StringDataFrameColumn("place", articles.Select(a => a.Place)),
            new StringDataFrameColumn("byline", articles.Select(a => a.Byline)),
            new StringDataFrameColumn("language", articles.Select(a => a.Language)),
            new Int32DataFrameColumn("words", documents.Select(d => d.WordCount)),
            new Int32DataFrameColumn("sentences", documents.Select(d => d.Sentences.Count)),
            new StringDataFrameColumn("text", articles.Select(a => a.Text)));
    }

    /// <summary>
    /// Articles from a frame: the text from <paramref name="textColumn"/>, the id from <paramref name="idColumn"/>
    /// (the content hash when that column is absent or the cell is empty), and title, source, date, place, byline
    /// and language from the columns of those names when present. Other columns are ignored.
    /// </summary>
    /// <exception cref="ArgumentException">The text column is missing, or a row's text is empty.</exception>
    public static IReadOnlyList<Article> FromDataFrame(
        DataFrame df,
        string textColumn = "text",
        string idColumn = "id",
        string? titleColumn = "title")
    {
        ArgumentNullException.ThrowIfNull(df);
        ArgumentException.ThrowIfNullOrWhiteSpace(textColumn);
        var text = Find(df, textColumn)
            ?? throw new ArgumentException($"The frame has no '{textColumn}' column (it has {string.Join(", ", df.Columns.Select(c => $"'{c.Name}'"))}).", nameof(textColumn));
        var id = Find(df, idColumn);
        var title = titleColumn is null ? null : Find(df, titleColumn);
        var source = Find(df, "source");
        var date = Find(df, "date");
        var place = Find(df, "place");
        var byline = Find(df, "byline");
        var language = Find(df, "language");

        var articles = new List<Article>(checked((int)df.Rows.Count));
        for (long row = 0; row < df.Rows.Count; row++)
        {
            var body = AsString(text[row]);
            if (string.IsNullOrWhiteSpace(body))
            {
                throw new ArgumentException($"Row {row}: the '{textColumn}' cell is empty.", nameof(df));
            }

            articles.Add(new Article(AsString(id?[row]) is { Length: > 0 } given ? given : ArticleId.ForText(body), body)
            {
                Title = AsString(title?[row]),
                Source = AsString(source?[row]),
                Date = AsDate(date?[row], row),
                Place = AsString(place?[row]),
                Byline = AsString(byline?[row]),
                Language = AsString(language?[row]),
            });
        }

        return articles;
    }

    private static DataFrameColumn? Find(DataFrame df, string name) =>
        df.Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));

    private static string? AsString(object? value) => value switch
    {
        null => null,
        string s => string.IsNullOrEmpty(s) ? null : s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static DateTimeOffset? AsDate(object? value, long row) => value switch
    {
        null => null,
        DateTimeOffset dto => dto,
        DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, dt.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : dt.Kind)),
        string s when string.IsNullOrWhiteSpace(s) => null,
        string s when DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) => parsed,
        _ => throw new ArgumentException($"Row {row}: the 'date' cell '{value}' is not a date."),
    };
}
