using Summarizer.Analysis;
using Summarizer.Ingestion;
using Summarizer.Summarization;

namespace Summarizer.Core.Tests.Summarization;

/// <summary>
/// Generated documents of 2,000, 8,000 and 32,000 sentences (past the 1,000-sentence limit of complete graphs): the
/// work each method counts must grow about as the document does (at most 6× for 4× the sentences; a quadratic method
/// does 16×), and a 50,000-sentence document — where an n × n matrix would no longer fit an array — must summarise.
/// </summary>
public class ScalingTests(ScalingTests.Documents documents) : IClassFixture<ScalingTests.Documents>
{
    private const double MaxGrowth = 6.0;

    public static TheoryData<string> ExtractiveMethods() => SummarizerContractTests.ExtractiveMethods();

    public static TheoryData<string, string> MethodsWithOptions() => new()
    {
        { "centrality", "" },
        { "centrality", "redundancy=0.5" },
        { "textrank", "" },
        { "lexrank", "" },
        { "lexrank", "threshold=0.1" },
        { "lsa", "" },
        { "lsa", "binary=true" },
        { "luhn", "" },
        { "edmundson", "" },
        { "sumbasic", "" },
        { "klsum", "" },
    };

    [Theory]
    [MemberData(nameof(MethodsWithOptions))]
    public void Summarize_GrowingDocuments_WorkGrowsLinearly(string method, string options)
    {
        var summarizer = SummarizerCatalog.Create(method, ParseOptions(options));
        var counts = documents.Growing.Select(document =>
        {
            using var work = WorkCounters.Measure();
            summarizer.Summarize(document, SummaryLength.Sentences(3));
            return work;
        }).ToArray();

        Assert.True(Total(counts[0]) > 0, $"{method} counted no work");
        for (var step = 1; step < counts.Length; step++)
        {
            foreach (var (name, value) in Counters(counts[step]))
            {
                var before = Counters(counts[step - 1]).Single(c => c.Name == name).Value;
                var growth = (double)value / Math.Max(before, 1);
                Assert.True(growth <= MaxGrowth,
                    $"{method} {options}: {name} grew {growth:0.0}× from {before} to {value} for 4× the sentences");
            }
        }
    }

    [Theory]
    [MemberData(nameof(ExtractiveMethods))]
    public void Summarize_FiftyThousandSentences_ReturnsThreeSentences(string method)
    {
        var summary = SummarizerCatalog.Create(method).Summarize(documents.Huge, SummaryLength.Sentences(3));

        Assert.Equal(3, summary.Sentences.Count);
        Assert.All(summary.Indices, i => Assert.InRange(i, 0, documents.Huge.Sentences.Count - 1));
    }

    [Fact]
    public void Documents_Generated_HaveTheSizesTheTestsClaim()
    {
        Assert.Equal([2000, 8000, 32000], documents.Growing.Select(d => d.Sentences.Count));
        Assert.Equal(50_000, documents.Huge.Sentences.Count);
    }

    private static Dictionary<string, string> ParseOptions(string options) =>
        options.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(o => o.Split('='))
            .ToDictionary(p => p[0], p => p[1]);

    private static long Total(WorkCounters work) => Counters(work).Sum(c => c.Value);

    private static (string Name, long Value)[] Counters(WorkCounters work) =>
    [
        ("similarity pairs", work.SimilarityPairs),
        ("posting visits", work.PostingVisits),
        ("edges", work.Edges),
        ("iterations", work.Iterations),
        ("matrix products", work.MatVecs),
        ("term visits", work.TermVisits),
    ];

    /// <summary>The generated documents, analysed once for all tests.</summary>
    public sealed class Documents
    {
        public Documents()
        {
            Growing = [Generate(2000, 8, seed: 1), Generate(8000, 8, seed: 2), Generate(32000, 8, seed: 3)];
            Huge = Generate(50_000, 5, seed: 4);
        }

        public IReadOnlyList<Document> Growing { get; }

        public Document Huge { get; }

        // Sentences of made-up words drawn with Zipf-like frequencies from 3,000 words, so a few words occur in a
        // large share of all sentences, as "said" does in news: that is what makes all-pairs methods quadratic.
        private static Document Generate(int sentences, int words, int seed)
        {
            var random = new Random(seed);
            var vocabulary = Enumerable.Range(0, 3000).Select(Word).ToArray();
            var text = new System.Text.StringBuilder(sentences * words * 8);
            for (var s = 0; s < sentences; s++)
            {
                for (var w = 0; w < words; w++)
                {
                    var rank = (int)Math.Min(vocabulary.Length - 1, Math.Floor(Math.Pow(vocabulary.Length, random.NextDouble())) - 1);
                    var word = vocabulary[rank];
                    text.Append(w == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word).Append(w == words - 1 ? ". " : " ");
                }

                if (s % 5 == 4)
                {
                    text.Append('\n');
                }
            }

            return TextAnalyzer.Default.Analyze(Article.FromText(text.ToString()));
        }

        // Distinct pronounceable words (consonant-vowel syllables), none of them stop words.
        private static string Word(int index)
        {
            const string Consonants = "bdfgklmnprstvz";
            const string Vowels = "aeiou";
            var word = new System.Text.StringBuilder("z");
            do
            {
                word.Append(Consonants[index % Consonants.Length]).Append(Vowels[(index / Consonants.Length) % Vowels.Length]);
                index /= Consonants.Length * Vowels.Length;
            }
            while (index > 0);
            return word.ToString();
        }
    }
}
