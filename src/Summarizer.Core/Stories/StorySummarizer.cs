using Summarizer.Analysis;
using Summarizer.Requests;
using Summarizer.Summarization;

namespace Summarizer.Stories;

/// <summary>Options for <see cref="StorySummarizer"/>. Every default is documented.</summary>
public sealed record StorySummaryOptions
{
    /// <summary>The defaults below.</summary>
    public static StorySummaryOptions Default { get; } = new();

    /// <summary>Sentences each article puts forward: its best by the chosen method. Default 5.</summary>
    public int CandidatesPerArticle { get; init; } = 5;

    /// <summary>
    /// Maximal-marginal-relevance trade-off (Carbonell and Goldstein 1998): each pick scores
    /// <c>(1 − λ) · relevance − λ · (closest similarity to a sentence already chosen)</c>. Default 0.5.
    /// </summary>
    public double Redundancy { get; init; } = 0.5;

    /// <summary>A candidate at least this similar (TF-IDF cosine) to a chosen sentence says the same thing and is never
    /// chosen: the same fact from another version of the story. Default 0.5.</summary>
    public double MaxSimilarity { get; init; } = 0.5;

    /// <summary>Throws when a value is out of range, naming it.</summary>
    public void Validate()
    {
        if (CandidatesPerArticle < 1)
        {
            throw new ArgumentException($"CandidatesPerArticle must be at least 1, not {CandidatesPerArticle}.", nameof(CandidatesPerArticle));
        }

        if (!(Redundancy is >= 0 and <= 1) || !(MaxSimilarity is > 0 and <= 1))
        {
            throw new ArgumentException("Redundancy must be in [0, 1] and MaxSimilarity in (0, 1].", nameof(Redundancy));
        }
    }
}

/// <summary>
/// Extractive summary of a story from all its articles: each article puts forward its best sentences by the chosen
/// method; a candidate's relevance adds its rank in its article to its similarity to the whole story (what the versions
/// agree on); greedy MMR then picks sentences that are relevant and unlike those already picked, so a fact told by
/// five versions appears once. The sentences are listed oldest article first, each naming its article and its offsets
/// in that article's text. A story of one article gets that article's own summary. Deterministic and thread-safe.
/// </summary>
public static class StorySummarizer
{
    /// <summary>Summarises <paramref name="story"/> from the documents of <paramref name="report"/>.</summary>
    /// <param name="story">The story.</param>
    /// <param name="report">The report it belongs to (for the analysed articles).</param>
    /// <param name="summarizer">The method that ranks each article's sentences.</param>
    /// <param name="length">How long the summary is: sentences, words, or a share of the story's sentences.</param>
    /// <param name="options">Candidates and redundancy control.</param>
    public static SummaryResult Summarize(Story story, StoryReport report, ISummarizer summarizer, SummaryLength length,
        StorySummaryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(summarizer);
        options ??= StorySummaryOptions.Default;
        options.Validate();
        var documents = story.Articles.Select(a => report.Documents[a.Index]).Where(d => d.Sentences.Count > 0).ToArray();
        var describe = Describe(story, documents, summarizer.Name);
        if (documents.Length == 0)
        {
            return describe with { Error = $"{story.Id}: the story's articles have no text to summarise" };
        }

        if (documents.Length == 1)
        {
            // One article: exactly the summary 'summarize' gives, with the article named.
            var single = ExtractiveMethod.ToResult(summarizer.Summarize(documents[0], length));
            return describe with
            {
                Text = single.Text,
                Words = single.Words,
                Sentences = single.Sentences.Select(s => s with { ArticleId = documents[0].Article.Id }).ToArray(),
            };
        }

        var candidates = Candidates(documents, summarizer, options.CandidatesPerArticle);
        var vectors = SentenceVectors(documents, candidates);
        var centroid = ArticleVectors.Centroid(vectors);
        var relevance = new double[candidates.Count];
        for (var c = 0; c < candidates.Count; c++)
        {
            relevance[c] = (0.5 * vectors[c].Dot(centroid)) + (0.5 / (1 + candidates[c].Rank));
        }

        var total = documents.Sum(d => d.Sentences.Count);
        var chosen = Select(candidates, vectors, relevance, documents, length, total, options);
        var sentences = chosen
            .OrderBy(c => candidates[c].Document).ThenBy(c => candidates[c].Sentence)
            .Select(c =>
            {
                var sentence = documents[candidates[c].Document].Sentences[candidates[c].Sentence];
                return new SummarySentence(sentence.Text)
                {
                    ArticleId = documents[candidates[c].Document].Article.Id,
                    Index = sentence.Index,
                    Start = sentence.Start,
                    End = sentence.End,
                    Score = Math.Round(relevance[c], 6),
                };
            })
            .ToArray();
        return describe with
        {
            Text = string.Join('\n', sentences.Select(s => ExtractiveMethod.OneLine(s.Text))),
            Sentences = sentences,
            Words = chosen.Sum(c => documents[candidates[c].Document].Sentences[candidates[c].Sentence].WordCount),
        };
    }

