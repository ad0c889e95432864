using Summarizer.Core.Tests.TestSupport;
using Summarizer.Summarization;

namespace Summarizer.Core.Tests.Summarization;

public class LsaSummarizerTests
{
    [Fact]
    public void RateSentences_SingleTermDocument_ScoresByTermCount()
    {
        var document = TestDocuments.FromSentences("Rain.", "Rain, rain.", "Rain!");

        var scores = new LsaSummarizer().RateSentences(document);

        Assert.Equal(1, Array.IndexOf(scores, scores.Max()));
        Assert.Equal(2 * scores[0], scores[1], 9);
        Assert.Equal(scores[0], scores[2], 9);
    }

    [Fact]
    public void RateSentences_NoContentWords_ScoresZero()
    {
        var document = TestDocuments.FromSentences("It was.", "They did.");

        var scores = new LsaSummarizer().RateSentences(document);

        Assert.All(scores, s => Assert.Equal(0.0, s));
    }

    [Fact]
    public void RateSentences_OneDimension_FavoursTheMainTopic()
    {
        var document = TestDocuments.FromSentences(
            "The election results were counted overnight.",
            "Election officials said the results were final.",
            "Officials counted the election results twice.",
            "A dog barked.");

        var scores = new LsaSummarizer(new LsaOptions { Dimensions = 1 }).RateSentences(document);

        Assert.Equal(3, Array.IndexOf(scores, scores.Min()));
        Assert.Equal(0.0, scores[3], 9);
    }

    [Fact]
    public void RateSentences_AllDimensions_EqualSentenceVectorLength()
    {
        // With every topic kept, the score is the norm of the sentence's column of the term-sentence matrix.
        var document = TestDocuments.FromSentences("Storm surge storm.", "Surge warning issued.", "Warning lifted.");

        var scores = new LsaSummarizer(new LsaOptions { Dimensions = 10 }).RateSentences(document);

        for (var i = 0; i < scores.Length; i++)
        {
            var terms = document.Sentences[i].Terms;
            Assert.Equal(Math.Sqrt(terms.Dot(terms)), scores[i], 6);
        }
    }

    [Fact]
    public void Create_BinaryOption_IsApplied()
    {
        var summarizer = (LsaSummarizer)SummarizerCatalog.Create("lsa", new Dictionary<string, string> { ["binary"] = "true", ["dimensions"] = "2" });

        Assert.True(summarizer.Options.Binary);
        Assert.Equal(2, summarizer.Options.Dimensions);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RateSentences_IteratedTopics_MatchTheExactSvd(bool binary)
    {
        // The seed articles as one document: several topics, small enough for the exact SVD.
        var records = File.ReadLines(Seeds.Path("articles.jsonl"))
            .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()!);
        var document = TestDocuments.FromText(string.Join("\n", records.Prepend(Seeds.Read("lisbon-marathon.md")).Prepend(Seeds.Read("geneva-talks.txt"))));
        var options = new LsaOptions { Binary = binary };

        var exact = new LsaSummarizer(options).RateSentences(document);
        var iterated = new LsaSummarizer(options) { ExactLimit = 0 }.RateSentences(document);

        Assert.True(document.Sentences.Count > 20, $"only {document.Sentences.Count} sentences");
        var scale = exact.Max();
        for (var i = 0; i < exact.Length; i++)
        {
            Assert.True(Math.Abs(exact[i] - iterated[i]) <= 1e-6 * scale, $"sentence {i}: exact {exact[i]}, iterated {iterated[i]}");
        }
    }
}
