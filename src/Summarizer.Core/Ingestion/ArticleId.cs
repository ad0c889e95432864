using System.Security.Cryptography;
using System.Text;

namespace Summarizer.Ingestion;

/// <summary>Content-derived article ids: the same text always gets the same id, on any machine.</summary>
public static class ArticleId
{
    /// <summary>The first 16 hex digits of the SHA-256 of the UTF-8 text with line endings normalised to LF.</summary>
    public static string ForText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(normalized), hash);
        return Convert.ToHexStringLower(hash[..8]);
    }
}
