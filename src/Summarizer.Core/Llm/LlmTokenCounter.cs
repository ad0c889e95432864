using System.Collections.Concurrent;
using Microsoft.ML.Tokenizers;

namespace Summarizer.Llm;

/// <summary>
/// Counts tokens in a model's encoding (tiktoken: <c>o200k_base</c> for GPT-4o/4.1/o-series and unknown models,
/// <c>cl100k_base</c> for GPT-4 and GPT-3.5). Thread-safe; encodings load once.
/// </summary>
public sealed class LlmTokenCounter
{
    private static readonly ConcurrentDictionary<string, Lazy<Tokenizer>> Encodings = new(StringComparer.Ordinal);
    private readonly Tokenizer _tokenizer;

    private LlmTokenCounter(string encoding, Tokenizer tokenizer)
    {
        Encoding = encoding;
        _tokenizer = tokenizer;
    }

    /// <summary>The encoding name, e.g. <c>o200k_base</c>.</summary>
    public string Encoding { get; }

    /// <summary>The counter for <paramref name="model"/> (null or unknown: <c>o200k_base</c>).</summary>
    public static LlmTokenCounter ForModel(string? model)
    {
        var encoding = EncodingFor(model);
        var tokenizer = Encodings.GetOrAdd(encoding, static e => new Lazy<Tokenizer>(() => TiktokenTokenizer.CreateForEncoding(e))).Value;
        return new LlmTokenCounter(encoding, tokenizer);
    }

    /// <summary>The encoding a model uses; deployments named after models are recognised too.</summary>
    public static string EncodingFor(string? model)
    {
        var m = (model ?? string.Empty).ToLowerInvariant();
        var isOld = (m.Contains("gpt-4", StringComparison.Ordinal) || m.Contains("gpt4", StringComparison.Ordinal)
                || m.Contains("gpt-35", StringComparison.Ordinal) || m.Contains("gpt-3.5", StringComparison.Ordinal)
                || m.Contains("text-embedding", StringComparison.Ordinal))
            && !m.Contains("gpt-4o", StringComparison.Ordinal) && !m.Contains("gpt-4.1", StringComparison.Ordinal)
            && !m.Contains("gpt-4.5", StringComparison.Ordinal) && !m.Contains("gpt4o", StringComparison.Ordinal);
        return isOld ? "cl100k_base" : "o200k_base";
    }

    /// <summary>Tokens in <paramref name="text"/>.</summary>
    public int Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _tokenizer.CountTokens(text);
    }
}
