namespace Summarizer.Summarization;

/// <summary>What kind of summary a method produces.</summary>
public enum SummarizerKind
{
    /// <summary>Chooses sentences of the source.</summary>
    Extractive,

    /// <summary>Writes new text with a language model (see <c>Summarizer.Llm</c>).</summary>
    Abstractive,
}

/// <summary>One entry of the catalog: a method's names, description and options, and how to create it.</summary>
public sealed class SummarizerMethod
{
    private readonly Func<IReadOnlyDictionary<string, string>?, (ISummarizer? Summarizer, IReadOnlyList<string> Problems)> _bind;

    private SummarizerMethod(string name, string title, string description, SummarizerKind kind, IReadOnlyList<string> aliases,
        IReadOnlyList<MethodOption> options,
        Func<IReadOnlyDictionary<string, string>?, (ISummarizer?, IReadOnlyList<string>)> bind)
    {
        Name = name;
        Title = title;
        Description = description;
        Kind = kind;
        Aliases = aliases;
        Options = options;
        _bind = bind;
    }

    /// <summary>An extractive method whose options are declared by <paramref name="options"/>.</summary>
    /// <param name="name">Canonical command-line name, e.g. <c>textrank</c>.</param>
    /// <param name="title">Display name, e.g. <c>TextRank</c>.</param>
    /// <param name="description">One line on what it does and where it comes from.</param>
    /// <param name="aliases">Other accepted names (matching ignores case, <c>-</c> and <c>_</c>).</param>
    /// <param name="options">The method's option table.</param>
    /// <param name="create">Creates the summariser from its options record.</param>
    public static SummarizerMethod Extractive<TOptions>(string name, string title, string description, IReadOnlyList<string> aliases,
        OptionTable<TOptions> options, Func<TOptions, ISummarizer> create)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(create);
        return new SummarizerMethod(name, title, description, SummarizerKind.Extractive, aliases, options.Options, values =>
        {
            var (bound, problems) = options.Bind(values, name);
            return problems.Count == 0 ? (create(bound), problems) : (null, problems);
        });
    }

    /// <summary>An extractive method without options.</summary>
    public static SummarizerMethod Extractive(string name, string title, string description, IReadOnlyList<string> aliases,
        Func<ISummarizer> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        return new SummarizerMethod(name, title, description, SummarizerKind.Extractive, aliases, [], values =>
            values is { Count: > 0 }
                ? (null, values.Keys.Select(k => $"Method '{name}' has no option '{k}'. Its options: none.").ToArray())
                : (create(), []));
    }

    /// <summary>A method that writes new text; its options are command options, not <c>--option</c> values.</summary>
    public static SummarizerMethod Abstractive(string name, string title, string description, IReadOnlyList<string> aliases,
        IReadOnlyList<MethodOption> options) =>
        new(name, title, description, SummarizerKind.Abstractive, aliases, options,
            values => (null, values is { Count: > 0 }
                ? [$"Method '{name}' takes no --option values; its settings are options of their own (see 'summarizer methods')."]
                : []));

    /// <summary>Canonical command-line name, e.g. <c>textrank</c>.</summary>
    public string Name { get; }

    /// <summary>Display name, e.g. <c>TextRank</c>.</summary>
    public string Title { get; }

    /// <summary>One line on what it does and where it comes from.</summary>
    public string Description { get; }

    /// <summary>Extractive or abstractive.</summary>
    public SummarizerKind Kind { get; }

    /// <summary>Other accepted names (matching ignores case, <c>-</c> and <c>_</c>).</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>Tunables with their defaults and accepted values.</summary>
    public IReadOnlyList<MethodOption> Options { get; }

    /// <summary>Every problem with <paramref name="options"/> (unknown names, values out of range); empty when valid.</summary>
    public IReadOnlyList<string> Validate(IReadOnlyDictionary<string, string>? options) => _bind(options).Problems;

    /// <summary>Creates the summariser, applying <paramref name="options"/> over the defaults.</summary>
    /// <exception cref="UserInputException">An option is unknown or out of range, or the method is not extractive.</exception>
    public ISummarizer Create(IReadOnlyDictionary<string, string>? options = null)
    {
        var (summarizer, problems) = _bind(options);
        if (problems.Count > 0)
        {
            throw new UserInputException(problems);
        }

        return summarizer ?? throw new UserInputException($"'{Name}' is not an extractive method; it writes new text (see Summarizer.Requests.SummaryPipeline).");
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>
/// The single list of summarisation methods. The CLI's <c>--method</c> values, <c>summarizer methods</c>, the notebook
/// completions and the docs all read it.
/// </summary>
public static class SummarizerCatalog
{
    /// <summary>
    /// Abstractive summaries from a chat model; listed here so that every front end offers it, and created by
    /// <see cref="Llm.LlmSummarizer"/> rather than by <see cref="SummarizerMethod.Create"/>.
    /// </summary>
    public static SummarizerMethod Llm => Summarizer.Llm.LlmSummarizer.Method;

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
            : throw new UserInputException(UnknownMethod(name));
    }

    /// <summary>Creates the named extractive summariser (the default when <paramref name="name"/> is null).</summary>
    public static ISummarizer Create(string? name = null, IReadOnlyDictionary<string, string>? options = null) =>
        Find(name).Create(options);

    /// <summary>The message for a method name the catalog does not know.</summary>
    public static string UnknownMethod(string name) => $"Unknown method '{name}'. Known methods: {string.Join(", ", Names)}.";

    private static string Key(string? name) =>
        (name ?? string.Empty).Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal)
            .Trim().ToLowerInvariant();
}
