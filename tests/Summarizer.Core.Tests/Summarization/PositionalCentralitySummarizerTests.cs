using Summarizer.Analysis;
using Summarizer.Evaluation;
using Summarizer.Ingestion;
using Summarizer.Summarization;
using Summarizer.Core.Tests.TestSupport;

namespace Summarizer.Core.Tests.Summarization;

public class PositionalCentralitySummarizerTests
{
    private static Document Analyze(string text, string? title = null) =>
        TextAnalyzer.Default.Analyze(Article.FromText(text) with { Title = title });

    [Fact]
    public void Catalog_Default_IsPositionalCentrality()
    {
        Assert.Equal("centrality", SummarizerCatalog.Default.Name);
        Assert.IsType<PositionalCentralitySummarizer>(SummarizerCatalog.Create());
    }

    [Fact]
    public void RateSentences_SentenceRepeatingEarlierContent_ScoresBelowSentenceTheRestElaborates()
    {
        var document = Analyze(
            "Floods closed the main bridge in the valley town. "
            + "Engineers inspected the bridge supports after the floods. "
            + "Floods and bridge damage dominated the valley town council meeting. "
            + "The council approved money for bridge repairs.");
        var summarizer = new PositionalCentralitySummarizer(new PositionalCentralityOptions { PositionWeight = 0, TitleWeight = 0 });

        var scores = summarizer.RateSentences(document);

        // Sentence 2 mostly repeats sentences 0 and 1; sentence 0 is what the rest elaborates.
        Assert.True(scores[0] > scores[2], $"lead {scores[0]} should beat the repetition {scores[2]}");
    }

    [Fact]
    public void RateSentences_TitleWeight_FavoursSentenceSharingTheTitle()
    {
        var text = "Markets were calm on Monday morning. Oil prices jumped after the pipeline explosion. Traders waited.";
        var withTitle = new PositionalCentralitySummarizer(new PositionalCentralityOptions
        {
            ForwardWeight = 0, BackwardWeight = 0, PositionWeight = 0, TitleWeight = 1,
        });

        var scores = withTitle.RateSentences(Analyze(text, title: "Oil prices jump after pipeline explosion"));

        Assert.Equal(1, Array.IndexOf(scores, scores.Max()));
    }

    [Fact]
    public void Summarize_ShortCaptionLine_IsNotChosenWhileLongerSentencesRemain()
    {
        var document = Analyze("Photo: Reuters\nThe central bank raised rates by half a point on Thursday. "
            + "Economists had expected a smaller rise from the bank. Mortgage costs will climb as a result.");
        var summarizer = new PositionalCentralitySummarizer();

        var summary = summarizer.Summarize(document, SummaryLength.Sentences(2));

        Assert.DoesNotContain(0, summary.Indices);
    }

    [Fact]
    public void Summarize_WithRedundancyPenalty_SkipsNearDuplicateSentence()
    {
        var document = Analyze(
            "The mayor opened the new library on Saturday. "
            + "On Saturday the mayor opened the new library. "
            + "Children queued for hours to borrow the first books. "
            + "The building cost twelve million pounds.");
        var plain = new PositionalCentralitySummarizer(new PositionalCentralityOptions { BackwardWeight = 0, ForwardWeight = 1 });
        var mmr = new PositionalCentralitySummarizer(new PositionalCentralityOptions { BackwardWeight = 0, ForwardWeight = 1, Redundancy = 5 });

        var withoutPenalty = plain.Summarize(document, SummaryLength.Sentences(2)).Indices;
        var withPenalty = mmr.Summarize(document, SummaryLength.Sentences(2)).Indices;

        Assert.Equal([0, 1], withoutPenalty);
        Assert.False(withPenalty.Contains(0) && withPenalty.Contains(1), "MMR should not keep both near-duplicates");
    }

    [Fact]
    public void Summarize_SeedArticle_ReturnsThreeSentencesInDocumentOrder()
    {
        var document = TextAnalyzer.Default.Analyze(Seeds.Read("geneva-talks.txt"));

        var summary = new PositionalCentralitySummarizer().Summarize(document, SummaryLength.Default);

        Assert.Equal(3, summary.Indices.Count);
        Assert.Equal(summary.Indices.Order(), summary.Indices);
    }

