using System.Collections.Frozen;
using Summarizer.Entities.Training;

namespace Summarizer.Entities.Tagging;

/// <summary>
/// In sports reports, places usually stand for the clubs named after them: "Surrey 429-7", "Leeds beat Chelsea",
/// "CHICAGO 71 64 .526". A place name that a sports document uses as a side in a result becomes an organisation
/// throughout that document. Countries stay places, as national sides conventionally do.
/// </summary>
internal static class SportsTeams
{
    // A document needs this many distinct sports words, one of them unmistakable, before places are read as clubs:
    // "won", "final" and "victory" alone also describe elections.
    private const int MinSportsWords = 3;

    private static readonly FrozenSet<string> SportsOnlyWords = new[]
    {
        "soccer", "football", "cricket", "baseball", "basketball", "hockey", "rugby", "tennis", "golf", "innings",
        "wicket", "wickets", "striker", "midfielder", "goalkeeper", "pitcher", "inning", "homer", "touchdown",
        "quarterback", "standings", "halftime", "half-time", "batting", "bowling", "nba", "nfl", "nhl", "mlb", "fifa",
        "uefa",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> SportsWords = SportsOnlyWords.Concat(
    [
        "league", "division", "goal", "goals", "championship", "cup", "match", "semifinal", "quarter-final",
        "semi-final", "final", "tournament", "season", "club", "penalty", "scored", "scorers", "runs", "points",
        "played", "won", "lost", "drawn", "draw", "beat", "defeated", "victory", "win", "fixtures", "results", "olympic",
    ]).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // Words that put a side before or after them in a result.
    private static readonly FrozenSet<string> Versus = new[]
    {
        "v", "v.", "vs", "vs.", "versus", "beat", "beats", "defeated", "drew", "against", "edged", "thrashed",
        "routed", "downed", "blanked", "host", "hosts", "hosted",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    internal static bool IsSportsDocument(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var unmistakable = false;
        foreach (var sentence in sentences)
        {
            foreach (var token in sentence)
            {
                if (SportsWords.Contains(token) && seen.Add(token))
                {
                    unmistakable |= SportsOnlyWords.Contains(token);
                    if (unmistakable && seen.Count >= MinSportsWords)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    internal static void Apply(IReadOnlyList<IReadOnlyList<string>> sentences, List<TokenSpan>[] spans, Gazetteer gazetteer)
    {
        if (!IsSportsDocument(sentences))
        {
            return;
        }

        // Places used as a side anywhere in the document, whether the tagger took them for places or missed them.
        var teams = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var found = new List<TokenSpan>[sentences.Count];
        for (var s = 0; s < sentences.Count; s++)
        {
            var tokens = sentences[s];
            found[s] = [];
            foreach (var span in spans[s])
            {
                if (span.Label == "LOC" && IsClubPlace(tokens, span.Start, span.End, gazetteer) && IsSide(tokens, span.Start, span.End))
                {
                    teams.Add(DocumentConsistency.Key(tokens, span.Start, span.End));
                }
            }

            var covered = new bool[tokens.Count];
            foreach (var span in spans[s])
            {
                Array.Fill(covered, true, span.Start, span.End - span.Start);
            }

            for (var i = 0; i < tokens.Count; i++)
            {
                if (covered[i] || tokens[i].Length < 2 || !char.IsUpper(tokens[i][0]))
                {
                    continue;
                }

                for (var end = Math.Min(tokens.Count, i + 3); end > i; end--)
                {
                    if (!covered.AsSpan(i, end - i).Contains(true) && IsClubPlace(tokens, i, end, gazetteer) && IsSide(tokens, i, end))
                    {
                        found[s].Add(new TokenSpan(i, end, "ORG"));
                        teams.Add(DocumentConsistency.Key(tokens, i, end));
                        i = end - 1;
                        break;
                    }
                }
            }
        }

        if (teams.Count == 0)
        {
            return;
        }

        for (var s = 0; s < sentences.Count; s++)
        {
            var tokens = sentences[s];
            var list = spans[s];
            for (var k = 0; k < list.Count; k++)
            {
                if (list[k].Label == "LOC" && teams.Contains(DocumentConsistency.Key(tokens, list[k].Start, list[k].End)))
                {
                    list[k] = list[k] with { Label = "ORG" };
                }
            }

            if (found[s].Count > 0)
            {
                list.AddRange(found[s]);
                list.Sort((a, b) => a.Start.CompareTo(b.Start));
            }
        }
    }

    // A place in the gazetteer that is not a country.
    private static bool IsClubPlace(IReadOnlyList<string> tokens, int start, int end, Gazetteer gazetteer)
    {
        var mask = gazetteer.Lookup(DocumentConsistency.Key(tokens, start, end).ToLowerInvariant());
        return (mask & (1 << Gazetteer.LabelIndex("LOC"))) != 0 && (mask & Gazetteer.CountryBit) == 0;
    }

    private static bool IsSide(IReadOnlyList<string> tokens, int start, int end) =>
        (end < tokens.Count && (IsScore(tokens[end]) || Versus.Contains(tokens[end])))
        || (start > 0 && Versus.Contains(tokens[start - 1]));

    // "2", "345", "429-7": a score or total, not a year or a date.
    private static bool IsScore(string token)
    {
        var dash = token.IndexOf('-', StringComparison.Ordinal);
        return dash < 0
            ? token.Length is > 0 and <= 3 && token.All(char.IsAsciiDigit)
            : dash is > 0 and <= 3 && token.Length - dash - 1 is > 0 and <= 3 && token.Remove(dash, 1).All(char.IsAsciiDigit);
    }
}
