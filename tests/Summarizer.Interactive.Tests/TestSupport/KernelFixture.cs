using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace Summarizer.Interactive.Tests.TestSupport;

/// <summary>A notebook kernel (composite + C#) with the extension loaded, as in a real notebook.</summary>
public sealed class KernelFixture : IDisposable
{
    private KernelFixture(CompositeKernel kernel, CSharpKernel csharp)
    {
        Kernel = kernel;
        CSharp = csharp;
    }

    public CompositeKernel Kernel { get; }

    public CSharpKernel CSharp { get; }

    public static async Task<KernelFixture> CreateAsync()
    {
        var csharp = new CSharpKernel();
        var kernel = new CompositeKernel { csharp };
        kernel.DefaultKernelName = csharp.Name;
        await SummarizerKernelExtension.LoadAsync(kernel);
        return new KernelFixture(kernel, csharp);
    }

    public Task<KernelCommandResult> SubmitAsync(string code) => Kernel.SubmitCodeAsync(code);

    public T Variable<T>(string name)
    {
        Assert.True(CSharp.TryGetValue<T>(name, out var value), $"No C# variable '{name}' of type {typeof(T).Name}.");
        return value;
    }

    public void Dispose()
    {
        Kernel.Dispose();
        Formatter.ResetToDefault();
    }
}

internal static class ResultAssertions
{
    public static void Succeeded(this KernelCommandResult result)
    {
        var failed = result.Events.OfType<CommandFailed>().FirstOrDefault();
        Assert.True(failed is null, "The command failed: " + failed?.Message);
    }

    public static string Failed(this KernelCommandResult result)
    {
        var failed = result.Events.OfType<CommandFailed>().ToArray();
        Assert.True(failed.Length == 1, $"Expected one CommandFailed, got {failed.Length}.");
        return failed[0].Message;
    }

    public static IReadOnlyList<string> Values(this KernelCommandResult result, string mimeType) =>
        result.Events.OfType<DisplayEvent>()
            .SelectMany(e => e.FormattedValues)
            .Where(v => v.MimeType == mimeType)
            .Select(v => v.Value)
            .ToArray();

    public static string SingleValue(this KernelCommandResult result, string mimeType, Func<string, bool> where)
    {
        var matches = result.Values(mimeType).Where(where).ToArray();
        Assert.True(matches.Length == 1, $"Expected one {mimeType} output matching, got {matches.Length}.");
        return matches[0];
    }
}

internal static class Seeds
{
    public static string Root { get; } = FindUp("seeds");

    public static string Path(string name) => System.IO.Path.Combine(Root, name);

    public static string Read(string name) => File.ReadAllText(Path(name));

    public static string RepoRoot => Directory.GetParent(Root)!.FullName;

    private static string FindUp(string folder)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(System.IO.Path.Combine(dir.FullName, folder)) && File.Exists(System.IO.Path.Combine(dir.FullName, "Summarizer.sln")))
            {
                return System.IO.Path.Combine(dir.FullName, folder);
            }
        }

        throw new DirectoryNotFoundException($"No '{folder}' folder above {AppContext.BaseDirectory}.");
    }
}
