using System.Collections.Frozen;

namespace Summarizer.Analysis;

/// <summary>A sentence's place in its text: <c>[Start, End)</c> in UTF-16 code units, and its paragraph.</summary>
public readonly record struct SentenceSpan(int Start, int End, int Paragraph)
{
    /// <summary>Length in UTF-16 code units.</summary>
    public int Length => End - Start;
}

/// <summary>
/// Rule-based sentence boundaries tuned for news: abbreviations (U.S., Mr., Jan., No. 10), initials, decimals,
/// closing quotes and brackets after the final mark, ellipses, headline and caption lines without a final period,
/// dateline prefixes, and PTB-tokenised lower-case text (<c>... the deal . his comments ...</c>). Chinese and Japanese
/// sentences end at <c>。！？．｡</c> (closing brackets and quotes such as <c>」』）</c> stay with the sentence) and Thai
/// sentences at a space between Thai clauses.
/// </summary>
public static class SentenceSplitter
{
    // Titles and abbreviations that are followed by a name or a number, so a period after them never ends a sentence.
    private static readonly FrozenSet<string> NeverFinal = new[]
    {
        "mr", "mrs", "ms", "messrs", "mme", "mlle", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "maj",
        "capt", "cpt", "sgt", "cpl", "pvt", "adm", "cmdr", "rev", "hon", "pres", "supt", "det", "insp", "st", "mt",
        "ft", "fr", "sr", "atty", "vs", "v", "e.g", "i.e", "cf", "approx", "dept", "est", "fig", "figs", "vol", "vols",
        "pp", "ch", "sec", "art", "para", "op", "ed", "eds", "gov't", "lieut", "brig", "cmdr", "comdr", "gens", "sens",
        "reps", "govs", "u.s.a", "ave", "blvd", "rd", "apt",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // Abbreviations that usually precede a number ("No. 10", "Jan. 5", "p. 12"); final only when no number follows.
    private static readonly FrozenSet<string> BeforeNumber = new[]
    {
        "no", "nos", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "p", "pt",
        "art", "num", "tel", "ext",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // Abbreviations that may end a sentence ("... Apple Inc. The ..."): final when a likely sentence start follows.
    private static readonly FrozenSet<string> MaybeFinal = new[]
    {
        "inc", "corp", "ltd", "co", "plc", "llc", "bros", "jr", "etc", "al", "a.m", "p.m", "am", "pm",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // Words that commonly open a sentence; after an ambiguous abbreviation they signal a boundary.
    private static readonly FrozenSet<string> SentenceStarters = new[]
    {
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "our", "my",
        "this", "that", "these", "those", "there", "here", "but", "and", "or", "so", "yet", "in", "on", "at", "for",
        "after", "before", "when", "while", "if", "as", "since", "because", "although", "though", "however", "meanwhile",
        "also", "some", "many", "most", "all", "one", "two", "three", "no", "not", "what", "who", "why", "how", "where",
        "then", "now", "still", "both", "each", "other", "another", "such", "with", "without", "by", "from", "to",
        "last", "earlier", "later", "according", "officials", "police", "mr", "mrs", "ms", "dr",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Splits <paramref name="text"/> into sentences; empty for blank text.</summary>
    public static IReadOnlyList<SentenceSpan> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spans = new List<SentenceSpan>(text.Length / 100); // news sentences run to about 120 characters
        var tokenized = LooksPreTokenized(text);
        var paragraph = 0;
        foreach (var (blockStart, blockEnd) in Blocks(text))
        {
            if (tokenized)
            {
                SplitTokenizedBlock(text, blockStart, blockEnd, paragraph, spans);
            }
            else
            {
                SplitBlock(text, blockStart, blockEnd, paragraph, spans);
            }

            paragraph++;
        }

        return spans;
    }

    /// <summary>Splits text into sentence strings (trimmed), for callers that need no offsets.</summary>
    public static IReadOnlyList<string> SplitToStrings(string text) =>
        Split(text).Select(s => text[s.Start..s.End]).ToArray();

    /// <summary>
    /// True for PTB-style text: sentence marks stand alone between spaces and the text is (nearly) all lower case,
    /// as in the released CNN/DailyMail files.
    /// </summary>
    internal static bool LooksPreTokenized(string text)
    {
        int standaloneMarks = 0, attachedMarks = 0, upper = 0, letters = 0;
        var limit = Math.Min(text.Length, 20_000);
        for (var i = 0; i < limit; i++)
        {
            var c = text[i];
            if (char.IsLetter(c))
            {
                letters++;
                if (char.IsUpper(c))
                {
                    upper++;
                }
            }
            else if (c is '.' or '!' or '?')
            {
                var spaceBefore = i > 0 && text[i - 1] == ' ';
                var spaceAfter = i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1]);
                if (spaceBefore && spaceAfter)
                {
                    standaloneMarks++;
                }
                else if (spaceAfter)
                {
                    attachedMarks++;
                }
            }
        }

        return standaloneMarks >= 1 && standaloneMarks > attachedMarks && upper * 20 < Math.Max(letters, 1);
    }

    // Each non-blank line is a paragraph (news files put one paragraph a line). A line break inside running prose
    // (the line stops mid-sentence and the next starts lower case) is a hard wrap, not a boundary.
    private static IEnumerable<(int Start, int End)> Blocks(string text)
    {
        var start = 0;
        var i = 0;
        while (i <= text.Length)
        {
            if (i == text.Length || text[i] == '\n')
            {
                var lineEnd = i;
                var nextStart = i + 1;
                if (i < text.Length && IsHardWrap(text, start, lineEnd, nextStart))
                {
                    i++;
                    continue;
                }

                var (s, e) = Trim(text, start, lineEnd);
                if (e > s)
                {
                    yield return (s, e);
                }

                start = nextStart;
            }

            i++;
        }
    }

    private static bool IsHardWrap(string text, int lineStart, int lineEnd, int nextStart)
    {
        var (s, e) = Trim(text, lineStart, lineEnd);
        if (e <= s)
        {
            return false;
        }

        var last = text[e - 1];
        if (last is '.' or '!' or '?' or ':' or '"' or '”' or '’' or '\'' or ')' or '…')
        {
            return false;
        }

        var j = nextStart;
        while (j < text.Length && text[j] is ' ' or '\t' or '\r')
        {
            j++;
        }

        // A line that stops mid-sentence (a comma, or a word) followed by a lower-case continuation is a wrap.
        return j < text.Length && char.IsLower(text[j]) && (e - s) > 40;
    }

    private static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return (start, end);
    }

