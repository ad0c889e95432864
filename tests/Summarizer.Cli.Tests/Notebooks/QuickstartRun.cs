namespace Summarizer.Cli.Tests.Notebooks;

/// <summary>
/// Runs <c>notebooks/quickstart.ipynb</c> once through <c>summarizer notebook run</c>, over a copy of the seeds plus a
/// hostile article whose title and body carry a script element, an event-handler attribute and a javascript: link.
/// </summary>
public sealed class QuickstartRun : IAsyncLifetime
{
    public const string HostileScript = "<script>window.__pwned=1</script>";
    public const string HostileImage = "<img src=x onerror=\"window.__pwned=1\">";
    public const string HostileLink = "<a href=\"javascript:window.__pwned=1\">read more</a>";

    private readonly TempFolder _folder = new();

    public int ExitCode { get; private set; }

    public string Stdout { get; private set; } = string.Empty;

    public string Stderr { get; private set; } = string.Empty;

    public string IpynbPath => _folder.File(Path.Combine("out", "quickstart.ipynb"));

    public string HtmlPath => _folder.File(Path.Combine("out", "quickstart.html"));

    public async Task InitializeAsync()
    {
        // The notebook loads ../seeds relative to its kernel directory: lay out seeds/ and notebooks/ side by side.
        var seeds = Directory.CreateDirectory(_folder.File("seeds")).FullName;
        foreach (var file in Directory.EnumerateFiles(Repo.PathOf("seeds")))
        {
            if (!Path.GetFileName(file).StartsWith('.'))
            {
                File.Copy(file, Path.Combine(seeds, Path.GetFileName(file)));
            }
        }

        await File.WriteAllTextAsync(
            Path.Combine(seeds, "aa-hostile.txt"),
            $"Breaking {HostileScript} news {HostileImage}\n\n"
            + $"Officials said on Monday that the council {HostileScript} approved the new harbour budget. "
            + $"Critics said the plan {HostileImage} ignores the ferry routes and the fishing fleet. "
            + $"The mayor said more details would follow next week {HostileLink}. "
            + "The vote was close, and the council will meet again in March to settle the ferry question.\n");
        var kernelDirectory = Directory.CreateDirectory(_folder.File("notebooks")).FullName;

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        ExitCode = await CliApp.RunAsync(
            ["notebook", "run", Repo.PathOf("notebooks", "quickstart.ipynb"), "--out", _folder.File("out"), "--kernel-working-dir", kernelDirectory],
            TextReader.Null, stdout, stderr);
        Stdout = stdout.ToString();
        Stderr = stderr.ToString();
    }

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>A test that needs Debian's Chromium at /usr/bin/chromium; skipped with a message where it is absent.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ExecutablePath))
        {
            Skip = $"Needs Chromium at {ExecutablePath} (apt-get install -y chromium; .ci/install does this in CI).";
        }
    }
}
