namespace Summarizer.Core.Tests.TestSupport;

/// <summary>Short news-like texts in scripts written without spaces between words.</summary>
internal static class UnspacedTexts
{
    /// <summary>Five Chinese sentences; the third closes a quotation after its mark, the fourth ends with ！ and the last with ？.</summary>
    public const string Chinese =
        "北京今天宣布新的环保政策。政府将在三年内关闭所有燃煤电厂。专家说：「这项环保政策将大幅改善空气质量。」"
        + "市民普遍欢迎新的环保政策！燃煤电厂的工人会怎么样？";

    /// <summary>Five Japanese sentences, including a full-width ． and a half-width ｡ stop.</summary>
    public const string Japanese =
        "東京で新しい美術館が開館した。美術館には多くの作品が展示されている！『とても素晴らしい美術館だ。』と来場者は話した．"
        + "美術館の入場料は無料です｡新しい美術館は駅から近いですか？";

    /// <summary>Four Thai sentences separated by spaces (Thai puts no mark at a sentence's end).</summary>
    public const string Thai =
        "รัฐบาลประกาศนโยบายพลังงานใหม่ในวันนี้ นโยบายพลังงานนี้จะช่วยลดมลพิษทางอากาศ ประชาชนส่วนใหญ่เห็นด้วยกับนโยบายพลังงาน "
        + "โรงไฟฟ้าถ่านหินจะปิดภายในสามปี";
}
