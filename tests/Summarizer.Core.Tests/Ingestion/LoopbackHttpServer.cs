using System.Net;
using System.Net.Sockets;

namespace Summarizer.Core.Tests.Ingestion;

/// <summary>A real HTTP server on 127.0.0.1 with canned routes, for testing URL loading without the network.</summary>
internal sealed class LoopbackHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, Route> _routes = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();

    public LoopbackHttpServer()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _ = Task.Run(AcceptLoop);
    }

    public string BaseUrl { get; }

    public int Requests;

    public string Url(string path) => BaseUrl + path.TrimStart('/');

    public LoopbackHttpServer Serve(string path, string contentType, byte[] body, int status = 200, TimeSpan delay = default, bool chunked = false)
    {
        _routes["/" + path.TrimStart('/')] = new Route(status, contentType, body, delay, chunked);
        return this;
    }

    /// <summary>Answers <paramref name="path"/> with a redirect to <paramref name="location"/> (absolute or relative).</summary>
    public LoopbackHttpServer Redirect(string path, string location, int status = 302)
    {
        _routes["/" + path.TrimStart('/')] = new Route(status, "text/plain", [], TimeSpan.Zero, false) { Location = location };
        return this;
    }

    /// <summary>Serves an already gzip-compressed body with <c>Content-Encoding: gzip</c>.</summary>
    public LoopbackHttpServer ServeGzip(string path, string contentType, byte[] gzipped)
    {
        _routes["/" + path.TrimStart('/')] = new Route(200, contentType, gzipped, TimeSpan.Zero, false) { ContentEncoding = "gzip" };
        return this;
    }

    /// <summary>Sends <paramref name="body"/> one byte at a time, <paramref name="perByte"/> apart.</summary>
    public LoopbackHttpServer Trickle(string path, string contentType, byte[] body, TimeSpan perByte)
    {
        _routes["/" + path.TrimStart('/')] = new Route(200, contentType, body, TimeSpan.Zero, false) { PerByte = perByte };
        return this;
    }

    public LoopbackHttpServer Serve(string path, string contentType, string body, int status = 200, TimeSpan delay = default, bool chunked = false) =>
        Serve(path, contentType, System.Text.Encoding.UTF8.GetBytes(body), status, delay, chunked);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _stop.Dispose();
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => Handle(context));
        }
    }

    private async Task Handle(HttpListenerContext context)
    {
        Interlocked.Increment(ref Requests);
        var response = context.Response;
        try
        {
            if (!_routes.TryGetValue(context.Request.Url!.AbsolutePath, out var route))
            {
                response.StatusCode = 404;
                response.Close();
                return;
            }

            if (route.Delay > TimeSpan.Zero)
            {
                await Task.Delay(route.Delay, _stop.Token);
            }

            response.StatusCode = route.Status;
            response.ContentType = route.ContentType;
            response.SendChunked = route.Chunked;
            if (route.Location is not null)
            {
                response.RedirectLocation = route.Location;
            }

            if (route.ContentEncoding is not null)
            {
                response.AddHeader("Content-Encoding", route.ContentEncoding);
            }

            if (!route.Chunked)
            {
                response.ContentLength64 = route.Body.Length;
            }

            if (route.PerByte > TimeSpan.Zero)
            {
                for (var i = 0; i < route.Body.Length; i++)
                {
                    await response.OutputStream.WriteAsync(route.Body.AsMemory(i, 1), _stop.Token);
                    await response.OutputStream.FlushAsync(_stop.Token);
                    await Task.Delay(route.PerByte, _stop.Token);
                }
            }
            else
            {
                await response.OutputStream.WriteAsync(route.Body, _stop.Token);
            }

            response.Close();
        }
        catch (Exception)
        {
            // The client went away (timeout tests) or the server is stopping.
            try
            {
                response.Abort();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    private sealed record Route(int Status, string ContentType, byte[] Body, TimeSpan Delay, bool Chunked)
    {
        public string? Location { get; init; }

        public TimeSpan PerByte { get; init; }

        public string? ContentEncoding { get; init; }
    }
}
