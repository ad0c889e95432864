using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace Summarizer.Cli.Notebooks;

/// <summary>
/// Packages built into the runner: a <c>#r "nuget: ..."</c> naming one of them is answered as already satisfied
/// instead of being restored; every other reference goes to NuGet as usual.
/// </summary>
/// <remarks>
/// A notebook loads Summarizer.Interactive the way an analyst does in an editor: <c>#i</c> a local feed, then
/// <c>#r "nuget: Summarizer.Interactive, ..."</c>. The runner is built with that extension and loads it into the kernel
/// before the first cell, so restoring the package again would load a second copy of the same assemblies (whose
/// formatters and magic commands would clash with the hosted ones) and would need a packed feed to exist at all.
/// The check sits in the kernel's command pipeline rather than on the cell text, so it also covers references a cell
/// submits from code.
/// </remarks>
internal sealed class HostedPackages
{
    private readonly Dictionary<string, string> _versions;
    private readonly Func<Kernel, Task>? _onReferenced;

    /// <summary>Creates the policy for packages hosted in-process, by package id and version.</summary>
    /// <param name="versionsById">Hosted package ids and their versions.</param>
    /// <param name="onReferenced">Runs in the referencing cell, given the root kernel (e.g. to show what loaded).</param>
    public HostedPackages(IReadOnlyDictionary<string, string> versionsById, Func<Kernel, Task>? onReferenced = null)
    {
        _versions = new Dictionary<string, string>(versionsById, StringComparer.OrdinalIgnoreCase);
        _onReferenced = onReferenced;
    }

    /// <summary>No hosted packages: every reference is restored.</summary>
    public static HostedPackages None { get; } = new(new Dictionary<string, string>());

    /// <summary>Package ids the runner hosts.</summary>
    public IReadOnlyCollection<string> Ids => _versions.Keys;

    /// <summary>
    /// True when <paramref name="packageId"/> is hosted; <paramref name="note"/> then says which version satisfies
    /// the reference.
    /// </summary>
    public bool TrySatisfy(string packageId, string? requestedVersion, out string note)
    {
        note = string.Empty;
        if (!_versions.TryGetValue(packageId, out var hosted))
        {
            return false;
        }

        var requested = requestedVersion?.Trim();
        note = string.IsNullOrEmpty(requested) || requested is "*" or "*-*"
                                               || string.Equals(requested, hosted, StringComparison.OrdinalIgnoreCase)
            ? $"{packageId} {hosted} is built into this runner; the package reference is already satisfied."
            : $"{packageId} {hosted} is built into this runner; the notebook asked for {requested}, the built-in version is used.";
        return true;
    }

    private static string? MissingLocalSource(string source)
    {
        var path = source.Trim();
        if (path.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
        {
            path = new Uri(path).LocalPath;
        }
        else if (path.Contains("://", StringComparison.Ordinal))
        {
            return null;
        }

        return Directory.Exists(path) || File.Exists(path) ? null : path;
    }

    /// <summary>Answers references to hosted packages in <paramref name="kernel"/>'s command pipeline.</summary>
    public void InstallOn(Kernel kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        if (_versions.Count == 0)
        {
            return;
        }

        kernel.AddMiddleware(async (command, context, next) =>
        {
            if (command is AddPackage package && TrySatisfy(package.PackageName, package.PackageVersion, out var note))
            {
                context.Publish(new StandardOutputValueProduced(command, [new FormattedValue(PlainTextFormatter.MimeType, note + "\n")]));
                if (_onReferenced is not null)
                {
                    await _onReferenced(context.HandlingKernel?.RootKernel ?? kernel).ConfigureAwait(false);
                }

                return;
            }

            if (command is AddPackageSource source && MissingLocalSource(source.PackageSource) is { } missing)
            {
                // The feed the notebook names for the hosted package may never have been packed on this machine;
                // nothing else is restored from it, so a missing folder is not an error here.
                var text = $"Package source {missing} does not exist; skipped ({string.Join(", ", Ids)} built in).\n";
                context.Publish(new StandardOutputValueProduced(command, [new FormattedValue(PlainTextFormatter.MimeType, text)]));
                return;
            }

            await next(command, context).ConfigureAwait(false);
        });
    }
}
