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
        var documents = articles.AsParallel().AsOrdered().Select(a => TextAnalyzer.Default.Analyze(a)).ToList();
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
    /// Articles from a frame, as <see cref="ToDataFrame"/> wrote them or as a user built them: the text from
    /// <paramref name="textColumn"/> (the text as given; a first line repeating the title, the byline and date lines
    /// after it and a dateline are found again, so the body and every offset are those of the loaded article), the id
    /// from <paramref name="idColumn"/> (the content hash of the body when that column is absent or the cell is
    /// empty), and title, source, date, place, byline and language from the columns of those names when present.
    /// Other columns are ignored.
    /// </summary>
    /// <exception cref="ArgumentException">The text column is missing, or a row is unusable (see <see cref="ToLoadItems"/>).</exception>
    public static IReadOnlyList<Article> FromDataFrame(
        DataFrame df,
        string textColumn = "text",
        string idColumn = "id",
        string? titleColumn = "title")
    {
        var items = ToLoadItems(df, textColumn, idColumn, titleColumn);
        return items.OfType<LoadFailure>().FirstOrDefault() is { } failure
            ? throw new ArgumentException(failure.Message, nameof(df))
            : items.Cast<LoadedArticle>().Select(l => l.Article).ToArray();
    }

    /// <summary>
    /// Each row of a frame as <see cref="FromDataFrame"/> reads it, or, for a row with an empty text cell or a date that
    /// is not a date, a failure naming the row, so the other rows can still be used. The source of a row without a
    /// <c>source</c> cell is <c>row N</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The frame has no <paramref name="textColumn"/>.</exception>
    public static IReadOnlyList<LoadItem> ToLoadItems(
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

        var items = new List<LoadItem>(checked((int)df.Rows.Count));
        for (long row = 0; row < df.Rows.Count; row++)
        {
            var rowSource = AsString(source?[row]) ?? $"row {row}";
            var body = AsString(text[row]);
            if (string.IsNullOrWhiteSpace(body))
            {
                items.Add(new LoadFailure(rowSource, $"Row {row}: the '{textColumn}' cell is empty."));
                continue;
            }

            if (!TryDate(date?[row], out var rowDate))
            {
                items.Add(new LoadFailure(rowSource, $"Row {row}: the 'date' cell '{date?[row]}' is not a date."));
                continue;
            }

            // The text column holds the text as given; the body is found again as the loader found it, with the
            // title column standing for the title line (records and frames name their title).
            var titleText = AsString(title?[row]);
            var parsed = ArticleTextParser.Parse(body, detectTitle: false, knownTitle: titleText);
            var hasBody = parsed.BodyEnd > parsed.BodyStart;
            var bodyText = hasBody ? parsed.Body : body;
            items.Add(new LoadedArticle(new Article(AsString(id?[row]) is { Length: > 0 } given ? given : ArticleId.ForText(bodyText), body)
            {
                BodyStart = hasBody ? parsed.BodyStart : 0,
                BodyEnd = hasBody ? parsed.BodyEnd : body.Length,
                Title = titleText,
                Source = AsString(source?[row]),
                Date = rowDate ?? parsed.Date,
                Place = AsString(place?[row]) ?? parsed.Place,
                Byline = AsString(byline?[row]) ?? parsed.Byline,
                Language = AsString(language?[row]),
            }));
        }

        return items;
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

    private static bool TryDate(object? value, out DateTimeOffset? date)
    {
        date = value switch
        {
            DateTimeOffset dto => dto,
            DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, dt.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : dt.Kind)),
            string s when DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) => parsed,
            _ => null,
        };
        return date is not null || value is null || value is string s2 && string.IsNullOrWhiteSpace(s2);
    }
}
