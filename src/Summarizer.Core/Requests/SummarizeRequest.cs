using Summarizer.Analysis;
using Summarizer.Summarization;

namespace Summarizer.Requests;

/// <summary>
/// What to summarise with and how: the method and its options, the length, the analysis language and the LLM
/// settings. Every host builds one from its own syntax with <see cref="Parse"/> (or sets the properties from C#) and
/// hands it to <see cref="SummaryPipeline"/>, so the same request gives the same summary everywhere.
/// </summary>
public sealed record SummarizeRequest
{
    /// <summary>The default request: the catalog's default method, 3 sentences.</summary>
    public static SummarizeRequest Default { get; } = new();

    /// <summary>The method. Default <see cref="SummarizerCatalog.Default"/>.</summary>
    public SummarizerMethod Method { get; init; } = SummarizerCatalog.Default;

    /// <summary>Option overrides of an extractive method (name → value), as <c>--option name=value</c> gives them.</summary>
    public IReadOnlyDictionary<string, string> MethodOptions { get; init; } = new Dictionary<string, string>();

    /// <summary>Summary length for extractive methods. Default 3 sentences.</summary>
    public SummaryLength Length { get; init; } = SummaryLength.Default;

    /// <summary>ISO 639-1 language for stop words and stemming; null (the default) uses each article's, detected
    /// when the source does not say.</summary>
    public string? Language { get; init; }

    /// <summary>Settings for <c>llm</c>: provider, model, style, length in words, concurrency, cache.</summary>
    public LlmRequest Llm { get; init; } = new();

    /// <summary>True when the method writes new text with a language model.</summary>
    public bool IsAbstractive => Method.Kind == SummarizerKind.Abstractive;

    /// <summary>Every problem with the request, each a sentence that names the option; empty when it can run.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>(Method.Validate(MethodOptions));
        if (IsAbstractive)
        {
            problems.AddRange(Llm.Options.Problems());
        }

        if (Language is not null && !StopWords.Languages.Contains(Language, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add($"Unknown --language '{Language}'. Known languages: {string.Join(", ", StopWords.Languages)}.");
        }

        return problems;
    }

    /// <summary>
    /// Reads a request from option values as a host received them: names as in <see cref="RequestOptions.All"/>
    /// (<c>--ratio</c>, <c>ratio</c> or an alias such as <c>-m</c>), values as text, flags with a null or empty value,
    /// and a repeated name once per occurrence. Options the request does not know are reported, not ignored.
    /// </summary>
    /// <returns>The request, or null with every problem found (parsing and <see cref="Validate"/>).</returns>
    public static (SummarizeRequest? Request, IReadOnlyList<string> Problems) TryParse(IEnumerable<KeyValuePair<string, string?>> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new RequestBuilder();
        foreach (var (name, value) in options)
        {
            var option = RequestOptions.Find(name);
            if (option is null)
            {
                builder.Problems.Add($"Unknown option '{name}'.");
                continue;
            }

            if (value is null && option.Kind != RequestOptionKind.Flag)
            {
                builder.Problems.Add($"{option.Name} needs a value.");
                continue;
            }

            // Hosts may pass every flag they declare; one given as false is not given.
            if (option.Kind == RequestOptionKind.Flag && bool.TryParse(value, out var on) && !on)
            {
                continue;
            }

            builder.Given.Add(option.Name);
            option.Apply(builder, value ?? string.Empty);
        }

        var method = SummarizerCatalog.Default;
        if (!string.IsNullOrWhiteSpace(builder.Method) && !SummarizerCatalog.TryFind(builder.Method, out method))
        {
            builder.Problems.Add(SummarizerCatalog.UnknownMethod(builder.Method));
        }

        var (length, lengthProblems) = SummaryLength.FromOptions(builder.Sentences, builder.Ratio, builder.Words);
        builder.Problems.AddRange(lengthProblems);
        if (method.Kind == SummarizerKind.Abstractive)
        {
            foreach (var given in builder.Given.Where(g => RequestOptions.Length.Any(l => l.Name == g)))
            {
                builder.Problems.Add($"{given} sets the length of extractive summaries; for {method.Name} use --target-words.");
            }
        }
        else
        {
            foreach (var given in builder.Given.Where(g => RequestOptions.Find(g)!.ForLlm))
            {
                builder.Problems.Add($"{given} applies to --method llm only, not to {method.Name}.");
            }
        }

        var request = new SummarizeRequest
        {
            Method = method,
            MethodOptions = builder.MethodOptions,
            Length = length,
            Language = string.IsNullOrWhiteSpace(builder.Language) ? null : builder.Language.Trim().ToLowerInvariant(),
            Llm = builder.LlmRequest,
        };
        if (builder.Problems.Count == 0)
        {
            builder.Problems.AddRange(request.Validate());
        }

        return builder.Problems.Count == 0 ? (request, []) : (null, builder.Problems.Distinct(StringComparer.Ordinal).ToArray());
    }

    /// <summary>Reads a request as <see cref="TryParse"/> does.</summary>
    /// <exception cref="UserInputException">Every problem found, one per line.</exception>
    public static SummarizeRequest Parse(IEnumerable<KeyValuePair<string, string?>> options)
    {
        var (request, problems) = TryParse(options);
        return request ?? throw new UserInputException(problems);
    }
}
