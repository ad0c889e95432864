using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Summarizer.Llm;

/// <summary>
/// Answers stored on disk, one JSON file per request, keyed by provider, endpoint, model, messages and sampling
/// settings. Writes go to a temporary file that is then renamed, so a killed process never leaves a torn entry.
/// </summary>
internal sealed class LlmCache(string directory)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public string Directory { get; } = directory;

    public static string DefaultDirectory() => CacheFolder.Path("llm");

    public static string Key(ChatClientMetadata? metadata, string? model, IEnumerable<ChatMessage> messages, ChatOptions options)
    {
        var material = JsonSerializer.Serialize(new
        {
            v = 1,
            provider = metadata?.ProviderName,
            endpoint = metadata?.ProviderUri?.ToString(),
            model = model ?? metadata?.DefaultModelId,
            messages = messages.Select(m => new { role = m.Role.Value, text = m.Text }),
            temperature = options.Temperature,
            maxTokens = options.MaxOutputTokens,
        }, Json);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material)));
    }

    public bool Contains(string key) => File.Exists(PathFor(key));

    public CacheEntry? TryGet(string key)
    {
        var path = PathFor(key);
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            var entry = JsonSerializer.Deserialize<CacheEntry>(File.ReadAllText(path), Json);
            return entry is { Text: not null } ? entry : null;
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            // An unreadable entry is a miss; the next write replaces it.
            return null;
        }
    }

    public void Set(string key, CacheEntry entry)
    {
        var path = PathFor(key);
        var dir = Path.GetDirectoryName(path)!;
        System.IO.Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{key}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temp, JsonSerializer.Serialize(entry, Json));
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    internal string PathFor(string key) => Path.Combine(Directory, key[..2], key + ".json");

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>One stored answer.</summary>
internal sealed record CacheEntry(string Text, long InputTokens, long OutputTokens, string? Model, DateTimeOffset Created);
