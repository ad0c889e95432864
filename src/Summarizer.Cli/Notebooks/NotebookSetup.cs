using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace Summarizer.Cli.Notebooks;

/// <summary>
/// Makes the Summarizer extension loadable in notebooks without building anything: copies the packages this tool
/// carries into a per-user feed under a version derived from their content (so the NuGet cache never serves a stale
/// build), writes the two lines a notebook submits to load them, and checks that a .NET notebook kernel is there.
/// </summary>
internal sealed class NotebookSetup(string packagesDirectory, string dataDirectory)
{
    /// <summary>The extension's package id.</summary>
    public const string ExtensionId = "Summarizer.Interactive";

    private const string CoreId = "Summarizer.Core";

    /// <summary>The setup for this installation of the tool and this user.</summary>
    public static NotebookSetup ForCurrentUser() => new(
        Path.Combine(AppContext.BaseDirectory, "notebook-packages"),
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "summarizer"));

    /// <summary>The per-user feed.</summary>
    public string Feed => Path.Combine(dataDirectory, "feed");

    /// <summary>The file holding the two lines that load the extension; the repository's notebooks submit it.</summary>
    public string LoadFile => Path.Combine(dataDirectory, "load.dib");

    /// <summary>Puts the packages in the feed and writes <see cref="LoadFile"/>; returns the two lines.</summary>
    /// <exception cref="UsageException">This installation carries no packages.</exception>
    public SetupResult Install()
    {
        var packages = new[] { CoreId, ExtensionId }
            .Select(id => Directory.Exists(packagesDirectory)
                ? Directory.GetFiles(packagesDirectory, id + ".*.nupkg").Where(f => IsPackage(f, id)).OrderBy(f => f, StringComparer.Ordinal).LastOrDefault()
                : null)
            .ToArray();
        if (packages.Any(p => p is null))
        {
            throw new UsageException($"This summarizer has no notebook packages in {packagesDirectory}; build it with 'dotnet build src/Summarizer.Cli' or reinstall the tool.");
        }

        var version = LocalVersion(packages!);
        Directory.CreateDirectory(Feed);
        foreach (var stale in Directory.GetFiles(Feed, "Summarizer.*.nupkg").Where(f => !f.Contains(version, StringComparison.Ordinal)))
        {
            File.Delete(stale);
        }

        foreach (var package in packages)
        {
            var id = Path.GetFileName(package)!.StartsWith(ExtensionId, StringComparison.Ordinal) ? ExtensionId : CoreId;
            var target = Path.Combine(Feed, $"{id}.{version}.nupkg");
            if (!File.Exists(target))
            {
                Revision(package!, target, version);
            }
        }

        var lines = $"#i \"nuget: {Feed}\"\n#r \"nuget: {ExtensionId}, {version}\"\n";
        Directory.CreateDirectory(dataDirectory);
        File.WriteAllText(LoadFile, lines, new UTF8Encoding(false));
        return new SetupResult(version, Feed, LoadFile, lines);
    }

    /// <summary>
    /// Writes a Jupyter kernel spec <c>.net-csharp</c> that starts <paramref name="interactiveApp"/> (the
    /// dotnet-interactive tool's entry assembly) by its full path, so Jupyter finds the kernel from any folder.
    /// </summary>
    public static string InstallJupyterKernel(string interactiveApp, string kernelsDirectory)
    {
        var folder = Path.Combine(kernelsDirectory, ".net-csharp");
        Directory.CreateDirectory(folder);
        var spec = new
        {
            argv = new[] { "dotnet", interactiveApp, "jupyter", "--default-kernel", "csharp", "{connection_file}", "--http-port-range", "2048-3000" },
            display_name = ".NET (C#)",
            language = "C#",
        };
        var path = Path.Combine(folder, "kernel.json");
        File.WriteAllText(path, JsonSerializer.Serialize(spec, JsonOptions.Indented), new UTF8Encoding(false));
        return path;
    }

    /// <summary>
    /// The dotnet-interactive tool's entry assembly at <paramref name="version"/>: from the NuGet cache, where
    /// <c>dotnet tool restore</c> or <c>dotnet tool install</c> put it; null when it is not installed.
    /// </summary>
    public static string? FindInteractiveApp(string version)
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                       ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var app = Path.Combine(packages, "microsoft.dotnet-interactive", version, "tools", "net10.0", "any", "Microsoft.DotNet.Interactive.App.dll");
        return File.Exists(app) ? app : null;
    }

    /// <summary>The folder Jupyter reads user kernel specs from.</summary>
    public static string JupyterKernelsDirectory()
    {
        var data = Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR");
        if (string.IsNullOrWhiteSpace(data))
        {
            data = OperatingSystem.IsWindows()
                ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter")
                : OperatingSystem.IsMacOS()
                    ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), "Library", "Jupyter")
                    : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "jupyter");
        }

        return Path.Combine(data, "kernels");
    }

    /// <summary>Whether Jupyter has a <c>.net-csharp</c> kernel: true, false, or null when Jupyter is not installed.</summary>
    public static bool? JupyterHasDotnetKernel()
    {
        var output = Run("jupyter", "kernelspec", "list", "--json");
        return output is null ? null : output.Contains("\".net-csharp\"", StringComparison.Ordinal);
    }

    /// <summary>Whether VS Code has the Polyglot Notebooks extension: true, false, or null when <c>code</c> is not on the PATH.</summary>
    public static bool? VsCodeHasPolyglot()
    {
        var output = Run("code", "--list-extensions");
        return output is null ? null : output.Contains("ms-dotnettools.dotnet-interactive-vscode", StringComparison.OrdinalIgnoreCase);
    }

    // A package id's file, not another id that starts with it (Summarizer.Core, not Summarizer.Core.Extra).
    private static bool IsPackage(string file, string id) =>
        Path.GetFileName(file).Length > id.Length + 1 && char.IsDigit(Path.GetFileName(file)[id.Length + 1]);

    // The built version with a prerelease label from the packages' content: the same build gives the same version,
    // a changed build a new one.
    private static string LocalVersion(IEnumerable<string?> packages)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        string? baseVersion = null;
        foreach (var package in packages)
        {
            using var zip = ZipFile.OpenRead(package!);
            foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("lib/", StringComparison.Ordinal) || e.FullName.StartsWith("interactive-extensions/", StringComparison.Ordinal)).OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                using var stream = entry.Open();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                hash.AppendData(Encoding.UTF8.GetBytes(entry.FullName));
                hash.AppendData(copy.ToArray());
            }

            baseVersion ??= Nuspec(zip).Root!.Descendants().First(e => e.Name.LocalName == "version").Value.Split('-')[0];
        }

        return $"{baseVersion}-local.{Convert.ToHexStringLower(hash.GetHashAndReset())[..12]}";
    }

    private static XDocument Nuspec(ZipArchive zip)
    {
        using var stream = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/', StringComparison.Ordinal)).Open();
        return XDocument.Load(stream);
    }

    // A copy of the package at another version: the nuspec's version and its dependencies on Summarizer packages.
    private static void Revision(string source, string target, string version)
    {
        var temporary = target + ".tmp";
        using (var input = ZipFile.OpenRead(source))
        using (var output = ZipFile.Open(temporary, ZipArchiveMode.Create))
        {
            foreach (var entry in input.Entries)
            {
                var copy = output.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                using var to = copy.Open();
                if (entry.FullName.EndsWith(".nuspec", StringComparison.Ordinal))
                {
                    var nuspec = Nuspec(input);
                    foreach (var element in nuspec.Root!.Descendants())
                    {
                        if (element.Name.LocalName == "version" && element.Parent?.Name.LocalName == "metadata")
                        {
                            element.Value = version;
                        }
                        else if (element.Name.LocalName == "dependency" && element.Attribute("id")?.Value.StartsWith("Summarizer.", StringComparison.Ordinal) == true)
                        {
                            element.SetAttributeValue("version", version);
                        }
                    }

                    nuspec.Save(to);
                    continue;
                }

                using var from = entry.Open();
                from.CopyTo(to);
            }
        }

        File.Move(temporary, target, overwrite: true);
    }

    private static string? Run(string program, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit(30_000);
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Not installed.
            return null;
        }
    }
}

/// <summary>What setup did.</summary>
/// <param name="Version">The version the extension has in the feed.</param>
/// <param name="Feed">The local feed.</param>
/// <param name="LoadFile">The file with the two lines.</param>
/// <param name="Lines">The two lines a notebook submits to load the extension.</param>
internal sealed record SetupResult(string Version, string Feed, string LoadFile, string Lines);
