using Summarizer.Entities.Training;

namespace Summarizer.Entities.Tagging;

/// <summary>
/// Wire-style datelines open a story with the place in capitals: "BEIJING 1996-08-30", "WASHINGTON (Reuters) -",
/// "PARIS, March 3". All-caps words carry little for the tagger, so a known place in that position is a location.
/// </summary>
internal static class Datelines
{
    private const int MaxWords = 3;

    internal static void Apply(IReadOnlyList<IReadOnlyList<string>> sentences, List<TokenSpan>[] spans, Gazetteer gazetteer)
    {
        for (var s = 0; s < sentences.Count; s++)
        {
            var tokens = sentences[s];
            var end = 0;
            while (end < tokens.Count && end < MaxWords && IsCapitals(tokens[end]))
            {
                end++;
            }

            if (end == 0 || end >= tokens.Count || !EndsDateline(tokens[end]) || spans[s].Any(span => span.Start < end))
            {
                continue;
            }

            var place = DocumentConsistency.Key(tokens, 0, end).ToLowerInvariant();
            if ((gazetteer.Lookup(place) & (1 << Gazetteer.LabelIndex("LOC"))) != 0)
            {
                spans[s].Insert(0, new TokenSpan(0, end, "LOC"));
            }
        }
    }

    private static bool IsCapitals(string token) =>
        token.Length > 1 && token.All(c => char.IsUpper(c) || c is '.' or '-' or '\'') && token.Any(char.IsLetter);

    // What follows the place: a date or number, a comma, an opening bracket or a dash.
    private static bool EndsDateline(string token) =>
        char.IsAsciiDigit(token[0]) || token is "," or "(" or "-" or "--" or "—" or "–";
}