    private static void SplitBlock(string text, int start, int end, int paragraph, List<SentenceSpan> spans)
    {
        var sentenceStart = start;
        var i = start;
        while (i < end)
        {
            var c = text[i];

            // Chinese and Japanese end a sentence with a full-width mark (or ! and ? typed straight after a character),
            // with no space after it; closing brackets and quotes after the mark belong to the sentence.
            if (IsFullWidthStop(c) || (c is '!' or '?' && i > start && Scripts.IsCjk(text[i - 1])))
            {
                while (i < end && (IsFullWidthStop(text[i]) || text[i] is '!' or '?' or '…'))
                {
                    i++;
                }

                while (i < end && (IsCloser(text[i]) || IsFullWidthCloser(text[i])))
                {
                    i++;
                }

                AddSpan(text, sentenceStart, i, paragraph, spans);
                sentenceStart = i;
                continue;
            }

            // Thai has no sentence mark: a space between Thai clauses is where a sentence ends.
            if (c == ' ' && i > sentenceStart && Scripts.IsThai(text[i - 1]) && NextWordStart(text, i, end) is var clause and >= 0
                && Scripts.IsThai(text[clause]))
            {
                AddSpan(text, sentenceStart, i, paragraph, spans);
                sentenceStart = i;
                i = clause;
                continue;
            }

            if (c is not ('.' or '!' or '?' or '…'))
            {
                i++;
                continue;
            }

            var markStart = i;

            // Take the whole run of marks ("?!", "...", ".”").
            while (i < end && text[i] is '.' or '!' or '?' or '…')
            {
                i++;
            }

            var markEnd = i;

            // Closing quotes and brackets belong to the sentence they close.
            while (i < end && IsCloser(text[i]))
            {
                i++;
            }

            if (i < end && !char.IsWhiteSpace(text[i]))
            {
                // "3.5", "U.S.", "example.com", "Yahoo!'s": not a boundary.
                continue;
            }

            var boundary = i;
            var next = NextWordStart(text, boundary, end);
            if (next < 0)
            {
                break; // the block ends here anyway
            }

            if (IsBoundary(text, sentenceStart, markStart, markEnd, next, end))
            {
                AddSpan(text, sentenceStart, boundary, paragraph, spans);
                sentenceStart = boundary;
            }
        }

        AddSpan(text, sentenceStart, end, paragraph, spans);
    }

