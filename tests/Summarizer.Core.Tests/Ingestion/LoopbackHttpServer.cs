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
            if (!route.Chunked)
            {
                response.ContentLength64 = route.Body.Length;
            }

            await response.OutputStream.WriteAsync(route.Body, _stop.Token);
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

    private sealed record Route(int Status, string ContentType, byte[] Body, TimeSpan Delay, bool Chunked);
}
