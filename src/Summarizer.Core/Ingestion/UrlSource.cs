using System.Net;
using System.Runtime.CompilerServices;
using System.Text;

namespace Summarizer.Ingestion;

/// <summary>
/// Articles from an HTTP(S) URL. The response must succeed within <see cref="LoadOptions.HttpTimeout"/> (redirects
/// included, at most <see cref="LoadOptions.MaxRedirects"/> of them, each to another http(s) URL), stay within
/// <see cref="LoadOptions.MaxBytes"/>, and have a content type the loader reads: HTML pages, RSS/Atom/XML feeds,
/// plain text or Markdown, PDF and Word documents, CSV and JSON Lines.
/// </summary>
internal static class UrlSource
{
    public static async IAsyncEnumerable<LoadItem> ReadAsync(Uri uri, LoadContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var source = uri.AbsoluteUri;
        var (bytes, contentType, charset, error) = await DownloadAsync(uri, context, ct).ConfigureAwait(false);
        if (error is not null)
        {
            yield return new LoadFailure(source, error);
            yield break;
        }

        var format = FormatOf(contentType, uri);
        if (format == Format.Unknown)
        {
            yield return new LoadFailure(source, $"{source}: unsupported content type '{contentType}' (expected an HTML page, a feed, plain text, PDF or Word document)");
            yield break;
        }

        if (bytes!.Length == 0)
        {
            yield return new LoadFailure(source, $"{source}: empty response");
            yield break;
        }

        Encoding? declared = null;
        if (charset is not null)
        {
            try
            {
                declared = Encoding.GetEncoding(charset.Trim('"'));
            }
            catch (ArgumentException)
            {
                // An unknown charset name: fall back to detection.
            }
        }

        await foreach (var item in ArticleLoader.ReadDocumentAsync(bytes, format, source, source, context, declared, ct).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    private static async Task<(byte[]? Bytes, string ContentType, string? Charset, string? Error)> DownloadAsync(
        Uri uri, LoadContext context, CancellationToken ct)
    {
        var source = uri.AbsoluteUri;
        var options = context.Options;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.HttpTimeout);
        try
        {
            var (sent, refused) = await SendFollowingRedirectsAsync(uri, context, timeout.Token).ConfigureAwait(false);
            if (refused is not null)
            {
                return (null, "", null, $"{source}: {refused}");
            }

            using var response = sent!;
            if (!response.IsSuccessStatusCode)
            {
                return (null, "", null, $"{source}: HTTP {(int)response.StatusCode} {response.ReasonPhrase ?? response.StatusCode.ToString()}");
            }

            var mediaType = response.Content.Headers.ContentType?.MediaType?.ToLowerInvariant() ?? "";
            var charset = response.Content.Headers.ContentType?.CharSet;
            if (FormatOf(mediaType, uri) == Format.Unknown)
            {
                return (null, mediaType, null, $"{source}: unsupported content type '{(mediaType.Length == 0 ? "none" : mediaType)}' (expected an HTML page, a feed, plain text, PDF or Word document)");
            }

            if (response.Content.Headers.ContentLength is { } length && length > options.MaxBytes)
            {
                return (null, mediaType, null, $"{source}: response of {Sizes.Format(length)} is over the {Sizes.Format(options.MaxBytes)} limit (LoadOptions.MaxBytes)");
            }

            var stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                using var buffer = new MemoryStream();
                var chunk = new byte[81920];
                int read;
                while ((read = await stream.ReadAsync(chunk, timeout.Token).ConfigureAwait(false)) > 0)
                {
                    if (buffer.Length + read > options.MaxBytes)
                    {
                        return (null, mediaType, null, $"{source}: response is over the {Sizes.Format(options.MaxBytes)} limit (LoadOptions.MaxBytes)");
                    }

                    buffer.Write(chunk, 0, read);
                }

                return (buffer.ToArray(), mediaType, charset, null);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, "", null, $"{source}: no complete response within {options.HttpTimeout.TotalSeconds:0.###} s (LoadOptions.HttpTimeout)");
        }
        catch (HttpRequestException ex)
        {
            var status = ex.StatusCode is { } code ? $"HTTP {(int)code} " : "";
            return (null, "", null, $"{source}: request failed: {status}{ex.Message}");
        }
    }

    // Redirects are followed here rather than by the handler, so that each target is checked and a refusal is
    // explained: the final response, or why a redirect was not followed.
    private static async Task<(HttpResponseMessage? Response, string? Refused)> SendFollowingRedirectsAsync(
        Uri uri, LoadContext context, CancellationToken ct)
    {
        var current = uri;
        for (var redirects = 0; ; redirects++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            request.Headers.Accept.ParseAdd("text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/plain;q=0.8, */*;q=0.5");
            var response = await context.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            if (response.StatusCode is not (HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
                or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect))
            {
                return (response, null);
            }

            using (response)
            {
                var status = $"HTTP {(int)response.StatusCode} redirect";
                if (!response.Headers.TryGetValues("Location", out var values) || values.FirstOrDefault() is not { Length: > 0 } location)
                {
                    return (null, $"{status} without a Location");
                }

                if (!Uri.TryCreate(current, location, out var target))
                {
                    return (null, $"{status} to an unreadable URL ('{Shorten(location)}')");
                }

                if (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps)
                {
                    return (null, $"{status} to a non-http(s) URL ({Shorten(location)}) refused");
                }

                if (current.Scheme == Uri.UriSchemeHttps && target.Scheme == Uri.UriSchemeHttp)
                {
                    return (null, $"{status} from https to http ({Shorten(target.AbsoluteUri)}) refused");
                }

                if (redirects == context.Options.MaxRedirects)
                {
                    return (null, $"too many redirects (over {context.Options.MaxRedirects}, LoadOptions.MaxRedirects); the last to {Shorten(target.AbsoluteUri)}");
                }

                current = target;
            }
        }
    }

    private static string Shorten(string s) => s.Length > 200 ? s[..200] + "…" : s;

    private static Format FormatOf(string mediaType, Uri uri) => mediaType switch
    {
        "text/html" or "application/xhtml+xml" => Format.Html,
        "application/rss+xml" or "application/atom+xml" or "application/xml" or "text/xml" or "application/feed+xml" => Format.Feed,
        "text/plain" => IsMarkdownPath(uri) ? Format.Markdown : Format.Text,
        "text/markdown" or "text/x-markdown" => Format.Markdown,
        "application/pdf" => Format.Pdf,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => Format.Docx,
        "text/csv" => Format.Csv,
        "text/tab-separated-values" => Format.Tsv,
        "application/x-ndjson" or "application/jsonl" or "application/x-jsonlines" => Format.JsonLines,
        _ => Format.Unknown,
    };

    private static bool IsMarkdownPath(Uri uri) =>
        uri.AbsolutePath.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ||
        uri.AbsolutePath.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase);

}
