using Summarizer.Analysis;
using Summarizer.Core.Tests.TestSupport;
using Summarizer.Ingestion;

namespace Summarizer.Core.Tests.Summarization;

/// <summary>Small documents for summariser tests.</summary>
internal static class TestDocuments
{
    public static Document FromText(string text, string? title = null) =>
        TextAnalyzer.Default.Analyze(Article.FromText(text, title));

    public static Document FromSentences(params string[] sentences) => FromText(string.Join(" ", sentences));

    public static Document Seed() => FromText(Seeds.Read("geneva-talks.txt"));

    /// <summary>Five sentences about one topic, with the second sharing words with all the others, plus an outlier.</summary>
    public static Document CentralAndOutlier(out int central, out int outlier)
    {
        central = 1;
        outlier = 3;
        return FromSentences(
            "The central bank raised interest rates on Tuesday.",
            "Economists said the central bank rate rise would slow inflation and lending by banks.",
            "Inflation has climbed for months, economists said.",
            "My cat sleeps on the warm windowsill.",
            "Lending by banks fell after the rate rise.",
            "Markets expected the bank to raise interest rates again.");
    }
}