    private static bool IsBoundary(string text, int sentenceStart, int markStart, int markEnd, int next, int end)
    {
        var mark = text[markStart];
        var nextChar = FirstLetterOrDigit(text, next, end, out var nextIndex);
        var nextWord = nextIndex >= 0 ? WordAt(text, nextIndex, end) : string.Empty;
        var nextIsLower = nextChar != '\0' && char.IsLower(nextChar);

        // Lower case after the mark continues the sentence: “Why?” he asked. / etc. and so on.
        if (nextIsLower)
        {
            return false;
        }

        if (mark is '!' or '?')
        {
            return true;
        }

        if (markEnd - markStart >= 2 || mark == '…')
        {
            // An ellipsis ends a sentence only when a capitalised word follows.
            return nextChar == '\0' || char.IsUpper(nextChar) || !char.IsLetterOrDigit(nextChar);
        }

        // A single period: look at the word it ends.
        var word = WordBefore(text, sentenceStart, markStart);
        if (word.Length == 0)
        {
            return true;
        }

        var bare = word.TrimEnd('.');
        if (NeverFinal.Contains(bare))
        {
            return false;
        }

        if (BeforeNumber.Contains(bare))
        {
            return !char.IsDigit(nextChar);
        }

        // Initials ("John F. Kennedy", "J.K. Rowling"): a single capital letter.
        if (bare.Length == 1 && char.IsUpper(bare[0]))
        {
            return IsLikelyStarter(nextWord) && !char.IsUpper(WordAfterWord(text, nextIndex, end));
        }

        // Acronyms with inner periods (U.S., U.N., a.m.) and abbreviations that may end a sentence.
        if (bare.Contains('.') || MaybeFinal.Contains(bare))
        {
            return IsLikelyStarter(nextWord);
        }

        // Dateline: "ST. LOUIS, Mo. (AP) —" — a bracketed agency and a dash follow.
        if (IsDatelineAgency(text, next, end))
        {
            return false;
        }

        return true;
    }

    private static bool IsLikelyStarter(string word) => word.Length > 0 && SentenceStarters.Contains(word);

