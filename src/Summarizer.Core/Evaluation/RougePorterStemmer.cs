using System.Text.RegularExpressions;

namespace Summarizer.Evaluation;

/// <summary>
/// The Porter stemmer exactly as ROUGE-1.5.5 ships it: the Perl port of the original algorithm, including ROUGE's
/// 2004 change to step 4 (a word ending in "-ement" does not fall through to "-ment"/"-ent" in the same rule, but
/// "-ment" and "-ent" are then tried on the result). The rules are kept as the same regular expressions so that
/// their matching behaviour, including backtracking on the measure patterns, is identical.
/// </summary>
internal static partial class RougePorterStemmer
{
    // c = [^aeiou], v = [aeiouy], C = c[^aeiouy]*, V = v[aeiou]*
    private const string Cs = "[^aeiou][^aeiouy]*";
    private const string Vs = "[aeiouy][aeiou]*";
    private const string MeasureGt0 = "^(" + Cs + ")?" + Vs + Cs;
    private const string MeasureEq1 = "^(" + Cs + ")?" + Vs + Cs + "(" + Vs + ")?$";
    private const string MeasureGt1 = "^(" + Cs + ")?" + Vs + Cs + Vs + Cs;
    private const string HasVowel = "^(" + Cs + ")?[aeiouy]";
    private const string ShortSyllable = "^" + Cs + "[aeiouy][^aeiouwxy]$";

    private static readonly Dictionary<string, string> Step2 = new(StringComparer.Ordinal)
    {
        ["ational"] = "ate", ["tional"] = "tion", ["enci"] = "ence", ["anci"] = "ance", ["izer"] = "ize",
        ["bli"] = "ble", ["alli"] = "al", ["entli"] = "ent", ["eli"] = "e", ["ousli"] = "ous", ["ization"] = "ize",
        ["ation"] = "ate", ["ator"] = "ate", ["alism"] = "al", ["iveness"] = "ive", ["fulness"] = "ful",
        ["ousness"] = "ous", ["aliti"] = "al", ["iviti"] = "ive", ["biliti"] = "ble", ["logi"] = "log",
    };

    private static readonly Dictionary<string, string> Step3 = new(StringComparer.Ordinal)
    {
        ["icate"] = "ic", ["ative"] = "", ["alize"] = "al", ["iciti"] = "ic", ["ical"] = "ic", ["ful"] = "", ["ness"] = "",
    };

    /// <summary>The stem of a lower-case word; words shorter than three characters are returned unchanged.</summary>
    public static string Stem(string word)
    {
        var w = word;
        if (w.Length < 3)
        {
            return w;
        }

        // An initial y is upper-cased so that the patterns treat it as a consonant.
        var initialY = w[0] == 'y';
        if (initialY)
        {
            w = "Y" + w[1..];
        }

        // Step 1a
        Match m;
        if ((m = Step1aEs().Match(w)).Success)
        {
            w = w[..m.Index] + m.Groups[1].Value;
        }
        else if ((m = Step1aS().Match(w)).Success)
        {
            w = w[..m.Index] + m.Groups[1].Value;
        }

        // Step 1b
        if ((m = Eed().Match(w)).Success)
        {
            if (Gt0().IsMatch(w[..m.Index]))
            {
                w = w[..^1];
            }
        }
        else if ((m = EdIng().Match(w)).Success)
        {
            var stem = w[..m.Index];
            if (Vowel().IsMatch(stem))
            {
                w = stem;
                if (AtBlIz().IsMatch(w))
                {
                    w += "e";
                }
                else if (DoubleConsonant().IsMatch(w))
                {
                    w = w[..^1];
                }
                else if (Cvc().IsMatch(w))
                {
                    w += "e";
                }
            }
        }

        // Step 1c
        if ((m = FinalY().Match(w)).Success)
        {
            var stem = w[..m.Index];
            if (Vowel().IsMatch(stem))
            {
                w = stem + "i";
            }
        }

        // Step 2
        if ((m = Step2Suffix().Match(w)).Success)
        {
            var stem = w[..m.Index];
            if (Gt0().IsMatch(stem))
            {
                w = stem + Step2[m.Groups[1].Value];
            }
        }

        // Step 3
        if ((m = Step3Suffix().Match(w)).Success)
        {
            var stem = w[..m.Index];
            if (Gt0().IsMatch(stem))
            {
                w = stem + Step3[m.Groups[1].Value];
            }
        }

        // Step 4, with ROUGE's modification: three independent rules rather than one alternation.
        if ((m = Step4Suffix().Match(w)).Success)
        {
            var stem = w[..m.Index];
            if (Gt1().IsMatch(stem))
            {
                w = stem;
            }
        }

        if ((m = Ment().Match(w)).Success)
        {
            var stem = w[..m.Index];
            if (Gt1().IsMatch(stem))
            {
                w = stem;
            }
        }

        if ((m = Ent().Match(w)).Success)
        {
            var stem = w[..m.Index];
            if (Gt1().IsMatch(stem))
            {
                w = stem;
            }
        }
        else if ((m = SionTion().Match(w)).Success)
        {
            var stem = w[..m.Index] + m.Groups[1].Value;
            if (Gt1().IsMatch(stem))
            {
                w = stem;
            }
        }

        // Step 5
        if ((m = FinalE().Match(w)).Success)
        {
            var stem = w[..m.Index];
            if (Gt1().IsMatch(stem) || (Eq1().IsMatch(stem) && !Cvc().IsMatch(stem)))
            {
                w = stem;
            }
        }

        if (w.EndsWith("ll", StringComparison.Ordinal) && Gt1().IsMatch(w))
        {
            w = w[..^1];
        }

        if (initialY)
        {
            w = "y" + w[1..];
        }

        return w;
    }

    [GeneratedRegex("(ss|i)es$")]
    private static partial Regex Step1aEs();

    [GeneratedRegex("([^s])s$")]
    private static partial Regex Step1aS();

    [GeneratedRegex("eed$")]
    private static partial Regex Eed();

    [GeneratedRegex("(ed|ing)$")]
    private static partial Regex EdIng();

    [GeneratedRegex("(at|bl|iz)$")]
    private static partial Regex AtBlIz();

    [GeneratedRegex(@"([^aeiouylsz])\1$")]
    private static partial Regex DoubleConsonant();

    [GeneratedRegex("y$")]
    private static partial Regex FinalY();

    [GeneratedRegex("(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)$")]
    private static partial Regex Step2Suffix();

    [GeneratedRegex("(icate|ative|alize|iciti|ical|ful|ness)$")]
    private static partial Regex Step3Suffix();

    [GeneratedRegex("(al|ance|ence|er|ic|able|ible|ant|ement|ou|ism|ate|iti|ous|ive|ize)$")]
    private static partial Regex Step4Suffix();

    [GeneratedRegex("ment$")]
    private static partial Regex Ment();

    [GeneratedRegex("ent$")]
    private static partial Regex Ent();

    [GeneratedRegex("(s|t)(ion)$")]
    private static partial Regex SionTion();

    [GeneratedRegex("e$")]
    private static partial Regex FinalE();

    [GeneratedRegex(MeasureGt0)]
    private static partial Regex Gt0();

    [GeneratedRegex(MeasureEq1)]
    private static partial Regex Eq1();

    [GeneratedRegex(MeasureGt1)]
    private static partial Regex Gt1();

    [GeneratedRegex(HasVowel)]
    private static partial Regex Vowel();

    [GeneratedRegex(ShortSyllable)]
    private static partial Regex Cvc();
}
