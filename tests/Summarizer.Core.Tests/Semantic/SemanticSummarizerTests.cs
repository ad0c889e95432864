using Summarizer.Analysis;
using Summarizer.Ingestion;
using Summarizer.Semantic;
using Summarizer.Summarization;

namespace Summarizer.Core.Tests.Semantic;

public sealed class SemanticSummarizerTests
{
    private const string Text =
        "Floods closed the main road into the valley on Monday. Rescue teams reached villages cut off by the water. "
        + "Farmers lost most of their harvest to the rising river. The regional government promised emergency aid for flood victims. "
        + "Schools in the valley will stay shut until Thursday.";

    [Fact]
    public void Catalog_SemanticMethod_WithItsOptions()
    {
        var method = SummarizerCatalog.Find("semantic");

        Assert.Equal(SummarizerKind.Extractive, method.Kind);
        Assert.Contains(method.Options, o => o.Name == "lexical-weight" && o.DefaultValue == "0.5");
        Assert.IsType<SemanticSummarizer>(method.Create(new Dictionary<string, string> { ["threshold"] = "0.6" }));
        Assert.NotEmpty(method.Validate(new Dictionary<string, string> { ["threshold"] = "1" }));
    }

    [Fact]
    public void RateSentences_EnglishArticle_UsesTheVectors()
    {
        var document = TextAnalyzer.Default.Analyze(Text);
        var vectors = new CountingVectors();

        var semantic = new SemanticSummarizer(new SemanticOptions { LexicalWeight = 0 }, vectors).RateSentences(document);
        var lexical = new SemanticSummarizer(new SemanticOptions { LexicalWeight = 1 }, vectors).RateSentences(document);

        Assert.Equal(2, vectors.Calls);
        Assert.NotEqual(semantic, lexical);
    }

    [Fact]
    public void RateSentences_OtherLanguage_FallsBackToLexicalSimilarity()
    {
        var document = TextAnalyzer.Default.Analyze(new Article("fr", "Les inondations ont coupé la route. Les secours ont atteint les villages. La route reste fermée jusqu'à jeudi.") { Language = "fr" });
        var vectors = new CountingVectors();

        var mixed = new SemanticSummarizer(new SemanticOptions { LexicalWeight = 0.2 }, vectors).RateSentences(document);
        var lexical = new SemanticSummarizer(new SemanticOptions { LexicalWeight = 1 }, vectors).RateSentences(document);

        Assert.Equal(0, vectors.Calls);
        Assert.Equal(lexical, mixed);
    }

    [Fact]
    public void Summarize_ShippedVectors_ChoosesSentencesInDocumentOrder()
    {
        var document = TextAnalyzer.Default.Analyze(Text);

        var summary = SummarizerCatalog.Create("semantic").Summarize(document, SummaryLength.Sentences(2));

        Assert.Equal(2, summary.Sentences.Count);
        Assert.Equal(summary.Indices.Order(), summary.Indices);
        Assert.Equal("semantic", summary.Method);
    }

    /// <summary>The shipped vectors, counting the documents asked for.</summary>
    private sealed class CountingVectors : ISentenceVectors
    {
        public int Calls { get; private set; }

        public string Language => "en";

        public float[][] For(Document document)
        {
            Calls++;
            return StaticEmbeddings.Default.Encode(document);
        }

        public float[] Encode(string text) => StaticEmbeddings.Default.Encode(text);
    }
}
