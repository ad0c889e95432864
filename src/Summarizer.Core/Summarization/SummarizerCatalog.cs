using System.Globalization;

namespace Summarizer.Summarization;

/// <summary>What kind of summary a method produces.</summary>
public enum SummarizerKind
{
    /// <summary>Chooses sentences of the source.</summary>
    Extractive,

    /// <summary>Writes new text with a language model (see <c>Summarizer.Llm</c>).</summary>
    Abstractive,
}

/// <summary>One tunable of a method, as shown by <c>summarizer methods</c> and the notebook completions.</summary>
public sealed record SummarizerOption(string Name, string Description, string DefaultValue);

/// <summary>One entry of the catalog.</summary>
/// <param name="Name">Canonical command-line name, e.g. <c>textrank</c>.</param>
/// <param name="Title">Display name, e.g. <c>TextRank</c>.</param>
/// <param name="Description">One line on what it does and where it comes from.</param>
/// <param name="Kind">Extractive or abstractive.</param>
/// <param name="Aliases">Other accepted names (matching ignores case, <c>-</c> and <c>_</c>).</param>
/// <param name="Options">Tunables with their defaults.</param>
/// <param name="Factory">Creates the summariser from option overrides (name → value); null for abstractive methods.</param>
public sealed record SummarizerMethod(
    string Name,
    string Title,
    string Description,
    SummarizerKind Kind,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<SummarizerOption> Options,
    Func<IReadOnlyDictionary<string, string>, ISummarizer>? Factory)
{
    /// <summary>Creates the summariser, applying <paramref name="options"/> over the defaults.</summary>
    public ISummarizer Create(IReadOnlyDictionary<string, string>? options = null)
    {
        if (Factory is null)
        {
            throw new InvalidOperationException($"'{Name}' is not an extractive method; use the LLM summariser for it.");
        }

        var given = options ?? new Dictionary<string, string>();
        foreach (var key in given.Keys)
        {
            if (!Options.Any(o => o.Name.Equals(key, StringComparison.OrdinalIgnoreCase)))
            {
                var known = Options.Count == 0 ? "none" : string.Join(", ", Options.Select(o => o.Name));
                throw new ArgumentException($"Method '{Name}' has no option '{key}'. Its options: {known}.", nameof(options));
            }
        }

        return Factory(given);
    }
}

/// <summary>
/// The single list of summarisation methods. The CLI's <c>--method</c> values, <c>summarizer methods</c>, the notebook
/// completions and the docs all read it.
/// </summary>
public static class SummarizerCatalog
{
    /// <summary>
    /// Abstractive summaries from a chat model (<c>Summarizer.Llm.LlmSummarizer</c>); listed here so that every front end
    /// offers it, and created by the LLM layer rather than by <see cref="SummarizerMethod.Create"/>.
    /// </summary>
    public static SummarizerMethod Llm { get; } = new(
        "llm", "LLM", "Abstractive summary from Azure OpenAI, OpenAI or an OpenAI-compatible server (see 'summarizer providers').",
        SummarizerKind.Abstractive, ["gpt", "abstractive"], [], null);

    /// <summary>Every method, default first.</summary>
    public static IReadOnlyList<SummarizerMethod> Methods { get; } =
    [
        PositionalCentralitySummarizer.Method,
        LeadSummarizer.Method,
        LuhnSummarizer.Method,
        EdmundsonSummarizer.Method,
        TextRankSummarizer.Method,
        LexRankSummarizer.Method,
        LsaSummarizer.Method,
        SumBasicSummarizer.Method,
        KlSumSummarizer.Method,
        Llm,
    ];

    /// <summary>The method used when none is named.</summary>
    public static SummarizerMethod Default => Methods[0];

    /// <summary>Canonical names and aliases, for completions.</summary>
    public static IReadOnlyList<string> Names => Methods.Select(m => m.Name).ToArray();

    /// <summary>Finds a method by name or alias (case, <c>-</c> and <c>_</c> ignored).</summary>
    public static bool TryFind(string? name, out SummarizerMethod method)
    {
        var key = Key(name);
        foreach (var m in Methods)
        {
            if (Key(m.Name) == key || m.Aliases.Any(a => Key(a) == key))
            {
                method = m;
                return true;
            }
        }

        method = Default;
        return false;
    }

    /// <summary>Finds a method, or throws with the list of valid names.</summary>
    public static SummarizerMethod Find(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return Default;
        }

        return TryFind(name, out var method)
            ? method
            : throw new ArgumentException($"Unknown method '{name}'. Known methods: {string.Join(", ", Names)}.", nameof(name));
    }

    /// <summary>Creates the named extractive summariser (the default when <paramref name="name"/> is null).</summary>
    public static ISummarizer Create(string? name = null, IReadOnlyDictionary<string, string>? options = null) =>
        Find(name).Create(options);

    private static string Key(string? name) =>
        (name ?? string.Empty).Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal)
            .Trim().ToLowerInvariant();
}

/// <summary>Reads typed option overrides for a method's factory, with errors that name the option.</summary>
public static class OptionValues
{
    /// <summary>The value of <paramref name="name"/> as a double, or <paramref name="fallback"/> when absent.</summary>
    public static double Double(IReadOnlyDictionary<string, string> options, string name, double fallback)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = Lookup(options, name);
        if (value is null)
        {
            return fallback;
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)
            ? d
            : throw new ArgumentException($"Option '{name}' must be a number, not '{value}'.", nameof(options));
    }

    /// <summary>The value of <paramref name="name"/> as an int, or <paramref name="fallback"/> when absent.</summary>
    public static int Int(IReadOnlyDictionary<string, string> options, string name, int fallback)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = Lookup(options, name);
        if (value is null)
        {
            return fallback;
        }

        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i)
            ? i
            : throw new ArgumentException($"Option '{name}' must be a whole number, not '{value}'.", nameof(options));
    }

    /// <summary>The value of <paramref name="name"/> as a bool, or <paramref name="fallback"/> when absent.</summary>
    public static bool Bool(IReadOnlyDictionary<string, string> options, string name, bool fallback)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = Lookup(options, name);
        if (value is null)
        {
            return fallback;
        }

        return bool.TryParse(value, out var b)
            ? b
            : throw new ArgumentException($"Option '{name}' must be true or false, not '{value}'.", nameof(options));
    }

    private static string? Lookup(IReadOnlyDictionary<string, string> options, string name)
    {
        foreach (var (k, v) in options)
        {
            if (k.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return v;
            }
        }

        return null;
    }
}
