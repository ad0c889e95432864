using System.Collections.Frozen;

namespace Summarizer.Entities.Training;

/// <summary>
/// Brings spans from differently annotated sets to CoNLL-2003's conventions before training, so that the sets agree:
/// <list type="bullet">
/// <item>titles stay outside person names ("President [Obama]", "Sir [Henry Cecil]");</item>
/// <item>a lower-case article stays outside any name ("the [United States]");</item>
/// <item>a demonym or nationality is MISC, not LOC ("[German] footballer", "[Americans]", "[South Korean]");</item>
/// <item>a year before a MISC name stays outside it ("2014 [Commonwealth Games]");</item>
/// <item>in cased text a MISC span without a capital letter or digit is no name ("communist", "minor planet").</item>
/// </list>
/// </summary>
public static class NerConventions
{
    private static readonly FrozenSet<string> Titles = new[]
    {
        "mr", "mrs", "ms", "dr", "prof", "professor", "sir", "dame", "president", "vice-president", "senator", "sen",
        "governor", "gov", "mayor", "king", "queen", "prince", "princess", "pope", "emperor", "empress", "general",
        "gen", "colonel", "col", "captain", "capt", "lieutenant", "lt", "sergeant", "sgt", "judge", "chancellor",
        "premier", "ambassador", "rev", "reverend", "sheikh", "archbishop", "bishop", "cardinal", "minister",
        "chairman", "coach", "rep", "representative",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Articles = new[] { "the", "a", "an" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The sentence with its spans brought to CoNLL conventions (see the class summary).
    /// <paramref name="nationalities"/> holds lower-cased demonyms and nationality words ("german", "americans").
    /// </summary>
    public static ConllSentence Apply(ConllSentence sentence, IReadOnlySet<string> nationalities)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(nationalities);
        var tokens = sentence.Tokens;
        var cased = tokens.Any(t => t.Any(char.IsUpper));
        var spans = new List<TokenSpan>();
        foreach (var original in ConllCorpus.Spans(sentence.Tags))
        {
            var span = original;
            while (span.End - span.Start > 1 && Articles.Contains(tokens[span.Start]))
            {
                span = span with { Start = span.Start + 1 };
            }

            switch (span.Label)
            {
                case "PER":
                    while (span.End - span.Start > 1 && IsTitle(tokens, span.Start))
                    {
                        span = span with { Start = span.Start + (IsPrimeMinister(tokens, span.Start) ? 2 : 1) };
                    }

                    break;
                case "LOC" when nationalities.Contains(tokens[span.End - 1].ToLowerInvariant()):
                    span = span with { Label = "MISC" };
                    break;
                case "MISC":
                    while (span.End - span.Start > 1 && tokens[span.Start].Length == 4 && tokens[span.Start].All(char.IsAsciiDigit))
                    {
                        span = span with { Start = span.Start + 1 };
                    }

                    if (cased && !Enumerable.Range(span.Start, span.End - span.Start).Any(i => tokens[i].Any(c => char.IsUpper(c) || char.IsDigit(c))))
                    {
                        continue;
                    }

                    break;
            }

            if (span.End > span.Start)
            {
                spans.Add(span);
            }
        }

        return sentence with { Tags = ConllCorpus.Tags(spans, tokens.Count) };
    }

    private static bool IsTitle(IReadOnlyList<string> tokens, int i) =>
        Titles.Contains(tokens[i].TrimEnd('.')) || IsPrimeMinister(tokens, i);

    private static bool IsPrimeMinister(IReadOnlyList<string> tokens, int i) =>
        i + 1 < tokens.Count && tokens[i].Equals("prime", StringComparison.OrdinalIgnoreCase)
        && tokens[i + 1].Equals("minister", StringComparison.OrdinalIgnoreCase);
}
