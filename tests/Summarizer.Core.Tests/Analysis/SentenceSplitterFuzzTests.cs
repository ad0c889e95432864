using CsCheck;
using Summarizer.Analysis;
using Summarizer.Core.Tests.TestSupport;

namespace Summarizer.Core.Tests.Analysis;

public sealed class SentenceSplitterFuzzTests
{
    private static readonly string[] Tokens =
    [
        "The", "council", "met", "on", "Monday", "said", "he", "it", "Mr.", "Dr.", "U.S.", "e.g.", "No.", "10", "3.5",
        "Jan.", "Inc.", "a.m.", "J.", "St.", " ", " ", " ", "  ", "\t", "\n", "\n\n", "\r\n", "\r", ".", ".", "!", "?", "...",
        "…", "?!", "\"", "“", "”", "'", "’", "(", ")", "[", "]", ",", ";", ":", "—", "--", "-", "GENEVA:", "LONDON (Reuters) -",
        "http://example.org/a.b", "a.b.c.", "@", "#", "\u00A0", "\u2028", "\u200B", "\uFEFF", "\u0301", "😀", "\uD800",
        "\uDC00", "\0", "新闻。", "Слово.", "كلمة.", "ß", "İ", "1.", "2)", "•", "* ", "# ", "|", "``", "''", " . ", " , ",
    ];

    private static void AssertWellFormed(string text)
    {
        var spans = SentenceSplitter.Split(text);
        var previousEnd = 0;
        var previousParagraph = 0;
        foreach (var span in spans)
        {
            Assert.InRange(span.Start, previousEnd, text.Length);
            Assert.InRange(span.End, span.Start + 1, text.Length);
            Assert.True(span.Paragraph >= previousParagraph, $"paragraph {span.Paragraph} after {previousParagraph}");
            previousEnd = span.End;
            previousParagraph = span.Paragraph;
        }

        Assert.Equal(spans.Count, SentenceSplitter.SplitToStrings(text).Count);
    }

    [Fact]
    public void Split_TokenSoup_GivesOrderedNonEmptySpansInsideTheText()
    {
        Fuzz.Check(Fuzz.Soup(Tokens, 300), 3_000, AssertWellFormed);
    }

    [Fact]
    public void Split_ArbitraryUnicode_GivesOrderedNonEmptySpansInsideTheText()
    {
        Fuzz.Check(Gen.String[Gen.Char, 0, 2_000], 1_000, AssertWellFormed);
    }

    [Fact]
    public void Split_LowerCaseTokenizedSoup_GivesOrderedNonEmptySpansInsideTheText()
    {
        // Nearly all lower case with free-standing marks takes the pre-tokenised path.
        string[] tokens = ["the", "deal", "was", "signed", "by", "mr.", "smith", "u.s.", " . ", " , ", " ? ", " ! ", " '' ", " `` ", " -lrb- ", " ", "\n"];
        Fuzz.Check(Fuzz.Soup(tokens, 400), 1_000, AssertWellFormed);
    }
}
