using System.Collections.Frozen;
using Summarizer.Entities.Training;

namespace Summarizer.Entities.Tagging;

/// <summary>
/// Makes a document's names agree with each other: the same string gets its most frequent label, and later bare
/// mentions of a name found elsewhere in the document ("Lebed" after "Alexander Lebed") are tagged too.
/// </summary>
internal static class DocumentConsistency
{
    private const int MaxName = 6;

    // Office titles that precede a person's name; a name never continues through them.
    private static readonly FrozenSet<string> Offices = new[]
    {
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "president", "minister", "secretary", "senator",
        "chancellor", "governor", "mayor", "premier", "ambassador", "spokesman", "spokeswoman", "chairman", "coach",
        "general", "gen.", "judge", "king", "queen", "prince", "pope",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // Words that continue a title rather than begin the name ("Secretary of State", "Minister for Foreign Affairs").
    private static readonly FrozenSet<string> OfficeWords = new[]
    {
        "of", "for", "the", "state", "foreign", "affairs", "defence", "defense", "interior", "finance", "home", "health",
        "justice", "trade", "energy", "education", "general", "prime", "deputy", "vice", "elect", "designate", "-",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    internal static void Apply(IReadOnlyList<IReadOnlyList<string>> sentences, List<TokenSpan>[] spans, IReadOnlySet<string> lowerWords)
    {
        for (var s = 0; s < sentences.Count; s++)
        {
            SplitAtOffices(sentences[s], spans[s]);
        }

        var votes = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        for (var s = 0; s < sentences.Count; s++)
        {
            foreach (var span in spans[s])
            {
                var key = Key(sentences[s], span.Start, span.End);
                if (!votes.TryGetValue(key, out var byLabel))
                {
                    votes[key] = byLabel = new Dictionary<string, int>(StringComparer.Ordinal);
                }

                byLabel[span.Label] = byLabel.GetValueOrDefault(span.Label) + 1;
            }
        }

        if (votes.Count == 0)
        {
            return;
        }

        var names = Winners(votes);

        // Parts of multi-word person names stand for the person on their own ("Yeltsin" after "Boris Yeltsin"): each
        // full mention votes for its parts, which outweighs a stray other label on a bare mention.
        for (var s = 0; s < sentences.Count; s++)
        {
            foreach (var span in spans[s])
            {
                if (names[Key(sentences[s], span.Start, span.End)] != "PER" || span.End - span.Start < 2)
                {
                    continue;
                }

                for (var i = span.Start; i < span.End; i++)
                {
                    var token = sentences[s][i];
                    if (token.Length > 1 && char.IsUpper(token[0]) && !lowerWords.Contains(token.ToLowerInvariant()))
                    {
                        if (!votes.TryGetValue(token, out var byLabel))
                        {
                            votes[token] = byLabel = new Dictionary<string, int>(StringComparer.Ordinal);
                        }

                        byLabel["PER"] = byLabel.GetValueOrDefault("PER") + 1;
                    }
                }
            }
        }

        names = Winners(votes);

        // A bare name read as a person that begins an organisation's name in the same document is that organisation
        // in short ("Nordvik" after "Nordvik Foods"), unless a person's full name has it too.
        var personParts = names.Where(n => n.Value == "PER" && n.Key.Contains(' ', StringComparison.Ordinal))
            .SelectMany(n => n.Key.Split(' ')).ToHashSet(StringComparer.Ordinal);
        var organisationHeads = names.Where(n => n.Value == "ORG" && n.Key.Contains(' ', StringComparison.Ordinal))
            .Select(n => n.Key[..n.Key.IndexOf(' ', StringComparison.Ordinal)]).ToList();
        foreach (var first in organisationHeads)
        {
            if (names.TryGetValue(first, out var label) && label == "PER" && !personParts.Contains(first))
            {
                names[first] = "ORG";
            }
        }

        // Only lengths some name has are worth building keys for.
        var longest = Math.Min(MaxName, names.Keys.Max(k => k.Count(c => c == ' ') + 1));

        for (var s = 0; s < sentences.Count; s++)
        {
            var tokens = sentences[s];
            var list = spans[s];
            for (var k = 0; k < list.Count; k++)
            {
                list[k] = list[k] with { Label = names[Key(tokens, list[k].Start, list[k].End)] };
            }

            var covered = new bool[tokens.Count];
            foreach (var span in list)
            {
                Array.Fill(covered, true, span.Start, span.End - span.Start);
            }

            for (var i = 0; i < tokens.Count; i++)
            {
                if (covered[i] || !Plausible(tokens[i], lowerWords))
                {
                    continue;
                }

                for (var len = Math.Min(longest, tokens.Count - i); len >= 1; len--)
                {
                    if (covered.AsSpan(i, len).Contains(true) || !names.TryGetValue(Key(tokens, i, i + len), out var label))
                    {
                        continue;
                    }

                    var end = i + len;
                    list.Add(new TokenSpan(i, end, label));
                    Array.Fill(covered, true, i, len);
                    i = end - 1;
                    break;
                }
            }

            list.Sort((a, b) => a.Start.CompareTo(b.Start));
        }
    }

    // "US Secretary of State Antony Blinken" as one span: the words after the last title are the person, the words
    // before the first title keep their label.
    private static void SplitAtOffices(IReadOnlyList<string> tokens, List<TokenSpan> spans)
    {
        for (var k = spans.Count - 1; k >= 0; k--)
        {
            var span = spans[k];
            var first = -1;
            var last = -1;
            for (var i = span.Start; i < span.End - 1; i++)
            {
                if (Offices.Contains(tokens[i]))
                {
                    first = first < 0 ? i : first;
                    last = i;
                }
            }

            if (last < 0)
            {
                // "Secretary of State Antony Blinken" tagged from "State" on: the title began before the span.
                if (FollowsOffice(tokens, span.Start) && OfficeWords.Contains(tokens[span.Start]))
                {
                    var name = span.Start;
                    while (name < span.End && OfficeWords.Contains(tokens[name]))
                    {
                        name++;
                    }

                    spans.RemoveAt(k);
                    if (name < span.End)
                    {
                        spans.Insert(k, new TokenSpan(name, span.End, "PER"));
                    }
                }

                continue;
            }

            var start = last + 1;
            while (start < span.End && OfficeWords.Contains(tokens[start]))
            {
                start++;
            }

            spans.RemoveAt(k);
            if (start < span.End)
            {
                spans.Insert(k, new TokenSpan(start, span.End, "PER"));
            }

            if (first > span.Start)
            {
                spans.Insert(k, span with { End = first });
            }
        }
    }

    // Whether the words just before position i are an office title, possibly with its continuation ("Secretary of").
    private static bool FollowsOffice(IReadOnlyList<string> tokens, int i)
    {
        for (var j = i - 1; j >= 0; j--)
        {
            if (Offices.Contains(tokens[j]))
            {
                return true;
            }

            if (!OfficeWords.Contains(tokens[j]))
            {
                return false;
            }
        }

        return false;
    }

    // The most frequent label of each name; PER wins ties, since person names are the ones mentioned in parts.
    private static Dictionary<string, string> Winners(Dictionary<string, Dictionary<string, int>> votes) =>
        votes.ToDictionary(
            v => v.Key,
            v => v.Value.OrderByDescending(l => l.Value).ThenBy(l => l.Key == "PER" ? 0 : 1).ThenBy(l => l.Key, StringComparer.Ordinal).First().Key,
            StringComparer.Ordinal);

    // Only words that look like names: capitalised and not a common lower-case word.
    private static bool Plausible(string token, IReadOnlySet<string> lowerWords) =>
        token.Length > 1 && char.IsUpper(token[0]) && !lowerWords.Contains(token.ToLowerInvariant());

    /// <summary>A name as written: its tokens joined by single spaces.</summary>
    internal static string Key(IReadOnlyList<string> tokens, int start, int end) =>
        end - start == 1 ? tokens[start] : string.Join(' ', Enumerable.Range(start, end - start).Select(i => tokens[i]));
}
