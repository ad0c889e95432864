using System.Globalization;
using System.Text.Json;

namespace Summarizer.Ingestion;

/// <summary>Turns one record (a CSV row, JSON object or Parquet row) into an article using the configured fields.</summary>
internal static class RecordMapper
{
    /// <summary>Reads the article in <paramref name="record"/>; throws <see cref="LoadException"/> naming the record
    /// and the field that is missing or of the wrong kind.</summary>
    public static ArticleDraft Map(IReadOnlyDictionary<string, object?> record, LoadOptions options, string source)
    {
        string? text = null;
        foreach (var field in options.TextFields)
        {
            if (!record.TryGetValue(field, out var value) || value is null)
            {
                continue;
            }

            text = value as string ?? throw WrongKind(source, field, value, "a string");
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new LoadException($"{source}: field '{field}' is empty");
            }

            break;
        }

        if (text is null)
        {
            var looked = string.Join(", ", options.TextFields.Select(f => $"'{f}'"));
            throw new LoadException($"{source}: no text field (looked for {looked})");
        }

        var id = GetId(record, options.IdField, source);
        var title = GetString(record, options.TitleField, source);
        var dateText = options.DateField is null ? null : record.GetValueOrDefault(options.DateField);
        DateTimeOffset? date = dateText switch
        {
            null => null,
            DateTimeOffset dto => dto,
            DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, dt.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : dt.Kind)),
            string s when string.IsNullOrWhiteSpace(s) => null,
            string s => DocumentReaders.ParseDate(s)
                ?? throw new LoadException($"{source}: field '{options.DateField}' is not a date: '{Shorten(s)}'"),
            _ => throw WrongKind(source, options.DateField!, dateText, "a date string"),
        };

        // A record names its title in a field, so only a dateline is taken from the text; a copy of the title
        // repeated as the first line (with any byline and date lines after it) is not body.
        var parsed = ArticleTextParser.Parse(text, detectTitle: false, knownTitle: title);
        return ArticleDraft.FromParsed(parsed) with
        {
            Id = id,
            Title = title,
            Date = date ?? parsed.Date,
            Place = GetString(record, options.PlaceField, source) ?? parsed.Place,
            Byline = GetString(record, options.BylineField, source) ?? parsed.Byline,
            Language = DocumentReaders.LanguageCode(GetString(record, options.LanguageField, source)),
        };
    }

    /// <summary>A JSON value as a record value: strings, numbers (as long or double), booleans and null; objects
    /// and arrays stay <see cref="JsonElement"/>s so a message can name their kind.</summary>
    public static object? FromJson(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.TryGetInt64(out var l) ? (object)l : value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.Clone(),
    };

    private static string? GetId(IReadOnlyDictionary<string, object?> record, string field, string source) =>
        record.GetValueOrDefault(field) switch
        {
            null => null,
            string s => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
            long or int or short or byte or ulong or uint or ushort or sbyte => Convert.ToString(record[field], CultureInfo.InvariantCulture),
            var other => throw WrongKind(source, field, other, "a string or an integer"),
        };

    private static string? GetString(IReadOnlyDictionary<string, object?> record, string? field, string source)
    {
        if (field is null)
        {
            return null;
        }

        return record.GetValueOrDefault(field) switch
        {
            null => null,
            string s => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
            var other => throw WrongKind(source, field, other, "a string"),
        };
    }

    private static LoadException WrongKind(string source, string field, object value, string expected) =>
        new($"{source}: field '{field}' is {KindOf(value)}, expected {expected}");

    private static string KindOf(object value) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.Object } => "an object",
        JsonElement { ValueKind: JsonValueKind.Array } => "an array",
        bool => "a boolean",
        long or int or double or float or decimal => "a number",
        string => "a string",
        _ => "a " + value.GetType().Name,
    };

    private static string Shorten(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
