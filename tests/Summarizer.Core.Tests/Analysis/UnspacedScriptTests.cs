using Summarizer.Analysis;
using Summarizer.Core.Tests.TestSupport;
using Summarizer.Ingestion;
using Summarizer.Summarization;

namespace Summarizer.Core.Tests.Analysis;

/// <summary>Chinese, Japanese and Thai: sentence boundaries, character tokens, bigram terms, detection, summaries.</summary>
public class UnspacedScriptTests
{
    private static Document Analyze(string text, string language) =>
        TextAnalyzer.Default.Analyze(Article.FromText(text) with { Language = language });

    [Fact]
    public void Split_Chinese_EndsAtFullWidthMarksKeepingClosingQuotes()
    {
        var sentences = SentenceSplitter.SplitToStrings(UnspacedTexts.Chinese);

        Assert.Equal(
        [
            "北京今天宣布新的环保政策。",
            "政府将在三年内关闭所有燃煤电厂。",
            "专家说：「这项环保政策将大幅改善空气质量。」",
            "市民普遍欢迎新的环保政策！",
            "燃煤电厂的工人会怎么样？",
        ], sentences);
    }

    [Fact]
    public void Split_Japanese_EndsAtFullAndHalfWidthStops()
    {
        var sentences = SentenceSplitter.SplitToStrings(UnspacedTexts.Japanese);

        Assert.Equal(
        [
            "東京で新しい美術館が開館した。",
            "美術館には多くの作品が展示されている！",
            "『とても素晴らしい美術館だ。』",
            "と来場者は話した．",
            "美術館の入場料は無料です｡",
            "新しい美術館は駅から近いですか？",
        ], sentences);
    }

    [Fact]
    public void Split_Thai_EndsAtSpacesBetweenThaiClauses()
    {
        var sentences = SentenceSplitter.SplitToStrings(UnspacedTexts.Thai);

        Assert.Equal(4, sentences.Count);
        Assert.Equal("รัฐบาลประกาศนโยบายพลังงานใหม่ในวันนี้", sentences[0]);
        Assert.Equal("โรงไฟฟ้าถ่านหินจะปิดภายในสามปี", sentences[3]);
    }

    [Fact]
    public void Split_ThaiWithLatinWord_KeepsTheSpaceBeforeTheLatinWord()
    {
        var sentences = SentenceSplitter.SplitToStrings("บริษัท Apple เปิดตัวโทรศัพท์ใหม่ ราคาสูงกว่าเดิม");

        Assert.Equal(["บริษัท Apple เปิดตัวโทรศัพท์ใหม่", "ราคาสูงกว่าเดิม"], sentences);
    }

    [Fact]
    public void Scan_Chinese_GivesOneTokenPerCharacter()
    {
        var tokens = new List<(int Start, int Length, TokenKind Kind)>();

        Tokenizer.Scan("环保政策。", 0, 5, tokens);

        Assert.Equal([(0, 1, TokenKind.Word), (1, 1, TokenKind.Word), (2, 1, TokenKind.Word), (3, 1, TokenKind.Word), (4, 1, TokenKind.Punctuation)], tokens);
    }

    [Fact]
    public void Scan_Thai_KeepsVowelSignsWithTheirLetter()
    {
        var tokens = new List<(int Start, int Length, TokenKind Kind)>();

        Tokenizer.Scan("ที่", 0, 3, tokens); // ท + ี + ่ : one letter with a vowel sign and a tone mark

        Assert.Equal([(0, 3, TokenKind.Word)], tokens);
    }

    [Fact]
    public void Analyze_Chinese_TermsAreBigramsSharedBetweenSentences()
    {
        var document = Analyze(UnspacedTexts.Chinese, "zh");

        Assert.Contains("政策", document.Terms);
        Assert.Contains("燃煤", document.Terms);
        Assert.DoesNotContain(document.Terms, t => t.Contains('的'));
        Assert.True(document.Sentences[0].Terms.Overlap(document.Sentences[3].Terms) >= 3, "both speak of 新的环保政策");
        Assert.True(document.Sentences[1].Terms.Overlap(document.Sentences[4].Terms) >= 3, "both speak of 燃煤电厂");
    }

    [Fact]
    public void Analyze_Japanese_HiraganaBreaksTermsAndKanjiPair()
    {
        var document = Analyze(UnspacedTexts.Japanese, "ja");

        Assert.Contains("美術", document.Terms);
        Assert.Contains("術館", document.Terms);
        Assert.DoesNotContain(document.Terms, t => t.Any(c => c is >= '\u3041' and <= '\u3096'));
        Assert.All(document.Sentences.Where(s => s.Text.Contains("美術館")), s => Assert.Contains(document.Terms.ToList().IndexOf("美術"), s.Terms.Ids.ToArray()));
    }

    [Fact]
    public void Analyze_Thai_SentencesShareLetterBigrams()
    {
        var document = Analyze(UnspacedTexts.Thai, "th");

        Assert.Equal(4, document.Sentences.Count);
        Assert.True(document.Sentences[0].Terms.Overlap(document.Sentences[1].Terms) >= 5, "both speak of นโยบายพลังงาน");
    }

    [Theory]
    [InlineData("zh", UnspacedTexts.Chinese)]
    [InlineData("ja", UnspacedTexts.Japanese)]
    [InlineData("th", UnspacedTexts.Thai)]
    public void Detect_UnspacedScript_ReturnsItsLanguage(string expected, string text)
    {
        Assert.Equal(expected, LanguageDetector.Detect(text));
    }

    [Theory]
    [InlineData(UnspacedTexts.Chinese)]
    [InlineData(UnspacedTexts.Japanese)]
    [InlineData(UnspacedTexts.Thai)]
    public void Summarize_EveryExtractiveMethod_ReturnsWholeSentences(string text)
    {
        var article = Article.FromText(text);
        var document = TextAnalyzer.Default.Analyze(article with { Language = LanguageDetector.Detect(text) });
        var sentences = SentenceSplitter.SplitToStrings(text);

        foreach (var method in SummarizerCatalog.Methods.Where(m => m.Kind == SummarizerKind.Extractive))
        {
            var summary = SummarizerCatalog.Create(method.Name).Summarize(document, SummaryLength.Sentences(2));

            Assert.Equal(2, summary.Sentences.Count);
            Assert.All(summary.Text.Split('\n'), line => Assert.Contains(line, sentences));
        }
    }

    [Fact]
    public void Rate_ChineseTextRank_RanksSentencesWithSharedTermsAboveTheIsolatedOne()
    {
        var document = Analyze(UnspacedTexts.Chinese + "今天下雨。", "zh");

        var scores = new TextRankSummarizer().RateSentences(document);

        Assert.Equal(5, Array.IndexOf(scores, scores.Min()));
    }
}
