namespace Summarizer.Stories;

/// <summary>Options for <see cref="StoryFinder"/>. Every default is documented and deterministic.</summary>
public sealed record StoryOptions
{
    /// <summary>The defaults below.</summary>
    public static StoryOptions Default { get; } = new();

    /// <summary>
    /// The stopping rule of the clustering: two groups of articles merge while the average TF-IDF cosine similarity
    /// over every pair of articles between them (pairs that share no distinctive term count as 0) is at least this.
    /// Default 0.25. On the hand-labelled feed of the tests (versions of three stories among other stories on the
    /// same topics) every value from 0.2 to 0.35 finds the stories exactly; on BBC News, among the articles of nine
    /// labelled story threads, 0.25 is the middle of the range (0.22 to 0.28) where no article of another story joins
    /// one of them, and a lower value begins to pull in neighbours (0.2: 11 strays).
    /// </summary>
    public double Threshold { get; init; } = 0.25;

    /// <summary>Highest-weighted terms kept in each article's vector; the rest are noise for finding stories. Default 120.</summary>
    public int TermsPerArticle { get; init; } = 120;

    /// <summary>
    /// Terms used in more than this many articles (or <see cref="CommonTermShare"/> of them, whichever is more) do not
    /// propose pairs to compare, so each article meets only articles that share a distinctive term and the work stays
    /// near-linear; they still count in the similarity of the pairs compared. Default 50.
    /// </summary>
    public int CommonTermArticles { get; init; } = 50;

    /// <summary>See <see cref="CommonTermArticles"/>. Default 0.02 (2% of the articles).</summary>
    public double CommonTermShare { get; init; } = 0.02;

    /// <summary>Most neighbours compared per article, the strongest candidates first. Default 40.</summary>
    public int MaxNeighbours { get; init; } = 40;

    /// <summary>How copies are found; copies join their original's story and are not counted again. Default <see cref="DuplicateOptions.Default"/>.</summary>
    public DuplicateOptions Duplicates { get; init; } = DuplicateOptions.Default;

    /// <summary>Key phrases in a story's label. Default 4.</summary>
    public int Keyphrases { get; init; } = 4;

    /// <summary>Main entities listed per story (people, organisations, places, other names). Default 5.</summary>
    public int Entities { get; init; } = 5;

    /// <summary>Throws when a value is out of range, naming it.</summary>
    public void Validate()
    {
        if (!(Threshold is > 0 and <= 1))
        {
            throw new ArgumentException($"Threshold must be greater than 0 and at most 1, not {Threshold}.", nameof(Threshold));
        }

        if (TermsPerArticle < 1 || MaxNeighbours < 1 || CommonTermArticles < 1)
        {
            throw new ArgumentException("TermsPerArticle, MaxNeighbours and CommonTermArticles must be at least 1.", nameof(TermsPerArticle));
        }

        if (!(CommonTermShare is >= 0 and <= 1))
        {
            throw new ArgumentException($"CommonTermShare must be between 0 and 1, not {CommonTermShare}.", nameof(CommonTermShare));
        }

        if (Keyphrases < 0 || Entities < 0)
        {
            throw new ArgumentException("Keyphrases and Entities must not be negative.", nameof(Keyphrases));
        }

        Duplicates.Validate();
    }
}
