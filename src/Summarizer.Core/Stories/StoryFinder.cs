using Summarizer.Analysis;
using Summarizer.Entities;
using Summarizer.Ingestion;

namespace Summarizer.Stories;

/// <summary>
/// Groups articles into stories: copies are found first (<see cref="DuplicateDetector"/>) and join the story of the
/// article they repeat; the other articles are clustered by the TF-IDF cosine similarity of their stems
/// (<see cref="StoryOptions.Threshold"/> decides how many stories there are), and each story gets a label, a date span
/// and its main entities. Deterministic and thread-safe.
/// </summary>
public static class StoryFinder
{
    /// <summary>The most central articles of a story that its key phrases and entities are read from.</summary>
    private const int LabelArticles = 3;

    /// <summary>Analyses <paramref name="articles"/> (in parallel) and finds their stories.</summary>
    public static StoryReport Find(IReadOnlyList<Article> articles, StoryOptions? options = null, TextAnalyzer? analyzer = null)
    {
        ArgumentNullException.ThrowIfNull(articles);
        analyzer ??= TextAnalyzer.Default;
        var documents = new Document[articles.Count];
        Parallel.For(0, articles.Count, i => documents[i] = analyzer.Analyze(articles[i]));
        return Find(documents, options);
    }

    /// <summary>Finds the stories of analysed articles.</summary>
    public static StoryReport Find(IReadOnlyList<Document> documents, StoryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        options ??= StoryOptions.Default;
        options.Validate();
        var articles = documents.Select(d => d.Article).ToArray();
        var duplicates = DuplicateDetector.Find(articles, options.Duplicates);
        var kept = duplicates.Kept;
        var keptDocuments = kept.Select(i => documents[i]).ToArray();
        var vectors = ArticleVectors.Build(keptDocuments, options.TermsPerArticle);
        var (cluster, work) = StoryClustering.Cluster(vectors.Vectors, vectors.DocumentFrequency, options);

        var groups = Enumerable.Range(0, kept.Count).GroupBy(k => cluster[k])
            .Select(g => g.ToArray())
            .OrderByDescending(g => g.Length).ThenBy(g => kept[g[0]])
            .ToArray();
        var stories = new Story[groups.Length];
        Parallel.For(0, groups.Length, s =>
        {
            var members = groups[s];
            var memberVectors = members.Select(k => vectors.Vectors[k]).ToArray();
            var centroid = ArticleVectors.Centroid(memberVectors);
            var storyArticles = members
                .Select(k => new StoryArticle(kept[k], articles[kept[k]], Math.Round(Math.Clamp(vectors.Vectors[k].Dot(centroid), 0, 1), 4))
                {
                    Copies = duplicates.CopiesOf(kept[k]),
                })
                .OrderBy(a => a.Article.Date is null ? 1 : 0).ThenBy(a => a.Article.Date).ThenBy(a => a.Index)
                .ToArray();
            var central = storyArticles.OrderByDescending(a => a.Centrality).ThenBy(a => a.Index).ToArray();
            stories[s] = new Story(
                "s" + (s + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                storyArticles,
                Headline(documents[central[0].Index]),
                Keyphrases(central.Take(LabelArticles).Select(a => documents[a.Index]).ToArray(), options.Keyphrases),
                MainEntities(central.Take(LabelArticles).Select(a => documents[a.Index]).ToArray(), options.Entities),
                Math.Round(StoryClustering.Cohesion(memberVectors), 4));
        });

        return new StoryReport(documents, duplicates, stories, work);
    }

    private static string Headline(Document document)
    {
        var title = document.Article.Title;
        if (!string.IsNullOrWhiteSpace(title))
        {
            return OneLine(title);
        }

        var first = document.Sentences.Count > 0 ? OneLine(document.Sentences[0].Text) : document.Article.Id;
        return first.Length <= 120 ? first : first[..119].TrimEnd() + "…";
    }

    // Phrases the central articles share, ranked by how many of them name it, then by their summed relative scores.
    private static IReadOnlyList<string> Keyphrases(Document[] documents, int top)
    {
        if (top == 0)
        {
            return [];
        }

        var phrases = new Dictionary<string, (int Articles, double Score, int First)>(StringComparer.Ordinal);
        var order = 0;
        foreach (var document in documents)
        {
            var found = KeyphraseExtractor.Extract(document, new KeyphraseOptions { Top = 8 });
            if (found.Count == 0)
            {
                continue;
            }

            var best = found[0].Score;
            foreach (var phrase in found)
            {
                var (articles, score, first) = phrases.GetValueOrDefault(phrase.Text, (0, 0, order++));
                phrases[phrase.Text] = (articles + 1, score + (phrase.Score / best), first);
            }
        }

        return phrases.OrderByDescending(p => p.Value.Articles).ThenByDescending(p => p.Value.Score).ThenBy(p => p.Value.First)
            .Select(p => p.Key).Take(top).ToArray();
    }

    // Names in the title and first two sentences of the central articles: the lead names the story's actors, and
    // tagging leads rather than whole articles keeps the cost to a fraction of full named-entity recognition.
    private static IReadOnlyList<EntityCount> MainEntities(Document[] documents, int top)
    {
        if (top == 0)
        {
            return [];
        }

        var leads = documents.Select(d =>
        {
            var end = d.Sentences.Count == 0 ? d.Article.BodyEnd : d.Sentences[Math.Min(1, d.Sentences.Count - 1)].End;
            var text = d.Text[..end];
            return (d.Article.Id, text, EntityRecognizer.Default.Recognize(text));
        });
        // A name without a capital letter is a tagging slip ("rose"), not a name worth a label.
        return EntityFrequencies.Count(leads, new EntityFrequencyOptions { Types = Names })
            .Where(e => e.Entity.Any(char.IsUpper))
            .OrderByDescending(e => e.Articles).ThenByDescending(e => e.Count).ThenBy(e => e.Entity, StringComparer.Ordinal)
            .Take(top).ToArray();
    }

    private static readonly string[] Names = [EntityTypes.Person, EntityTypes.Organization, EntityTypes.Location, EntityTypes.Misc];

    private static string OneLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