    // The method's reason to exist: a clear margin over Lead-3 on news, measured with the project's ROUGE.
    [SharedDataFact("cnndm-dev/dev.jsonl")]
    public void Summarize_CnnDailyMailDev_BeatsLead3ByOneRouge1Point()
    {
        var items = EvaluationSet.ReadJsonl(Path.Combine(Seeds.SharedData!, "cnndm-dev", "dev.jsonl"));

        var centrality = MeanRouge1(items, new PositionalCentralitySummarizer());
        var lead = MeanRouge1(items, new LeadSummarizer());

        Assert.True(centrality >= lead + 1.0, $"centrality R-1 {centrality:0.00} vs Lead-3 {lead:0.00}");
    }

    [SharedDataFact("bbc/bbc_news_summary.jsonl")]
    public void Summarize_BbcNewsSummary_BeatsLead3()
    {
        var items = EvaluationSet.ReadJsonl(Path.Combine(Seeds.SharedData!, "bbc", "bbc_news_summary.jsonl"));

        var centrality = MeanRouge1(items, new PositionalCentralitySummarizer());
        var lead = MeanRouge1(items, new LeadSummarizer());

        Assert.True(centrality > lead, $"centrality R-1 {centrality:0.00} vs Lead-3 {lead:0.00}");
    }

    private static double MeanRouge1(IReadOnlyList<EvaluationItem> items, ISummarizer summarizer)
    {
        var scores = new double[items.Count];
        Parallel.For(0, items.Count, i =>
        {
            var summary = summarizer.Summarize(TextAnalyzer.Default.Analyze(items[i].Article), SummaryLength.Sentences(3));
            scores[i] = Rouge.Score(summary.ToText("\n"), items[i].References).Rouge1.F;
        });
        return scores.Average() * 100;
    }

    [Fact]
    public void RateSentences_StemInEverySentence_CountsLittleWithIdfWeight()
    {
        // "officials" and "said" are in every sentence; only sentences 0 and 2 share anything else (harbour, reopened).
        var document = TextAnalyzer.Default.Analyze(
            "Officials said the harbour reopened. Officials said ferries resumed service. Officials said the harbour reopened after repairs.");
        var forwardOnly = new PositionalCentralityOptions { BackwardWeight = 0, PositionWeight = 0, TitleWeight = 0, MinWords = 0 };

        var plain = new PositionalCentralitySummarizer(forwardOnly with { IdfWeight = 0 }).RateSentences(document);
        var weighted = new PositionalCentralitySummarizer(forwardOnly).RateSentences(document);

        Assert.True(plain[1] > 0.2 * plain[0], $"{plain[1]:F3} vs {plain[0]:F3}");
        Assert.True(weighted[1] < 0.1 * weighted[0], $"{weighted[1]:F3} vs {weighted[0]:F3}");
    }

    [Fact]
    public void RateSentences_RunningSums_EqualPairwiseTfIdfCosineSums()
    {
        var document = Analyze(Seeds.Read("geneva-talks.txt"));
        var options = new PositionalCentralityOptions { PositionWeight = 0, TitleWeight = 0, ForwardWeight = 1, BackwardWeight = -2 };
        var sentences = document.Sentences;
        var n = sentences.Count;
        var idfSquared = document.SentenceFrequency.Select(f => Math.Pow(Math.Log((n + 1.0) / f), 2)).ToArray();

        var scores = new PositionalCentralitySummarizer(options).RateSentences(document);

        for (var i = 0; i < n; i++)
        {
            double forward = 0, backward = 0;
            for (var j = 0; j < n; j++)
            {
                var ti = sentences[i].Terms;
                var tj = sentences[j].Terms;
                var norms = Math.Sqrt(ti.Dot(ti, idfSquared)) * Math.Sqrt(tj.Dot(tj, idfSquared));
                var cosine = i == j || norms == 0 ? 0 : ti.Dot(tj, idfSquared) / norms;
                forward += j > i ? cosine : 0;
                backward += j < i ? cosine : 0;
            }

            Assert.Equal((forward - (2 * backward)) / n, scores[i], 12);
        }
    }
}
