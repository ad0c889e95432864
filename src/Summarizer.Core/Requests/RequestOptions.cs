using System.Globalization;
using Summarizer.Llm;
using Summarizer.Summarization;

namespace Summarizer.Requests;

/// <summary>How an option takes its value.</summary>
public enum RequestOptionKind
{
    /// <summary>One value: <c>--ratio 20%</c>.</summary>
    Value,

    /// <summary>No value: <c>--no-cache</c>.</summary>
    Flag,

    /// <summary>Repeatable, and each value may list several items separated by commas: <c>--option a=1,b=2</c>.</summary>
    List,
}

/// <summary>
/// One option of a summary request, declared once for every host: the CLI builds its command-line options from it and
/// the notebook its directive parameters and completions, and both hand the values back to
/// <see cref="SummarizeRequest.Parse"/> as text, so every value is read the same way.
/// </summary>
public sealed class RequestOption
{
    private readonly Func<string>? _default;
    private readonly Func<IEnumerable<string>>? _completions;

    internal RequestOption(string name, string description, RequestOptionKind kind, Action<RequestBuilder, string> apply,
        Func<string>? defaultValue = null, Func<IEnumerable<string>>? completions = null, bool forLlm = false,
        IReadOnlyList<string>? aliases = null)
    {
        Name = name;
        Description = description;
        Kind = kind;
        Apply = apply;
        _default = defaultValue;
        _completions = completions;
        ForLlm = forLlm;
        Aliases = aliases ?? [];
    }

    /// <summary>The option as written, e.g. <c>--ratio</c>.</summary>
    public string Name { get; }

    /// <summary>Other spellings: a short form for the command line (<c>-m</c>) or an older name (<c>--base-url</c>).</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>One line on what it does.</summary>
    public string Description { get; }

    /// <summary>Whether it takes a value, none, or a list.</summary>
    public RequestOptionKind Kind { get; }

    /// <summary>True for options that apply to <c>--method llm</c> only.</summary>
    public bool ForLlm { get; }

    /// <summary>The default as text, or null when there is none to show.</summary>
    public string? DefaultValue => _default?.Invoke();

    /// <summary>Known values, for completions (empty when any value goes).</summary>
    public IEnumerable<string> Completions() => _completions?.Invoke() ?? [];

    /// <summary>The option name without dashes, e.g. <c>ratio</c>.</summary>
    public string Key => Name.TrimStart('-');

    internal Action<RequestBuilder, string> Apply { get; }

    /// <summary>True when <paramref name="name"/> names this option: <c>--ratio</c>, <c>ratio</c>, or an alias.</summary>
    public bool Matches(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.StartsWith('-') && !name.StartsWith("--", StringComparison.Ordinal))
        {
            return Aliases.Contains(name, StringComparer.Ordinal);
        }

