using Summarizer.Analysis;
using Summarizer.Entities;
using Summarizer.Ingestion;

namespace Summarizer.Stories;

/// <summary>One article of a story.</summary>
/// <param name="Index">Its position in the input.</param>
/// <param name="Article">The article.</param>
/// <param name="Centrality">Cosine similarity of its TF-IDF vector to the story's centroid, 0 to 1.</param>
public sealed record StoryArticle(int Index, Article Article, double Centrality)
{
    /// <summary>Copies of this article (exact or near) found in the input; they are not counted as articles of the story.</summary>
    public IReadOnlyList<DuplicateMatch> Copies { get; init; } = [];
}

/// <summary>
/// One story: the articles that report it (copies set apart), its label (the most central headline and key phrases),
/// its date span and main entities.
/// </summary>
public sealed class Story
{
    internal Story(string id, IReadOnlyList<StoryArticle> articles, string headline, IReadOnlyList<string> keyphrases,
        IReadOnlyList<EntityCount> entities, double cohesion)
    {
        Id = id;
        Articles = articles;
        Headline = headline;
        Keyphrases = keyphrases;
        Entities = entities;
        Cohesion = cohesion;
        var dates = articles.Where(a => a.Article.Date is not null).Select(a => a.Article.Date!.Value).ToArray();
        First = dates.Length == 0 ? null : dates.Min();
        Last = dates.Length == 0 ? null : dates.Max();
    }

    /// <summary>The story's id in its report: <c>s1</c> for the largest, then <c>s2</c>, ...</summary>
    public string Id { get; }

    /// <summary>The distinct articles, oldest first (undated ones last, in input order).</summary>
    public IReadOnlyList<StoryArticle> Articles { get; }

    /// <summary>The headline of the most central article (its first sentence when it has no title).</summary>
    public string Headline { get; }

    /// <summary>Key phrases shared by the story's articles, strongest first.</summary>
    public IReadOnlyList<string> Keyphrases { get; }

    /// <summary>The label: the headline, then the key phrases in brackets.</summary>
    public string Label => Keyphrases.Count == 0 ? Headline : $"{Headline} [{string.Join(", ", Keyphrases)}]";

    /// <summary>People, organisations, places and other names most mentioned in the leads of its central articles.</summary>
    public IReadOnlyList<EntityCount> Entities { get; }

    /// <summary>Average cosine similarity between its articles (1 for one article).</summary>
    public double Cohesion { get; }

    /// <summary>The earliest article date, when any article has one.</summary>
    public DateTimeOffset? First { get; }

    /// <summary>The latest article date, when any article has one.</summary>
    public DateTimeOffset? Last { get; }

    /// <summary>Copies of its articles found in the input.</summary>
    public int CopyCount => Articles.Sum(a => a.Copies.Count);

    /// <summary>The articles from the most central to the least (ties: input order).</summary>
    public IReadOnlyList<StoryArticle> ByCentrality =>
        Articles.OrderByDescending(a => a.Centrality).ThenBy(a => a.Index).ToArray();

    /// <inheritdoc />
    public override string ToString() => $"{Id}: {Label} ({Articles.Count} articles)";
}

/// <summary>
/// What <see cref="StoryFinder"/> found in a set of articles: the copies and the stories, largest first, with the
/// analysed documents the summaries are drawn from.
/// </summary>
public sealed class StoryReport
{
    private readonly int[] _storyOf;

    internal StoryReport(IReadOnlyList<Document> documents, DuplicateReport duplicates, IReadOnlyList<Story> stories, ClusteringWork work)
    {
        Documents = documents;
        Duplicates = duplicates;
        Stories = stories;
        Work = work;
        _storyOf = new int[documents.Count];
        Array.Fill(_storyOf, -1);
        for (var s = 0; s < stories.Count; s++)
        {
            foreach (var a in stories[s].Articles)
            {
                _storyOf[a.Index] = s;
                foreach (var copy in a.Copies)
                {
                    _storyOf[copy.Index] = s;
                }
            }
        }
    }

    /// <summary>The analysed articles, in input order.</summary>
    public IReadOnlyList<Document> Documents { get; }

    /// <summary>The input articles, in input order.</summary>
    public IReadOnlyList<Article> Articles => Duplicates.Articles;

    /// <summary>Which articles repeat which.</summary>
    public DuplicateReport Duplicates { get; }

    /// <summary>The stories, largest first (ties: the one whose first article comes first in the input).</summary>
    public IReadOnlyList<Story> Stories { get; }

    /// <summary>The counted work of the clustering.</summary>
    public ClusteringWork Work { get; }

    /// <summary>The story that holds the article at <paramref name="index"/> (as an article or a copy).</summary>
    public Story StoryOf(int index) => Stories[_storyOf[index]];
}
