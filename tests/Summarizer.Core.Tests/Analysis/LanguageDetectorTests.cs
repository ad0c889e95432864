using Summarizer.Analysis;
using Summarizer.Core.Tests.TestSupport;

namespace Summarizer.Core.Tests.Analysis;

public class LanguageDetectorTests
{
    [Theory]
    [InlineData("en", "The minister said on Friday that the talks would continue next week in Geneva.")]
    [InlineData("fr", "Le ministre a déclaré vendredi que les négociations se poursuivraient la semaine prochaine.")]
    [InlineData("de", "Der Minister sagte am Freitag, dass die Gespräche nächste Woche fortgesetzt werden.")]
    [InlineData("es", "El ministro dijo el viernes que las conversaciones continuarán la próxima semana.")]
    [InlineData("it", "Il ministro ha detto venerdì che i colloqui continueranno la prossima settimana.")]
    [InlineData("nl", "De minister zei vrijdag dat de gesprekken volgende week worden voortgezet.")]
    [InlineData("ru", "Министр заявил в пятницу, что переговоры продолжатся на следующей неделе.")]
    [InlineData("hu", "A miniszter pénteken azt mondta, hogy a tárgyalások jövő héten folytatódnak.")]
    public void Detect_SentenceInLanguage_ReturnsItsCode(string expected, string text)
    {
        Assert.Equal(expected, LanguageDetector.Detect(text));
    }

    [Fact]
    public void Detect_SeedArticle_IsEnglish()
    {
        Assert.Equal("en", LanguageDetector.Detect(Seeds.Read("geneva-talks.txt")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("42 17 2026")]
    [InlineData("!!")]
    public void Detect_NoLetters_ReturnsNull(string text)
    {
        Assert.Null(LanguageDetector.Detect(text));
    }

    [Fact]
    public void SupportedLanguages_AreTheRestrictedSet()
    {
        Assert.Equal(["en", "fr", "de", "es", "it", "pt", "nl", "sv", "da", "no", "fi", "ru", "hu", "zh", "ja", "th"], LanguageDetector.SupportedLanguages);
    }

    [Fact]
    public void Preload_AfterLoading_ReportsLoadTime()
    {
        var elapsed = LanguageDetector.Preload();

        Assert.True(elapsed > TimeSpan.Zero);
        Assert.Equal(elapsed, LanguageDetector.LoadTime);
    }
}

public class LanguageDetectorFunctionWordTests
{
    [Fact]
    public void ByFunctionWords_LongEnglishArticle_AnswersWithoutLingua()
    {
        Assert.Equal("en", LanguageDetector.ByFunctionWords(Seeds.Read("geneva-talks.txt")));
    }

    [Fact]
    public void ByFunctionWords_LowerCasedTokenizedNews_IsEnglish()
    {
        var text = "washington ( cnn ) president barack obama says he is `` absolutely committed to making sure '' israel "
            + "maintains a military advantage over iran . his comments to the new york times , published on sunday , come "
            + "amid criticism from israeli prime minister benjamin netanyahu of the deal that the united states and five "
            + "other world powers struck with iran .";

        Assert.Equal("en", LanguageDetector.ByFunctionWords(text));
    }

    [Fact]
    public void ByFunctionWords_LongFrenchText_IsFrench()
    {
        var text = "Les électeurs portugais se rendent aux urnes dimanche pour élire un nouveau parlement, dans un climat "
            + "marqué par la hausse des prix et la crise du logement. Le premier ministre sortant espère obtenir une "
            + "majorité absolue, mais les sondages donnent une avance étroite à son parti sur les conservateurs.";

        Assert.Equal("fr", LanguageDetector.ByFunctionWords(text));
    }

    [Fact]
    public void ByFunctionWords_ShortText_LeavesItToLingua()
    {
        Assert.Null(LanguageDetector.ByFunctionWords("The minister said on Friday that talks would continue."));
    }
}
