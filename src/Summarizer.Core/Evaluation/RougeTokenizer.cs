using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Reflection;

namespace Summarizer.Evaluation;

/// <summary>
/// ROUGE-1.5.5's text handling for one-sentence-per-line input with stemming (<c>-m</c>): empty lines are dropped,
/// A-Z is lower-cased, '-' is padded with spaces, every other character outside [A-Za-z0-9-] becomes a space, tokens
/// are split on whitespace, only tokens starting with [a-z0-9$] are kept, and tokens longer than three characters
/// are replaced by their WordNet 2.0 exception base form or else their Porter stem.
/// </summary>
internal static class RougeTokenizer
{
    private static readonly ConcurrentDictionary<string, string> TokenCache = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> CacheLookup =
        TokenCache.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly Lazy<FrozenDictionary<string, string>> ExceptionMap = new(LoadExceptions);

    /// <summary>The WordNet 2.0 exception map ROUGE-1.5.5 consults before stemming (inflected form → base form).</summary>
    public static FrozenDictionary<string, string> Exceptions => ExceptionMap.Value;

    /// <summary>The token lists of each non-empty line of <paramref name="text"/>, as ROUGE-1.5.5 reads SPL input.</summary>
    public static List<string[]> Sentences(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = new List<string[]>();
        foreach (var line in text.Split('\n'))
        {
            // Perl's chomp removes only the newline; a line is skipped only when nothing at all is left.
            if (line.Length > 0)
            {
                sentences.Add(Tokens(line));
            }
        }

        return sentences;
    }

    /// <summary>The ROUGE tokens of one line (lower-cased, cleaned, filtered and stemmed).</summary>
    public static string[] Tokens(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var tokens = new List<string>();
        var buffer = line.Length <= 256 ? stackalloc char[line.Length] : new char[line.Length];
        var length = 0;
        foreach (var ch in line)
        {
            if (ch is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                buffer[length++] = ch;
            }
            else if (ch is >= 'A' and <= 'Z')
            {
                buffer[length++] = (char)(ch + ('a' - 'A'));
            }
            else if (length > 0)
            {
                // Every other character separates tokens. '-' is padded with spaces by ROUGE and so is always a
                // token of its own, which its [a-z0-9$] filter then drops.
                tokens.Add(Token(buffer[..length]));
                length = 0;
            }
        }

        if (length > 0)
        {
            tokens.Add(Token(buffer[..length]));
        }

        return [.. tokens];
    }

    /// <summary>
    /// ROUGE's <c>MorphStem</c> as applied under <c>-m</c>: tokens of up to three characters are kept; longer ones go
    /// through the exception map, else the Porter stemmer.
    /// </summary>
    public static string Stem(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Token(token);
    }

    // Every kept character is [a-z0-9], so each token passes ROUGE's "starts with [a-z0-9$]" filter.
    private static string Token(ReadOnlySpan<char> raw)
    {
        if (CacheLookup.TryGetValue(raw, out var cached))
        {
            return cached;
        }

        var token = raw.ToString();
        var result = token.Length <= 3
            ? token
            : Exceptions.TryGetValue(token, out var baseForm) ? baseForm : RougePorterStemmer.Stem(token);

        // Bounded loosely: past a large vocabulary the cache stops growing rather than evicting.
        if (TokenCache.Count < 1_000_000)
        {
            TokenCache.TryAdd(token, result);
        }

        return result;
    }

    private static FrozenDictionary<string, string> LoadExceptions()
    {
        const string name = "Summarizer.Resources.rouge-wordnet-2.0-exceptions.tsv";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The ROUGE exception map '{name}' is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var map = new Dictionary<string, string>(6000, StringComparer.Ordinal);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var tab = line.IndexOf('\t');
            if (tab <= 0 || tab == line.Length - 1)
            {
                throw new InvalidDataException($"{name}, line {lineNumber}: expected 'inflected<TAB>base'.");
            }

            map[line[..tab]] = line[(tab + 1)..];
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
