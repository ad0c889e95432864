using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Summarizer.Interactive.Tests.TestSupport;

/// <summary>One event from the kernel: its type, its JSON body and the token of the command it belongs to.</summary>
public sealed record KernelEventRecord(string EventType, JsonObject Event, string? Token)
{
    /// <summary>The formatted values of a display or return-value event (empty for other events).</summary>
    public IReadOnlyList<(string MimeType, string Value)> FormattedValues =>
        Event["formattedValues"] is JsonArray values
            ? values.OfType<JsonObject>()
                .Select(v => (v["mimeType"]?.GetValue<string>() ?? string.Empty, v["value"]?.GetValue<string>() ?? string.Empty))
                .ToArray()
            : [];
}

/// <summary>The events of one submission, in order, and how long it took from send to completion.</summary>
public sealed record SubmissionResult(IReadOnlyList<KernelEventRecord> Events, TimeSpan Elapsed)
{
    /// <summary>The <c>CommandFailed</c> message, or null when the submission succeeded.</summary>
    public string? Failure =>
        Events.FirstOrDefault(e => e.EventType == "CommandFailed")?.Event["message"]?.GetValue<string>();

    /// <summary>Every formatted value of the given MIME type, in order.</summary>
    public IReadOnlyList<string> Values(string mimeType) =>
        Events.SelectMany(e => e.FormattedValues).Where(v => v.MimeType == mimeType).Select(v => v.Value).ToArray();
}

/// <summary>
/// Drives the real <c>dotnet-interactive</c> tool over its stdio protocol (one JSON object per line each way), as a
/// notebook front end does. Start it from the repository root so the tool manifest resolves.
/// </summary>
public sealed class KernelProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentDictionary<string, Pending> _pending = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<string> _stderr = new();
    private readonly Task _reader;
    private int _next;

    private KernelProcess(Process process)
    {
        _process = process;
        _reader = Task.Run(ReadLoopAsync);
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                _stderr.Enqueue(e.Data);
            }
        };
        _process.BeginErrorReadLine();
    }

    /// <summary>Time from process start to <c>KernelReady</c>.</summary>
    public TimeSpan StartupTime { get; private set; }

    /// <summary>Standard error so far (for failure messages).</summary>
    public string StandardError => string.Join(Environment.NewLine, _stderr);

    /// <summary>
    /// Restores the local tools and starts <c>dotnet tool run dotnet-interactive stdio</c> in
    /// <paramref name="repositoryRoot"/>, waiting for <c>KernelReady</c>.
    /// </summary>
    public static async Task<KernelProcess> StartAsync(string repositoryRoot, string? workingDirectory = null,
        string defaultKernel = "csharp", TimeSpan? timeout = null)
    {
        await RunToolRestoreAsync(repositoryRoot).ConfigureAwait(false);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "tool", "run", "dotnet-interactive", "--", "stdio", "--default-kernel", defaultKernel,
                     "--working-dir", workingDirectory ?? repositoryRoot })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet-interactive.");
        var kernel = new KernelProcess(process);
        var ready = await Task.WhenAny(kernel._ready.Task, Task.Delay(timeout ?? TimeSpan.FromMinutes(2))).ConfigureAwait(false);
        if (ready != kernel._ready.Task)
        {
            await kernel.DisposeAsync().ConfigureAwait(false);
            throw new TimeoutException("dotnet-interactive did not report KernelReady. stderr: " + kernel.StandardError);
        }

        await kernel._ready.Task.ConfigureAwait(false);
        kernel.StartupTime = clock.Elapsed;
        return kernel;
    }

    /// <summary>Submits code to <paramref name="targetKernel"/> and waits for its completion.</summary>
    public async Task<SubmissionResult> SubmitCodeAsync(string code, string targetKernel = "csharp", TimeSpan? timeout = null)
    {
        var token = "t" + Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var pending = new Pending();
        _pending[token] = pending;
        var request = new JsonObject
        {
            ["token"] = token,
            ["commandType"] = "SubmitCode",
            ["command"] = new JsonObject { ["code"] = code, ["targetKernelName"] = targetKernel },
        };
        var clock = Stopwatch.StartNew();
        await _process.StandardInput.WriteLineAsync(request.ToJsonString()).ConfigureAwait(false);
        await _process.StandardInput.FlushAsync().ConfigureAwait(false);
        var done = await Task.WhenAny(pending.Done.Task, Task.Delay(timeout ?? TimeSpan.FromMinutes(3))).ConfigureAwait(false);
        _pending.TryRemove(token, out _);
        if (done != pending.Done.Task)
        {
            throw new TimeoutException($"No completion for '{Truncate(code)}'. stderr: {StandardError}");
        }

        await pending.Done.Task.ConfigureAwait(false);
        clock.Stop();
        lock (pending.Events)
        {
            return new SubmissionResult(pending.Events.ToArray(), clock.Elapsed);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(3000))
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }

        await Task.WhenAny(_reader, Task.Delay(2000)).ConfigureAwait(false);
        _process.Dispose();
    }

    private async Task ReadLoopAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            // The tool prints a banner on first run; protocol lines are JSON objects.
            if (!line.StartsWith('{'))
            {
                continue;
            }

            JsonObject envelope;
            try
            {
                envelope = JsonNode.Parse(line) as JsonObject ?? new JsonObject();
            }
            catch (JsonException)
            {
                continue;
            }

            var eventType = envelope["eventType"]?.GetValue<string>();
            if (eventType is null)
            {
                continue;
            }

            if (eventType == "KernelReady")
            {
                _ready.TrySetResult();
            }

            var token = envelope["command"]?["token"]?.GetValue<string>();
            if (token is null)
            {
                continue;
            }

            var root = token.Split('.')[0];
            if (!_pending.TryGetValue(root, out var pending))
            {
                continue;
            }

            var record = new KernelEventRecord(eventType, envelope["event"] as JsonObject ?? new JsonObject(), token);
            lock (pending.Events)
            {
                pending.Events.Add(record);
            }

            if (token == root && eventType is "CommandSucceeded" or "CommandFailed")
            {
                pending.Done.TrySetResult();
            }
        }

        _ready.TrySetException(new InvalidOperationException("dotnet-interactive exited. stderr: " + StandardError));
        foreach (var pending in _pending.Values)
        {
            pending.Done.TrySetException(new InvalidOperationException("dotnet-interactive exited. stderr: " + StandardError));
        }
    }

    private static async Task RunToolRestoreAsync(string repositoryRoot)
    {
        var start = new ProcessStartInfo("dotnet", "tool restore")
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not run dotnet tool restore.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet tool restore failed ({process.ExitCode}): {await output.ConfigureAwait(false)} {await error.ConfigureAwait(false)}");
        }
    }

    private static string Truncate(string code) => code.Length <= 80 ? code : code[..80] + "...";

    private sealed class Pending
    {
        public List<KernelEventRecord> Events { get; } = [];

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