        var bare = name.TrimStart('-');
        return Key.Equals(bare, StringComparison.OrdinalIgnoreCase) ||
               Aliases.Any(a => a.StartsWith("--", StringComparison.Ordinal) && a[2..].Equals(bare, StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>The options of a summary request, in the order hosts show them.</summary>
public static class RequestOptions
{
    /// <summary>The names of <see cref="SummaryStyle"/> as options take them.</summary>
    public static IReadOnlyList<string> StyleNames { get; } = Enum.GetNames<SummaryStyle>().Select(n => n.ToLowerInvariant()).ToArray();

    /// <summary>Every option of <c>summarize</c>: method, length, language and the LLM settings.</summary>
    public static IReadOnlyList<RequestOption> All { get; } =
    [
        new("--method", "Summarisation method (see 'summarizer methods').", RequestOptionKind.Value,
            (b, v) => b.Method = v, () => SummarizerCatalog.Default.Name, () => SummarizerCatalog.Names, aliases: ["-m"]),
        new("--sentences", "Number of sentences.", RequestOptionKind.Value,
            (b, v) => b.Sentences = v, () => "3, when no length is given", aliases: ["-n"]),
        new("--ratio", "Share of the article's sentences: 0.2 or 20% (1 is the whole text).", RequestOptionKind.Value,
            (b, v) => b.Ratio = v),
        new("--words", "Word budget: as many top sentences as fit.", RequestOptionKind.Value, (b, v) => b.Words = v),
        new("--option", "A method option as name=value; repeat it or separate several with commas (see 'summarizer methods').",
            RequestOptionKind.List, (b, v) => b.AddMethodOptions(v), aliases: ["-o"]),
        new("--language", "Language of the articles for stop words and stemming, an ISO 639-1 code.",
            RequestOptionKind.Value, (b, v) => b.Language = v, () => "each article's own, detected when not given", () => Analysis.StopWords.Languages),
        new("--provider", "LLM provider: azure or openai (OpenAI-compatible servers via --endpoint).", RequestOptionKind.Value,
            (b, v) => b.Llm(r => r with { Provider = v }), () => "azure when AZURE_OPENAI_ENDPOINT is set, else openai",
            () => LlmProviders.Names, forLlm: true),
        new("--model", "LLM model, or deployment for Azure.", RequestOptionKind.Value,
            (b, v) => b.Llm(r => r with { Model = v }), () => "AZURE_OPENAI_DEPLOYMENT for azure", forLlm: true),
        new("--endpoint", "Azure resource endpoint, or an OpenAI-compatible base URL with /v1 (e.g. http://localhost:11434/v1).",
            RequestOptionKind.Value, (b, v) => b.Llm(r => r with { Endpoint = b.Url("--endpoint", v) }),
            () => "AZURE_OPENAI_ENDPOINT or OPENAI_BASE_URL", forLlm: true, aliases: ["--base-url"]),
        new("--style", $"LLM summary shape: {string.Join(", ", StyleNames)}.", RequestOptionKind.Value,
            (b, v) => b.LlmOptions(o => o with { Style = b.Style(v) }), () => "paragraph", () => StyleNames, forLlm: true),
        new("--prompt", "LLM prompt with {text} (and optional {title}, {words}, {language}, {style}); @file reads it from a file.",
            RequestOptionKind.Value, (b, v) => b.LlmOptions(o => o with { PromptTemplate = b.Prompt(v) ?? o.PromptTemplate }), forLlm: true),
        new("--target-words", "LLM summary length in words.", RequestOptionKind.Value,
            (b, v) => b.LlmOptions(o => o with { TargetWords = b.Int("--target-words", v, 1) }), () => "80 (headline 15, tldr 30)", forLlm: true),
        new("--output-language", "Language of the LLM summary, e.g. French or de.", RequestOptionKind.Value,
            (b, v) => b.LlmOptions(o => o with { Language = v }), () => "the article's", forLlm: true),
        new("--temperature", "LLM sampling temperature, 0 to 2.", RequestOptionKind.Value,
            (b, v) => b.LlmOptions(o => o with { Temperature = (float?)b.Number("--temperature", v, 0, 2) }), () => "0.2", forLlm: true),
        new("--concurrency", "LLM calls at once when summarising many articles.", RequestOptionKind.Value,
            (b, v) => b.LlmOptions(o => o with { MaxConcurrency = b.Int("--concurrency", v, 1, 256) ?? o.MaxConcurrency }), () => "4", forLlm: true),
        new("--max-retries", "LLM retries after 429, 5xx or time-outs.", RequestOptionKind.Value,
            (b, v) => b.LlmOptions(o => o with { MaxRetries = b.Int("--max-retries", v, 0, 20) ?? o.MaxRetries }), () => "4", forLlm: true),
        new("--timeout", "Seconds to wait for an LLM response before retrying.", RequestOptionKind.Value,
            (b, v) => b.LlmOptions(o => b.Number("--timeout", v, 0.001, 86_400) is { } s ? o with { Timeout = TimeSpan.FromSeconds(s) } : o),
            () => "120", forLlm: true),
        new("--max-input-tokens", "LLM prompt tokens per call before long articles are summarised in chunks.", RequestOptionKind.Value,
            (b, v) => b.LlmOptions(o => o with { MaxInputTokens = b.Int("--max-input-tokens", v, 256) ?? o.MaxInputTokens }), () => "12000", forLlm: true),
        new("--preselect", "Extractive method whose sentences are sent to the LLM instead of the whole article.", RequestOptionKind.Value,
            (b, v) => b.LlmOptions(o => o with { Preselect = v }), completions: () => SummarizerCatalog.Methods
                .Where(m => m.Kind == SummarizerKind.Extractive).Select(m => m.Name), forLlm: true),
        new("--no-cache", "Call the LLM even when an answer is cached on disk.", RequestOptionKind.Flag,
            (b, v) => b.LlmOptions(o => o with { UseCache = !b.Flag("--no-cache", v) }), forLlm: true),
        new("--cache-dir", "Folder of cached LLM answers.", RequestOptionKind.Value,
            (b, v) => b.LlmOptions(o => o with { CacheDirectory = v }), () => "~/.cache/summarizer/llm", forLlm: true),
        new("--price-input", "Price per million LLM prompt tokens, to report cost.", RequestOptionKind.Value,
            (b, v) => b.LlmOptions(o => o with { Prices = new LlmPrices(b.Money("--price-input", v), o.Prices?.OutputPerMillion ?? 0) }), forLlm: true),
        new("--price-output", "Price per million LLM completion tokens, to report cost.", RequestOptionKind.Value,
            (b, v) => b.LlmOptions(o => o with { Prices = new LlmPrices(o.Prices?.InputPerMillion ?? 0, b.Money("--price-output", v)) }), forLlm: true),
    ];

    /// <summary>The options that shape the length of an extractive summary.</summary>
    public static IReadOnlyList<RequestOption> Length => All.Where(o => o.Key is "sentences" or "ratio" or "words").ToArray();

    /// <summary>The option named <paramref name="name"/> (with or without dashes, or a short alias), or null.</summary>
    public static RequestOption? Find(string name) => All.FirstOrDefault(o => o.Matches(name));
}

/// <summary>Collects option values and the problems found while reading them.</summary>
internal sealed class RequestBuilder
{
    private LlmRequest _llm = new();

    public List<string> Problems { get; } = [];

    public HashSet<string> Given { get; } = new(StringComparer.Ordinal);

    public string? Method { get; set; }

    public string? Sentences { get; set; }

    public string? Ratio { get; set; }

    public string? Words { get; set; }

    public string? Language { get; set; }

    public Dictionary<string, string> MethodOptions { get; } = new(StringComparer.OrdinalIgnoreCase);

    public LlmRequest LlmRequest => _llm;

    public void Llm(Func<LlmRequest, LlmRequest> change) => _llm = change(_llm);

    public void LlmOptions(Func<LlmOptions, LlmOptions> change) => _llm = _llm with { Options = change(_llm.Options) };

    public void AddMethodOptions(string value)
    {
        foreach (var pair in value.Split([',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                Problems.Add($"--option '{pair}' must look like name=value.");
                continue;
            }

            MethodOptions[pair[..eq].Trim()] = pair[(eq + 1)..].Trim();
        }
    }

    public int? Int(string option, string value, int min, int max = int.MaxValue)
    {
        if (int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= min && i <= max)
        {
            return i;
        }

        Problems.Add(max == int.MaxValue
            ? $"{option} must be a whole number of at least {min}, not '{value}'."
            : $"{option} must be a whole number from {min} to {max}, not '{value}'.");
        return null;
    }

    public double? Number(string option, string value, double min, double max)
    {
        if (double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d >= min && d <= max)
        {
            return d;
        }

        Problems.Add(string.Create(CultureInfo.InvariantCulture, $"{option} must be a number from {min} to {max}, not '{value}'."));
        return null;
    }

    public decimal Money(string option, string value)
    {
        if (decimal.TryParse(value.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && d >= 0)
        {
            return d;
        }

        Problems.Add($"{option} must be a price of 0 or more, such as 0.15, not '{value}'.");
        return 0;
    }

    public bool Flag(string option, string value)
    {
        if (value.Length == 0 || bool.TryParse(value.Trim(), out var b) && b)
        {
            return true;
        }

        if (bool.TryParse(value.Trim(), out _))
        {
            return false;
        }

        Problems.Add($"{option} takes no value, not '{value}'.");
        return false;
    }

    public Uri? Url(string option, string value)
    {
        if (Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return uri;
        }

        Problems.Add($"{option} must be an http(s) URL, not '{Secrets.Redact(value)}'.");
        return null;
    }

    public SummaryStyle Style(string value)
    {
        if (Enum.TryParse<SummaryStyle>(value.Trim(), ignoreCase: true, out var style) && Enum.IsDefined(style))
        {
            return style;
        }

        Problems.Add($"Unknown --style '{value}'. Known styles: {string.Join(", ", RequestOptions.StyleNames)}.");
        return SummaryStyle.Paragraph;
    }

    public string? Prompt(string value)
    {
        if (!value.StartsWith('@'))
        {
            return value;
        }

        var path = value[1..];
        if (File.Exists(path))
        {
            return File.ReadAllText(path);
        }

        Problems.Add($"--prompt {value}: no such file.");
        return null;
    }
}
