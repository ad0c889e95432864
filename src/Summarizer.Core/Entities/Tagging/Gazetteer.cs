using System.Globalization;
using System.Text;

namespace Summarizer.Entities.Tagging;

/// <summary>
/// Case-insensitive phrase lists by entity label: whole names seen as entities (PER, ORG, LOC, MISC) and single
/// words seen inside names of each type. Built from training data plus the platform's country, language and
/// time-zone city names.
/// </summary>
internal sealed class Gazetteer
{
    // Bits 0-3: the phrase is a whole name of label i; bits 4-7: the word occurs inside a name of label i.
    internal const int Labels = 4;
    internal const int MaxPhrase = 6;

    // Set on a phrase that begins a longer phrase, so matching can stop early.
    internal const ushort PrefixBit = 0x100;

    // Single words from name lists: a known first name, a known family name.
    internal const ushort FirstNameBit = 0x200;
    internal const ushort LastNameBit = 0x400;

    // A whole name that is a country (from COUNTRY lines): national sides stay places in sports reports.
    internal const ushort CountryBit = 0x800;

    // A single word that a name list (not the training data) supplies; name shapes are learnt from these.
    internal const ushort ListedBit = 0x1000;

    private readonly Dictionary<string, ushort> _entries;
    private readonly Dictionary<string, ushort>.AlternateLookup<ReadOnlySpan<char>> _spans;

    internal Gazetteer(Dictionary<string, ushort> entries)
    {
        _entries = entries;
        _spans = entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    internal Gazetteer()
        : this(new Dictionary<string, ushort>(StringComparer.Ordinal))
    {
    }

    internal IReadOnlyDictionary<string, ushort> Entries => _entries;

    internal static int LabelIndex(string label) => label switch
    {
        "PER" => 0,
        "ORG" => 1,
        "LOC" => 2,
        "MISC" => 3,
        _ => -1,
    };

    /// <summary>Adds a whole name and its words; returns the name's key, or null when the name was not added.</summary>
    internal string? AddName(IReadOnlyList<string> tokens, int start, int end, string label)
    {
        var index = LabelIndex(label);
        if (index < 0 || end - start > MaxPhrase)
        {
            return null;
        }

        var words = Enumerable.Range(start, end - start).Select(i => tokens[i].ToLowerInvariant()).ToArray();
        var key = string.Join(' ', words);
        Or(key, (ushort)(1 << index));
        for (var len = 1; len < words.Length; len++)
        {
            Or(string.Join(' ', words.Take(len)), PrefixBit);
        }

        for (var i = start; i < end; i++)
        {
            if (tokens[i].Length > 1 && char.IsLetter(tokens[i][0]))
            {
                Or(tokens[i].ToLowerInvariant(), (ushort)(1 << (index + 4)));
            }
        }

        return key;
    }

    /// <summary>Adds a space-separated name made of letters; returns its key, or null when it was not added.</summary>
    internal string? AddPhrase(string phrase, string label)
    {
        var tokens = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return tokens.Length > 0 && tokens.All(t => t.All(c => char.IsLetter(c) || c is '-' or '.' or '\''))
            ? AddName(tokens, 0, tokens.Length, label)
            : null;
    }

    /// <summary>
    /// Adds a name list: one <c>label&lt;TAB&gt;phrase</c> per line, labels PER, ORG, LOC, MISC and COUNTRY (a LOC) for whole names
    /// and FIRST and LAST for single-word parts of person names.
    /// </summary>
    /// <exception cref="FormatException">A line has no tab or an unknown label; the message names the line.</exception>
    internal void AddList(TextReader reader, string source)
    {
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            var label = tab > 0 ? line[..tab] : "";
            var written = tab > 0 ? line[(tab + 1)..].Trim().ToLowerInvariant() : "";

            // "Tromsø" is often written "Tromso": a name also counts in plain Latin letters.
            foreach (var phrase in new[] { written, Fold(written) }.Distinct(StringComparer.Ordinal))
            {
                AddEntry(label, phrase, source, number);
            }
        }
    }

