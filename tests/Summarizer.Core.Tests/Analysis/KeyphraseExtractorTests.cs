using Summarizer.Analysis;
using Summarizer.Core.Tests.TestSupport;

namespace Summarizer.Core.Tests.Analysis;

public class KeyphraseExtractorTests
{
    private static Document Analyze(string text) => TextAnalyzer.Default.Analyze(text);

    private const string Rates =
        "The central bank raised interest rates again. Interest rates have risen five times this year. " +
        "Critics say higher interest rates hurt small firms. The central bank defended its decision on interest rates.";

    [Fact]
    public void Extract_EmptyDocument_ReturnsEmpty()
    {
        Assert.Empty(KeyphraseExtractor.Extract(Analyze("")));
    }

    [Fact]
    public void Extract_OnlyStopWordsAndNumbers_ReturnsEmpty()
    {
        Assert.Empty(KeyphraseExtractor.Extract(Analyze("It was 2022. They did it in 1999.")));
    }

    [Fact]
    public void Extract_RepeatedCompound_JoinsAdjacentKeywordsIntoOnePhrase()
    {
        var phrases = KeyphraseExtractor.Extract(Analyze(Rates));

        Assert.Equal("interest rates", phrases[0].Text);
        Assert.DoesNotContain(phrases, p => p.Text == "interest");
    }

    [Fact]
    public void Extract_PhraseScore_IsSumOfItsWords()
    {
        var all = KeyphraseExtractor.Extract(Analyze(Rates), new KeyphraseOptions { KeywordShare = 1, Top = 100 });

        // With every word a keyword, "central bank raised interest rates" is one run; single words appear elsewhere.
        var run = Assert.Single(all, p => p.Text.StartsWith("central bank raised", StringComparison.Ordinal));
        Assert.True(run.Score > all.Where(p => !p.Text.Contains(' ')).Max(p => p.Score));
    }

    [Fact]
    public void Extract_Top_LimitsAndOrdersByScore()
    {
        var phrases = KeyphraseExtractor.Extract(Analyze(Seeds.Read("geneva-talks.txt")), new KeyphraseOptions { Top = 5 });

        Assert.Equal(5, phrases.Count);
        for (var i = 1; i < phrases.Count; i++)
        {
            Assert.True(phrases[i - 1].Score >= phrases[i].Score);
        }
    }

    [Fact]
    public void Extract_Seed_FindsTheMainActorAndNoStopWords()
    {
        var document = Analyze(Seeds.Read("geneva-talks.txt"));
        var stopWords = StopWords.For("en");

        var phrases = KeyphraseExtractor.Extract(document);

        Assert.Contains(phrases, p => p.Text.Split(' ').Contains("blinken"));
        Assert.All(phrases, p => Assert.All(p.Text.Split(" "), w => Assert.False(stopWords.Contains(w), w)));
        Assert.Equal(phrases.Count, phrases.Select(p => p.Text).Distinct().Count());
    }

    [Fact]
    public void Extract_SameDocumentTwice_GivesSameResult()
    {
        var document = Analyze(Seeds.Read("geneva-talks.txt"));

        Assert.Equal(KeyphraseExtractor.Extract(document), KeyphraseExtractor.Extract(document));
    }

    [Fact]
    public void Extract_WindowBelowTwo_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => KeyphraseExtractor.Extract(Analyze(Rates), new KeyphraseOptions { Window = 1 }));

        Assert.Contains("Window", error.Message);
    }
}
