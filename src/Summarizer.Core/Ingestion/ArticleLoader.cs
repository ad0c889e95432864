using System.Runtime.CompilerServices;
using System.Text;

namespace Summarizer.Ingestion;

/// <summary>
/// Reads articles from files, folders, globs, URLs, feeds, standard input and strings.
/// </summary>
/// <remarks>
/// <para>An input is one of: <c>-</c> (standard input); an <c>http://</c> or <c>https://</c> URL (HTML pages, RSS or
/// Atom feeds, plain text, PDF and Word documents, told apart by content type); a folder (every supported file below
/// it, in ordinal path order, skipping hidden files and <c>README</c>/<c>LICENSE</c> files); a glob such as
/// <c>news/**/*.txt</c>; a file; or, when it contains a line break, the text of an article itself.</para>
/// <para>Files by extension: <c>.txt</c>, <c>.md</c>, <c>.html</c>/<c>.htm</c>, <c>.pdf</c>, <c>.docx</c>,
/// <c>.csv</c>/<c>.tsv</c>, <c>.jsonl</c>/<c>.ndjson</c>, <c>.parquet</c>, and <c>.xml</c>/<c>.rss</c>/<c>.atom</c>
/// feeds. Other extensions are read as plain text when named directly.</para>
/// </remarks>
public static class ArticleLoader
{
    private static readonly string[] IgnoredNames = ["README", "LICENSE", "LICENCE", "CHANGELOG"];

    /// <summary>
    /// Reads every input in order, yielding each article or failure as soon as it is read (a large JSONL file yields
    /// its first article before its last line is read). Never throws for a bad input: it becomes a
    /// <see cref="LoadFailure"/> naming the file, URL or record, and the rest go on.
    /// </summary>
    /// <param name="inputs">Paths, folders, globs, URLs, <c>-</c> or article texts.</param>
    /// <param name="options">Options; null uses <see cref="LoadOptions.Default"/>.</param>
    /// <param name="stdin">What <c>-</c> reads; null reads <see cref="Console.In"/>.</param>
    /// <param name="ct">Cancels the read (the only way this method throws, besides invalid options).</param>
    public static async IAsyncEnumerable<LoadItem> ReadAsync(
        IEnumerable<string> inputs,
        LoadOptions? options = null,
        TextReader? stdin = null,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        options ??= LoadOptions.Default;
        options.Validate();
        using var context = new LoadContext(options, stdin);
        foreach (var input in inputs)
        {
            ct.ThrowIfCancellationRequested();
            await foreach (var item in Guarded(input ?? "", ReadInputAsync(input ?? "", context, ct), ct).ConfigureAwait(false))
            {
                yield return item;
            }
        }
    }

    /// <summary>Reads every input and collects the articles and failures (see <see cref="ReadAsync"/>).</summary>
    public static async Task<LoadResult> LoadAsync(
        IEnumerable<string> inputs,
        LoadOptions? options = null,
        TextReader? stdin = null,
        CancellationToken ct = default)
    {
        var articles = new List<Article>();
        var failures = new List<LoadFailure>();
        await foreach (var item in ReadAsync(inputs, options, stdin, ct).ConfigureAwait(false))
        {
            switch (item)
            {
                case LoadedArticle loaded:
                    articles.Add(loaded.Article);
                    break;
                case LoadFailure failure:
                    failures.Add(failure);
                    break;
            }
        }

        return new LoadResult(articles, failures);
    }

    /// <summary>
    /// An article from a string, read as a plain-text file is. A short first line without closing punctuation,
    /// followed by more text, becomes the title (unless <paramref name="title"/> is given, and then a first line
    /// repeating it is not body); a <c>By</c> line and a date line after the title fill the byline and date; a
    /// dateline such as <c>GENEVA:</c> becomes the place. <see cref="Article.Text"/> is <paramref name="text"/>
    /// unchanged and the id is the content hash of the body. The language is not detected here (see
    /// <see cref="Summarizer.Analysis.LanguageDetector"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The text has no article body.</exception>
    public static Article FromString(string text, string? title = null, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parsed = ArticleTextParser.Parse(text, knownTitle: title);
        if (parsed.BodyEnd <= parsed.BodyStart)
        {
            throw new ArgumentException("The text has no article body.", nameof(text));
        }

        return new Article(ArticleId.ForText(parsed.Body), text)
        {
            BodyStart = parsed.BodyStart,
            BodyEnd = parsed.BodyEnd,
            Title = title ?? parsed.Title,
            Source = source,
            Date = parsed.Date,
            Place = parsed.Place,
            Byline = parsed.Byline,
        };
    }

