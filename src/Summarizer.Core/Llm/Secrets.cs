using System.Text.RegularExpressions;

namespace Summarizer.Llm;

/// <summary>Removes keys from text that may reach users or logs.</summary>
internal static partial class Secrets
{
    public const string Mask = "***";

    /// <summary>Replaces the given secrets and anything shaped like a key or bearer token with <c>***</c>.</summary>
    public static string Redact(string text, params string?[] secrets)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var secret in secrets)
        {
            if (secret is { Length: >= 4 })
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        text = KeyShaped().Replace(text, Mask);
        return HeaderShaped().Replace(text, m => m.Groups[1].Value + Mask);
    }

    [GeneratedRegex(@"\bsk-[A-Za-z0-9_\-]{8,}")]
    private static partial Regex KeyShaped();

    [GeneratedRegex(@"(?i)((?:bearer|api-key|api_key|apikey|authorization)[""']?\s*[:=]?\s*[""']?)[A-Za-z0-9_\-\.]{8,}")]
    private static partial Regex HeaderShaped();
}