    private static char WordAfterWord(string text, int index, int end)
    {
        if (index < 0)
        {
            return '\0';
        }

        var i = index;
        while (i < end && !char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        var j = NextWordStart(text, i, end);
        return j < 0 ? '\0' : FirstLetterOrDigit(text, j, end, out _);
    }

    private static bool IsDatelineAgency(string text, int next, int end)
    {
        if (next >= end || text[next] != '(')
        {
            return false;
        }

        var close = text.IndexOf(')', next, Math.Min(end - next, 24));
        if (close < 0)
        {
            return false;
        }

        var j = close + 1;
        while (j < end && text[j] == ' ')
        {
            j++;
        }

        return j < end && text[j] is '-' or '—' or '–';
    }

    // 。 ！ ？ ． ｡
    private static bool IsFullWidthStop(char c) => c is '\u3002' or '\uFF01' or '\uFF1F' or '\uFF0E' or '\uFF61';

    // 」 』 ） 】 》 〉 〕 ］ ｝ ｣ ” ’
    private static bool IsFullWidthCloser(char c) =>
        c is '\u300D' or '\u300F' or '\uFF09' or '\u3011' or '\u300B' or '\u3009' or '\u3015' or '\uFF3D' or '\uFF5D'
            or '\uFF63' or '\u201D' or '\u2019';

    private static bool IsCloser(char c) => c is '"' or '”' or '’' or '\'' or ')' or ']' or '}' or '»';

    private static int NextWordStart(string text, int from, int end)
    {
        var j = from;
        while (j < end && char.IsWhiteSpace(text[j]))
        {
            j++;
        }

        return j < end ? j : -1;
    }

    // The first letter or digit at or after index (skipping opening quotes/brackets), '\0' when none nearby.
    private static char FirstLetterOrDigit(string text, int index, int end, out int at)
    {
        for (var j = index; j < end && j < index + 4; j++)
        {
            if (char.IsLetterOrDigit(text[j]))
            {
                at = j;
                return text[j];
            }

            if (char.IsWhiteSpace(text[j]))
            {
                break;
            }
        }

        at = -1;
        return index < end ? text[index] : '\0';
    }

    private static string WordAt(string text, int index, int end)
    {
        var j = index;
        while (j < end && (char.IsLetter(text[j]) || text[j] == '\''))
        {
            j++;
        }

        return text[index..j];
    }

    // The token that ends at markStart (letters, digits, inner periods and apostrophes), e.g. "U.S" or "Mr".
    private static string WordBefore(string text, int sentenceStart, int markStart)
    {
        var j = markStart;
        while (j > sentenceStart && (char.IsLetterOrDigit(text[j - 1]) || text[j - 1] is '.' or '\'' or '’'))
        {
            j--;
        }

        return text[j..markStart];
    }

    private static void SplitTokenizedBlock(string text, int start, int end, int paragraph, List<SentenceSpan> spans)
    {
        var sentenceStart = start;
        var i = start;
        while (i < end)
        {
            var c = text[i];
            var standalone = c is '.' or '!' or '?'
                && (i == start || text[i - 1] == ' ')
                && (i + 1 >= end || text[i + 1] == ' ' || text[i + 1] is '.' or '!' or '?');
            if (!standalone)
            {
                i++;
                continue;
            }

            // Runs like ". . ." or "? !" stay together.
            var j = i + 1;
            while (j + 1 < end && text[j] == ' ' && text[j + 1] is '.' or '!' or '?' && (j + 2 >= end || text[j + 2] == ' '))
            {
                j += 2;
            }

            // A closing quote token (''  ' ” ") right after the mark belongs to this sentence.
            var k = j;
            while (k < end && text[k] == ' ')
            {
                k++;
            }

            if (k + 1 < end && text[k] == '\'' && text[k + 1] == '\'' && (k + 2 >= end || text[k + 2] == ' '))
            {
                j = k + 2;
            }
            else if (k < end && text[k] is '”' or '"' && (k + 1 >= end || text[k + 1] == ' '))
            {
                j = k + 1;
            }

            AddSpan(text, sentenceStart, j, paragraph, spans);
            sentenceStart = j;
            i = j;
        }

        AddSpan(text, sentenceStart, end, paragraph, spans);
    }

    private static void AddSpan(string text, int start, int end, int paragraph, List<SentenceSpan> spans)
    {
        var (s, e) = Trim(text, start, end);
        if (e <= s)
        {
            return;
        }

        // A stray closing token alone (a lone quote or bracket) joins the previous sentence.
        var hasWord = false;
        for (var i = s; i < e; i++)
        {
            if (char.IsLetterOrDigit(text[i]))
            {
                hasWord = true;
                break;
            }
        }

        if (!hasWord && spans.Count > 0 && spans[^1].Paragraph == paragraph)
        {
            spans[^1] = spans[^1] with { End = e };
            return;
        }

        spans.Add(new SentenceSpan(s, e, paragraph));
    }
}