    // Turns an exception thrown by a reader into one failure for its input, keeping what it yielded before.
    private static async IAsyncEnumerable<LoadItem> Guarded(
        string source, IAsyncEnumerable<LoadItem> items, [EnumeratorCancellation] CancellationToken ct)
    {
        var enumerator = items.GetAsyncEnumerator(ct);
        try
        {
            while (true)
            {
                LoadItem item;
                var last = false;
                try
                {
                    if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }

                    item = enumerator.Current;
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception ex)
                {
                    item = LoadContext.Fail(source, ex);
                    last = true;
                }

                yield return item;
                if (last)
                {
                    break;
                }
            }
        }
        finally
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async IAsyncEnumerable<LoadItem> ReadInputAsync(
        string input, LoadContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        if (input == "-")
        {
            // Standard input is JSONL when its first non-blank line is a JSON object (or too long to tell), else one
            // plain-text article.
            var lines = new LineReader(context.Stdin, context.Options.MaxBytes);
            var first = await lines.ReadAsync(ct).ConfigureAwait(false);
            while (first is { Text: { } blank } && string.IsNullOrWhiteSpace(blank))
            {
                first = await lines.ReadAsync(ct).ConfigureAwait(false);
            }

            if (first is { } line && (line.TooLong || line.Text!.TrimStart().StartsWith('{')))
            {
                await foreach (var item in RecordSources.ReadJsonLinesAsync(lines, line, "stdin", context, ct).ConfigureAwait(false))
                {
                    yield return item;
                }
            }
            else
            {
                yield return await ReadStdinAsync(lines, first, context, ct).ConfigureAwait(false);
            }

            yield break;
        }

        if (Uri.TryCreate(input, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            await foreach (var item in UrlSource.ReadAsync(uri, context, ct).ConfigureAwait(false))
            {
                yield return item;
            }

            yield break;
        }

        if (input.Contains('\n', StringComparison.Ordinal))
        {
            yield return await context.GuardAsync("string", _ => ArticleDraft.FromParsed(ArticleTextParser.Parse(input)), ct).ConfigureAwait(false);
            yield break;
        }

        if (string.IsNullOrWhiteSpace(input))
        {
            yield return new LoadFailure(input, "An input is empty: give a file, folder, glob, URL or '-'.");
            yield break;
        }

        IEnumerable<string> files;
        if (Directory.Exists(input))
        {
            files = FileGlob.Folder(input, IsListed);
            if (!files.Any())
            {
                yield return new LoadFailure(input, $"{input}: the folder has no supported files");
                yield break;
            }
        }
        else if (File.Exists(input))
        {
            // Checked before globbing so a file whose name has brackets is still read as itself.
            files = [input];
        }
        else if (FileGlob.IsPattern(input))
        {
            files = FileGlob.Match(input);
            if (!files.Any())
            {
                yield return new LoadFailure(input, $"{input}: no files match");
                yield break;
            }
        }
        else
        {
            yield return new LoadFailure(input, $"{input}: no such file or folder");
            yield break;
        }

        foreach (var file in files)
        {
            await foreach (var item in Guarded(file, ReadFileAsync(file, context, ct), ct).ConfigureAwait(false))
            {
                yield return item;
            }
        }
    }

    private static bool IsListed(string path)
    {
        var name = Path.GetFileName(path);
        return !name.StartsWith('.') &&
               !IgnoredNames.Contains(Path.GetFileNameWithoutExtension(name), StringComparer.OrdinalIgnoreCase) &&
               FormatOf(path) != Format.Unknown;
    }

    private static async Task<LoadItem> ReadStdinAsync(LineReader lines, LineRead? first, LoadContext context, CancellationToken ct)
    {
        const string source = "stdin";
        var max = context.Options.MaxBytes;
        var sb = new StringBuilder();
        for (var line = first; line is { } l; line = await lines.ReadAsync(ct).ConfigureAwait(false))
        {
            if (l.Text is null || sb.Length + l.Text.Length > max)
            {
                return new LoadFailure(source, $"{source}: over the {Sizes.Format(max)} limit (LoadOptions.MaxBytes)");
            }

            sb.Append(l.Text).Append('\n');
        }

        var text = sb.ToString();
        return await context.GuardAsync(source, _ =>
        {
            TextDecoder.CheckIsText(text, source);
            return ArticleDraft.FromParsed(ArticleTextParser.Parse(text));
        }, ct).ConfigureAwait(false);
    }

    private static async IAsyncEnumerable<LoadItem> ReadFileAsync(
        string path, LoadContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var format = FormatOf(path);
        var info = new FileInfo(path);
        if (format is Format.JsonLines or Format.Csv or Format.Tsv or Format.Parquet)
        {
            // Streamed record by record; the size limit applies to each record.
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 65536, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                if (stream.CanSeek && stream.Length == 0)
                {
                    yield return new LoadFailure(path, $"{path}: empty file");
                    yield break;
                }

                var records = format switch
                {
                    Format.JsonLines => RecordSources.ReadJsonLinesAsync(stream, path, context, ct),
                    Format.Parquet => ParquetSource.ReadAsync(stream, path, context, ct),
                    _ => ReadCsvFileAsync(stream, path, format == Format.Tsv ? '\t' : ',', context, ct),
                };
                await foreach (var item in records.ConfigureAwait(false))
                {
                    yield return item;
                }
            }

            yield break;
        }

        if (info.Length > context.Options.MaxBytes)
        {
            yield return new LoadFailure(path, $"{path}: {Sizes.Format(info.Length)}, over the {Sizes.Format(context.Options.MaxBytes)} limit (LoadOptions.MaxBytes)");
            yield break;
        }

        var bytes = await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false);
        if (bytes.Length == 0)
        {
            yield return new LoadFailure(path, $"{path}: empty file");
            yield break;
        }

