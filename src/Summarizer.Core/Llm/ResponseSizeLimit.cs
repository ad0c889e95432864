namespace Summarizer.Llm;

/// <summary>
/// Fails a response whose body passes a byte limit as soon as it does, before the SDK has buffered it all (see
/// <see cref="LlmConfiguration.MaxResponseBytes"/>).
/// </summary>
internal sealed class ResponseSizeLimit(HttpMessageHandler inner, long maxBytes) : DelegatingHandler(inner)
{
    // One connection pool for every client; a client differs only in its limit.
    private static readonly SocketsHttpHandler Shared = new() { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };

    /// <summary>An HTTP client reading at most <paramref name="maxBytes"/> of each response body, with no timeout of its
    /// own (the SDK and the summariser set theirs).</summary>
    public static HttpClient Client(long maxBytes) =>
        new(new ResponseSizeLimit(Shared, maxBytes), disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Content.Headers.ContentLength > maxBytes)
        {
            response.Dispose();
            throw TooLong(maxBytes);
        }

        var limited = new StreamContent(new LimitedStream(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), maxBytes));
        foreach (var header in response.Content.Headers)
        {
            limited.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = limited;
        return response;
    }

    private static LlmRequestException TooLong(long maxBytes) =>
        new($"The response is over {Ingestion.Sizes.Format(maxBytes)} (LlmConfiguration.MaxResponseBytes); it is not read.", null, null, false);

    private sealed class LimitedStream(Stream inner, long maxBytes) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private int Count(int read)
        {
            _read += read;
            return _read > maxBytes ? throw TooLong(maxBytes) : read;
        }
    }
}