    /// <summary>The result fields that describe the story rather than its summary.</summary>
    internal static SummaryResult Describe(Story story, IReadOnlyList<Document> documents, string method) => new()
    {
        Id = story.Id,
        Title = story.Headline,
        Method = method,
        Language = documents.Count == 0 ? null : documents[0].Language,
        SourceWords = documents.Sum(d => d.WordCount),
        SourceSentences = documents.Sum(d => d.Sentences.Count),
    };

    private readonly record struct Candidate(int Document, int Sentence, int Rank);

    private static List<Candidate> Candidates(Document[] documents, ISummarizer summarizer, int perArticle)
    {
        var candidates = new List<Candidate>();
        for (var d = 0; d < documents.Length; d++)
        {
            var picked = summarizer.Summarize(documents[d], SummaryLength.Sentences(perArticle)).Sentences
                .OrderByDescending(s => s.Score).ThenBy(s => s.Index).ToArray();
            for (var rank = 0; rank < picked.Length; rank++)
            {
                candidates.Add(new Candidate(d, picked[rank].Index, rank));
            }
        }

        return candidates;
    }

    // Unit TF-IDF vectors of the candidates over the stems of the story, weighted by how few of its sentences use them.
    private static TermVector[] SentenceVectors(Document[] documents, List<Candidate> candidates)
    {
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var frequency = new List<int>();
        var sentences = 0;
        foreach (var document in documents)
        {
            sentences += document.Sentences.Count;
            for (var t = 0; t < document.Terms.Count; t++)
            {
                if (!vocabulary.TryGetValue(document.Terms[t], out var id))
                {
                    id = vocabulary.Count;
                    vocabulary[document.Terms[t]] = id;
                    frequency.Add(0);
                }

                frequency[id] += document.SentenceFrequency[t];
            }
        }

        return candidates.Select(c =>
        {
            var document = documents[c.Document];
            var terms = document.Sentences[c.Sentence].Terms;
            var ids = new int[terms.Count];
            var weights = new float[terms.Count];
            for (var k = 0; k < ids.Length; k++)
            {
                ids[k] = vocabulary[document.Terms[terms.Ids[k]]];
                weights[k] = (float)(terms.Weights[k] * Math.Log((1.0 + sentences) / (1.0 + frequency[ids[k]])));
            }

            Array.Sort(ids, weights);
            var norm = Math.Sqrt(weights.Sum(w => (double)w * w));
            for (var k = 0; k < weights.Length && norm > 0; k++)
            {
                weights[k] = (float)(weights[k] / norm);
            }

            return new TermVector(ids, weights);
        }).ToArray();
    }

    private static List<int> Select(List<Candidate> candidates, TermVector[] vectors, double[] relevance, Document[] documents,
        SummaryLength length, int totalSentences, StorySummaryOptions options)
    {
        var count = length.Unit switch
        {
            SummaryLengthUnit.Sentences => (int)length.Value,
            SummaryLengthUnit.Ratio => Math.Max(1, (int)Math.Round(totalSentences * length.Value, MidpointRounding.AwayFromZero)),
            _ => int.MaxValue,
        };
        var budget = length.Unit == SummaryLengthUnit.Words ? (int)length.Value : int.MaxValue;
        var chosen = new List<int>();
        var words = 0;
        var taken = new bool[candidates.Count];
        while (chosen.Count < count)
        {
            var best = -1;
            var bestScore = double.NegativeInfinity;
            for (var c = 0; c < candidates.Count; c++)
            {
                if (taken[c])
                {
                    continue;
                }

                var sentenceWords = documents[candidates[c].Document].Sentences[candidates[c].Sentence].WordCount;
                if (chosen.Count > 0 && words + sentenceWords > budget)
                {
                    continue;
                }

                var closest = chosen.Count == 0 ? 0 : chosen.Max(k => vectors[c].Dot(vectors[k]));
                if (closest >= options.MaxSimilarity)
                {
                    continue;
                }

                var score = ((1 - options.Redundancy) * relevance[c]) - (options.Redundancy * closest);
                if (score > bestScore)
                {
                    bestScore = score;
                    best = c;
                }
            }

            if (best < 0)
            {
                break;
            }

            taken[best] = true;
            chosen.Add(best);
            words += documents[candidates[best].Document].Sentences[candidates[best].Sentence].WordCount;
        }

        return chosen;
    }
}
