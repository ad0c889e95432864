using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Summarizer.Ingestion;

namespace Summarizer.Llm.Batch;

/// <summary>
/// A job's inputs, <c>inputs.jsonl</c> in its folder: one line per input (an article as loaded, or a load failure)
/// with the SHA-256 of its content. Collecting reads them back, so it needs neither the original files nor a second
/// read of URLs; the file's own hash, over every line in order, goes into the job id.
/// </summary>
internal static class BatchInputs
{
    public const string FileName = "inputs.jsonl";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes every item to <paramref name="path"/>; returns how many and the file's hash.</summary>
    public static async Task<(int Count, string Hash)> WriteAsync(IAsyncEnumerable<LoadItem> items, string path, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var count = 0;
        await using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                var line = Line(item);
                var bytes = Encoding.UTF8.GetBytes(line + "\n");
                hash.AppendData(bytes);
                await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                count++;
            }

            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            stream.Flush(flushToDisk: true);
        }

        return (count, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>The inputs in order.</summary>
    /// <exception cref="UserInputException">A line is damaged (named by line).</exception>
    public static IEnumerable<LoadItem> Read(string path)
    {
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            StoredInput? input;
            try
            {
                input = JsonSerializer.Deserialize<StoredInput>(line, Json);
            }
            catch (JsonException ex)
            {
                throw new UserInputException($"{path}:{number}: not a stored input ({ex.Message}).");
            }

            yield return input switch
            {
                { Article: { } a } => new LoadedArticle(new Article(a.Id, a.Text)
                {
                    BodyStart = a.BodyStart,
                    BodyEnd = a.BodyEnd,
                    Title = a.Title,
                    Source = a.Source,
                    Date = a.Date,
                    Place = a.Place,
                    Byline = a.Byline,
                    Language = a.Language,
                }),
                { Failure: { } f } => new LoadFailure(f.Source, f.Message),
                _ => throw new UserInputException($"{path}:{number}: not a stored input."),
            };
        }
    }

    private static string Line(LoadItem item)
    {
        // The content hash covers what summarising reads; the line's own hash keeps the file checkable input by input.
        object content = item switch
        {
            LoadedArticle { Article: var a } => new StoredArticle(a.Id, a.Text)
            {
                BodyStart = a.BodyStart,
                BodyEnd = a.BodyEnd,
                Title = a.Title,
                Source = a.Source,
                Date = a.Date,
                Place = a.Place,
                Byline = a.Byline,
                Language = a.Language,
            },
            LoadFailure f => new StoredFailure(f.Source, f.Message),
            _ => new StoredFailure(item.Source, $"{item.Source}: not an article"),
        };
        var json = JsonSerializer.Serialize(content, content.GetType(), Json);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        var key = content is StoredArticle ? "article" : "failure";
        return $"{{\"hash\":\"{hash}\",\"{key}\":{json}}}";
    }

    private sealed record StoredInput(string Hash, StoredArticle? Article, StoredFailure? Failure);

    private sealed record StoredArticle(string Id, string Text)
    {
        public int BodyStart { get; init; }

        public int BodyEnd { get; init; }

        public string? Title { get; init; }

        public string? Source { get; init; }

        public DateTimeOffset? Date { get; init; }

        public string? Place { get; init; }

        public string? Byline { get; init; }

        public string? Language { get; init; }
    }

    private sealed record StoredFailure(string Source, string Message);
}
