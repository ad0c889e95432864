using Summarizer.Summarization;

namespace Summarizer.Cli;

/// <summary>Turns <c>--method</c> and <c>--option</c> values into catalog entries and overrides, with usage errors.</summary>
internal static class MethodArguments
{
    public static SummarizerMethod Resolve(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return SummarizerCatalog.Default;
        }

        return SummarizerCatalog.TryFind(name, out var entry)
            ? entry
            : throw new UsageException($"Unknown method '{name}'. Known methods: {string.Join(", ", SummarizerCatalog.Names)}.");
    }

    public static IReadOnlyDictionary<string, string> ParseOptions(string[]? pairs)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in pairs ?? [])
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new UsageException($"--option '{pair}' must look like name=value.");
            }

            options[pair[..eq].Trim()] = pair[(eq + 1)..].Trim();
        }

        return options;
    }
}