        await foreach (var item in ReadDocumentAsync(bytes, format, path, new Uri(Path.GetFullPath(path)).AbsoluteUri, context, null, ct).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    private static async IAsyncEnumerable<LoadItem> ReadCsvFileAsync(
        Stream stream, string path, char delimiter, LoadContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        // Sniff the encoding from the head when the file can be rewound; a pipe is read as UTF-8 (BOM honoured).
        Encoding encoding = new UTF8Encoding(false);
        if (stream.CanSeek)
        {
            var head = new byte[4096];
            var n = await stream.ReadAsync(head, ct).ConfigureAwait(false);
            (encoding, var bom) = TextDecoder.DetectEncoding(head.AsSpan(0, n), path, isPrefix: n == head.Length);
            stream.Position = bom;
        }

        using var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: !stream.CanSeek, leaveOpen: true);
        await foreach (var item in RecordSources.ReadCsvAsync(reader, path, delimiter, context, ct).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    /// <summary>One whole document already in memory: a file's bytes or an HTTP response body.</summary>
    internal static async IAsyncEnumerable<LoadItem> ReadDocumentAsync(byte[] bytes, Format format, string source, string uri,
        LoadContext context, Encoding? declared, [EnumeratorCancellation] CancellationToken ct)
    {
        var options = context.Options;
        IAsyncEnumerable<LoadItem>? items = format switch
        {
            Format.Feed => FeedSource.ReadAsync(bytes, source, context, ct),
            Format.JsonLines => RecordSources.ReadJsonLinesAsync(new MemoryStream(bytes, writable: false), source, context, ct),
            Format.Csv or Format.Tsv => RecordSources.ReadCsvAsync(
                TextDecoder.Decode(bytes, source, declared), source, format == Format.Tsv ? '\t' : ',', context, ct),
            _ => null,
        };
        if (items is not null)
        {
            await foreach (var item in items.ConfigureAwait(false))
            {
                yield return item;
            }

            yield break;
        }

        yield return await context.GuardAsync(source, token => format switch
        {
            Format.Pdf => DocumentReaders.ReadPdf(bytes, source, options, token),
            Format.Docx => DocumentReaders.ReadDocx(bytes, source, options, token),
            Format.Html => DocumentReaders.ReadHtml(TextDecoder.Decode(bytes, source, declared), uri, source, options, token),
            _ => DocumentReaders.ReadText(TextDecoder.Decode(bytes, source, declared), format == Format.Markdown),
        }, ct).ConfigureAwait(false);
    }

    internal static Format FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".txt" or ".text" => Format.Text,
        ".md" or ".markdown" => Format.Markdown,
        ".html" or ".htm" or ".xhtml" => Format.Html,
        ".pdf" => Format.Pdf,
        ".docx" => Format.Docx,
        ".csv" => Format.Csv,
        ".tsv" => Format.Tsv,
        ".jsonl" or ".ndjson" => Format.JsonLines,
        ".parquet" => Format.Parquet,
        ".xml" or ".rss" or ".atom" => Format.Feed,
        _ => Format.Unknown,
    };
}

/// <summary>The input formats the loader recognises.</summary>
internal enum Format
{
    Unknown,
    Text,
    Markdown,
    Html,
    Pdf,
    Docx,
    Csv,
    Tsv,
    JsonLines,
    Parquet,
    Feed,
}