    /// <summary>A lower-cased phrase in plain Latin letters: accents dropped, ø, æ, œ, ł, đ, ð, þ and ß spelt out.</summary>
    internal static string Fold(string phrase)
    {
        var builder = new StringBuilder(phrase.Length);
        foreach (var c in phrase.Normalize(NormalizationForm.FormD))
        {
            switch (c)
            {
                case 'ø':
                    builder.Append('o');
                    break;
                case 'æ':
                    builder.Append("ae");
                    break;
                case 'œ':
                    builder.Append("oe");
                    break;
                case 'ł':
                    builder.Append('l');
                    break;
                case 'đ' or 'ð':
                    builder.Append('d');
                    break;
                case 'þ':
                    builder.Append("th");
                    break;
                case 'ß':
                    builder.Append("ss");
                    break;
                default:
                    if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    private void AddEntry(string label, string phrase, string source, int number)
    {
        var single = phrase.Length > 0 && !phrase.Contains(' ', StringComparison.Ordinal);
        switch (label)
        {
            case "FIRST" or "LAST" when single:
                Or(phrase, label == "FIRST" ? FirstNameBit : LastNameBit);
                break;
            case "PER" or "ORG" or "LOC" or "MISC" when phrase.Length > 0:
                AddPhrase(phrase, label);
                break;
            case "COUNTRY" when phrase.Length > 0:
                AddCountry(phrase);
                break;
            default:
                throw new FormatException($"{source}:{number}: expected 'LABEL<TAB>phrase' with LABEL one of PER, ORG, LOC, MISC, COUNTRY, FIRST, LAST.");
        }

        if (single)
        {
            Or(phrase, ListedBit);
        }
    }

    /// <summary>Countries (LOC), languages/nationalities (MISC) and time-zone cities (LOC) known to the platform.</summary>
    internal void AddPlatformNames()
    {
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.NeutralCultures))
        {
            var name = culture.EnglishName;
            if (culture.Name.Length > 0 && !name.Contains('(', StringComparison.Ordinal))
            {
                AddPhrase(name, "MISC");
            }
        }

        foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
        {
            try
            {
                AddCountry(new RegionInfo(culture.Name).EnglishName);
            }
            catch (ArgumentException)
            {
                // Some cultures have no region.
            }
        }

        foreach (var zone in TimeZoneInfo.GetSystemTimeZones())
        {
            var slash = zone.Id.LastIndexOf('/');
            if (slash > 0 && !zone.Id.StartsWith("Etc", StringComparison.Ordinal))
            {
                AddPhrase(zone.Id[(slash + 1)..].Replace('_', ' '), "LOC");
            }
        }
    }

    private void AddCountry(string name)
    {
        if (AddPhrase(name, "LOC") is { } key)
        {
            Or(key, CountryBit);
        }
    }

    internal ushort Lookup(ReadOnlySpan<char> lowerPhrase) => _spans.TryGetValue(lowerPhrase, out var mask) ? mask : (ushort)0;

    /// <summary>
    /// Per token: bits 0-3 = begins a whole-name match of label i, bits 4-7 = inside one, bits 8-11 = the word occurs
    /// inside names of label i, bit 12 = a known first name, bit 13 = a known family name. Longest matches win.
    /// </summary>
    internal void Annotate(string[] lower, int[] output)
    {
        Array.Clear(output, 0, lower.Length);
        Span<char> buffer = stackalloc char[256];
        for (var i = 0; i < lower.Length; i++)
        {
            var best = 0;
            var bestMask = 0;
            var used = 0;
            for (var len = 1; len <= MaxPhrase && i + len <= lower.Length; len++)
            {
                var word = lower[i + len - 1];
                if (used + word.Length + 1 > buffer.Length)
                {
                    break;
                }

                if (len > 1)
                {
                    buffer[used++] = ' ';
                }

                word.AsSpan().CopyTo(buffer[used..]);
                used += word.Length;
                int entry = Lookup(buffer[..used]);
                if (len == 1)
                {
                    output[i] |= (((entry >> 4) & 0x0F) << 8) | (((entry >> 9) & 0x03) << 12);
                }

                if ((entry & 0x0F) != 0)
                {
                    best = len;
                    bestMask = entry & 0x0F;
                }

                if ((entry & PrefixBit) == 0)
                {
                    break;
                }
            }

            if (best > 0)
            {
                output[i] |= bestMask;
                for (var k = 1; k < best; k++)
                {
                    output[i + k] |= bestMask << 4;
                }
            }
        }
    }

    private void Or(string key, ushort bits)
    {
        _entries.TryGetValue(key, out var mask);
        _entries[key] = (ushort)(mask | bits);
    }
}
