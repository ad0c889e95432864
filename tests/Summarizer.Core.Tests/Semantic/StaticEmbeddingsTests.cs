using Summarizer.Analysis;
using Summarizer.Semantic;

namespace Summarizer.Core.Tests.Semantic;

public sealed class StaticEmbeddingsTests
{
    [Fact]
    public void Default_ShippedVectors_CoverCommonEnglishWords()
    {
        var embeddings = StaticEmbeddings.Default;

        Assert.Equal(128, embeddings.Dimensions);
        Assert.InRange(embeddings.Count, 15_000, 30_000);
        Assert.All(new[] { "election", "football", "inflation", "minister", "harbour" }, w => Assert.True(embeddings.Contains(w), w));
    }

    [Fact]
    public void Encode_RelatedTexts_CloserThanUnrelated()
    {
        var embeddings = StaticEmbeddings.Default;

        var striker = embeddings.Encode("The striker scored twice in the match.");
        var goal = embeddings.Encode("A forward netted two goals in the game.");
        var prices = embeddings.Encode("Consumer prices rose faster than wages.");

        Assert.True(StaticEmbeddings.Cosine(striker, goal) > StaticEmbeddings.Cosine(striker, prices) + 0.1,
            $"{StaticEmbeddings.Cosine(striker, goal):F3} vs {StaticEmbeddings.Cosine(striker, prices):F3}");
        Assert.Equal(1.0, StaticEmbeddings.Cosine(striker, striker), 4);
    }

    [Fact]
    public void EncodeDocument_OneUnitVectorPerSentence_ZeroWhenNoWordIsKnown()
    {
        var document = TextAnalyzer.Default.Analyze("The council approved the budget. Xqzv wplk. Teachers welcomed the decision.");

        var vectors = StaticEmbeddings.Default.Encode(document);

        Assert.Equal(3, vectors.Length);
        Assert.Equal(1.0, StaticEmbeddings.Cosine(vectors[0], vectors[0]), 4);
        Assert.All(vectors[1], v => Assert.Equal(0f, v));
        Assert.Same(StaticEmbeddings.Default.For(document), StaticEmbeddings.Default.For(document));
    }

    [Fact]
    public void SaveLoad_RoundTrip_KeepsWordsAndDirections()
    {
        var random = new Random(3);
        var words = new[] { "alpha", "beta", "gamma" };
        var vectors = words.Select(_ => Enumerable.Range(0, 16).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray()).ToArray();
        using var stream = new MemoryStream();

        StaticEmbeddings.Save(stream, words, vectors);
        stream.Position = 0;
        var loaded = StaticEmbeddings.Load(stream);

        Assert.Equal((3, 16), (loaded.Count, loaded.Dimensions));
        Assert.True(loaded.Contains("beta"));
        var expected = Unit(vectors[1]);
        Assert.Equal(1.0, StaticEmbeddings.Cosine(expected, loaded.Encode("beta")), 2);
    }

    [Fact]
    public void Load_NotAVectorsFile_InvalidData()
    {
        using var stream = new MemoryStream([1, 2, 3, 4, 5, 6, 7, 8]);

        Assert.Throws<InvalidDataException>(() => StaticEmbeddings.Load(stream));
    }

    private static float[] Unit(float[] v)
    {
        var norm = Math.Sqrt(v.Sum(x => (double)x * x));
        return v.Select(x => (float)(x / norm)).ToArray();
    }
}
