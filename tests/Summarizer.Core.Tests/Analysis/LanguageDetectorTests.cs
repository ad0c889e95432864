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
        Assert.Equal(["en", "fr", "de", "es", "it", "pt", "nl", "sv", "da", "no", "fi", "ru", "hu"], LanguageDetector.SupportedLanguages);
    }

    [Fact]
    public void Preload_AfterLoading_ReportsLoadTime()
    {
        var elapsed = LanguageDetector.Preload();

        Assert.True(elapsed > TimeSpan.Zero);
        Assert.Equal(elapsed, LanguageDetector.LoadTime);
    }
}
