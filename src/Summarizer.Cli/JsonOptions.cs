using System.Text.Encodings.Web;
using System.Text.Json;

namespace Summarizer.Cli;

/// <summary>Serializer settings shared by every command's JSON output.</summary>
internal static class JsonOptions
{
    /// <summary>One object per line; non-ASCII text kept readable.</summary>
    public static JsonSerializerOptions Compact { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Indented, for documents meant to be read.</summary>
    public static JsonSerializerOptions Indented { get; } = new(Compact) { WriteIndented = true };
}
