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

    /// <summary>Creates the summariser; a bad option becomes a usage error naming it.</summary>
    public static ISummarizer Create(SummarizerMethod method, IReadOnlyDictionary<string, string> options)
    {
        try
        {
            return method.Create(options);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException(ex.Message.Split(" (Parameter", 2)[0]);
        }
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
