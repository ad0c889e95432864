using Summarizer.Analysis;
using Summarizer.Summarization;

namespace Summarizer.Semantic;

/// <summary>Options for <see cref="SemanticSummarizer"/>; the defaults were set on the CNN/DailyMail dev slice.</summary>
public sealed record SemanticOptions
{
    /// <summary>The defaults below.</summary>
    public static SemanticOptions Default { get; } = new();

    /// <summary>Weight of similarity to later sentences. Default 1.</summary>
    public double ForwardWeight { get; init; } = 1.0;

    /// <summary>Weight of similarity to earlier sentences; negative penalises repeating what came before. Default -2.</summary>
    public double BackwardWeight { get; init; } = -2.0;

    /// <summary>
    /// PacSum's edge threshold: of each document's range of sentence similarities, the lowest share counts as no
    /// similarity at all (static vectors make any two sentences somewhat alike). Default 0.7.
    /// </summary>
    public double Threshold { get; init; } = 0.7;

    /// <summary>Share of lexical (TF-IDF stem cosine) similarity mixed into the semantic one, 0 to 1. Default 0.5.</summary>
    public double LexicalWeight { get; init; } = 0.5;

    /// <summary>How much rare stems count in the lexical similarity, as in <see cref="Summarization.PositionalCentralityOptions.IdfWeight"/>. Default 1.</summary>
    public double IdfWeight { get; init; } = 1.0;

    /// <summary>Weight of the lead prior <c>decay^index</c>. Default 0.03.</summary>
    public double PositionWeight { get; init; } = 0.03;

    /// <summary>Per-sentence decay of the lead prior. Default 0.9.</summary>
    public double PositionDecay { get; init; } = 0.9;

    /// <summary>Weight of the sentence's similarity to the title, when the article has one. Default 0.1.</summary>
    public double TitleWeight { get; init; } = 0.1;

    /// <summary>Sentences with fewer words are never chosen while longer ones remain. Default 4.</summary>
    public int MinWords { get; init; } = 4;
}

/// <summary>
/// Position-aware directed centrality (Zheng and Lapata 2019) over semantic similarity: each sentence is the mean of
/// static word vectors distilled from all-MiniLM-L6-v2 (<see cref="StaticEmbeddings"/>), thresholded as PacSum
/// thresholds its BERT similarities and mixed with lexical similarity, so a sentence that paraphrases what the article
/// goes on to say counts as central even without shared words. English articles only use the vectors; other languages
/// fall back to lexical similarity. No network and no transformer at run time.
/// </summary>
public sealed class SemanticSummarizer : RankingSummarizer
{
    private readonly SemanticOptions _options;
    private readonly ISentenceVectors? _vectors;

    /// <summary>Creates the summariser; <paramref name="vectors"/> defaults to the static vectors shipped in the library
    /// (<see cref="StaticEmbeddings.Default"/>, loaded on first use).</summary>
    public SemanticSummarizer(SemanticOptions? options = null, ISentenceVectors? vectors = null)
    {
        _options = options ?? SemanticOptions.Default;
        Table.ThrowIfInvalid(_options, nameof(options));
        _vectors = vectors;
    }

    /// <summary>The options: names, descriptions, defaults and accepted values.</summary>
    public static OptionTable<SemanticOptions> Table { get; } = new OptionTable<SemanticOptions>(SemanticOptions.Default)
        .Number("forward-weight", "Weight of similarity to later sentences.", o => o.ForwardWeight, (o, v) => o with { ForwardWeight = v })
        .Number("backward-weight", "Weight of similarity to earlier sentences (negative penalises repetition).", o => o.BackwardWeight, (o, v) => o with { BackwardWeight = v })
        .Number("threshold", "Share of each document's similarity range that counts as no similarity.", o => o.Threshold, (o, v) => o with { Threshold = v }, min: 0, max: 1, maxExclusive: true)
        .Number("lexical-weight", "Share of lexical similarity mixed into the semantic one.", o => o.LexicalWeight, (o, v) => o with { LexicalWeight = v }, min: 0, max: 1)
        .Number("idf-weight", "How much rare stems count in lexical similarity (0: every stem alike).", o => o.IdfWeight, (o, v) => o with { IdfWeight = v }, min: 0, max: 4)
        .Number("position-weight", "Weight of the lead prior.", o => o.PositionWeight, (o, v) => o with { PositionWeight = v }, min: 0)
        .Number("position-decay", "Per-sentence decay of the lead prior.", o => o.PositionDecay, (o, v) => o with { PositionDecay = v }, min: 0, max: 1)
        .Number("title-weight", "Weight of similarity to the title.", o => o.TitleWeight, (o, v) => o with { TitleWeight = v }, min: 0)
        .Whole("min-words", "Shorter sentences are chosen only when nothing else is left.", o => o.MinWords, (o, v) => o with { MinWords = v }, min: 0);

    /// <summary>The catalog entry.</summary>
    public static SummarizerMethod Method { get; } = SummarizerMethod.Extractive(
        "semantic", "Semantic centrality",
        "Position-aware centrality over MiniLM-derived static sentence vectors mixed with lexical similarity; offline.",
        ["minilm", "embedding"], Table, o => new SemanticSummarizer(o));

    /// <inheritdoc />
    public override string Name => Method.Name;

    /// <summary>
    /// Semantic similarity counts between sentences at most this far apart; nearer pairs than that are every pair of
    /// a news article (a few dozen sentences), while a book-length text stays linear in its length.
    /// </summary>
    public const int Window = 200;

    /// <inheritdoc />
    public override double[] RateSentences(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var sentences = document.Sentences;
        var n = sentences.Count;
        var source = _vectors ?? StaticEmbeddings.Default;
        var embeddings = document.Language == source.Language ? source : null;
        var vectors = embeddings?.For(document);
        var lexicalWeight = vectors is null ? 1 : _options.LexicalWeight;

        // Summed similarity to later and earlier sentences: the lexical part from running sums (linear in the text),
        // the thresholded semantic part over the window.
        var (forward, backward) = UnitVector.DirectedSums(UnitVector.ForSentences(document, _options.IdfWeight), document.Terms.Count);
        for (var i = 0; i < n; i++)
        {
            forward[i] *= lexicalWeight;
            backward[i] *= lexicalWeight;
        }

        if (vectors is not null && lexicalWeight < 1)
        {
            AddSemantic(vectors, forward, backward, 1 - lexicalWeight);
        }

        var title = vectors is not null && !string.IsNullOrWhiteSpace(document.Article.Title) ? embeddings!.Encode(document.Article.Title) : null;
        var titleTerms = document.TitleTerms;
        var titleNorm = Math.Sqrt(titleTerms.Dot(titleTerms));
        var scores = new double[n];
        var prior = 1.0;
        for (var i = 0; i < n; i++)
        {
            var score = ((_options.ForwardWeight * forward[i]) + (_options.BackwardWeight * backward[i])) / n;
            score += _options.PositionWeight * prior;
            var toTitle = 0.0;
            if (titleNorm > 0)
            {
                var terms = sentences[i].Terms;
                var norm = Math.Sqrt(terms.Dot(terms));
                toTitle += norm > 0 ? lexicalWeight * terms.Dot(titleTerms) / (norm * titleNorm) : 0;
            }

            if (title is not null)
            {
                toTitle += (1 - lexicalWeight) * StaticEmbeddings.Cosine(vectors![i], title);
            }

            score += _options.TitleWeight * toTitle;
            if (sentences[i].WordCount < _options.MinWords)
            {
                score -= 1000; // chosen only when nothing longer is left
            }

            scores[i] = score;
            prior *= _options.PositionDecay;
        }

        return scores;
    }

    // PacSum's thresholded similarity, times weight, added to each sentence's sums: of the pairs within the window,
    // below min + threshold · (max − min) counts as 0, the rest as the excess.
    private void AddSemantic(float[][] vectors, double[] forward, double[] backward, double weight)
    {
        var n = vectors.Length;
        if (n < 2)
        {
            return;
        }

        // raw[i][d - 1] is the similarity of sentence i to sentence i + d.
        var raw = new double[n][];
        double min = double.MaxValue, max = double.MinValue;
        for (var i = 0; i < n; i++)
        {
            raw[i] = new double[Math.Min(Window, n - 1 - i)];
            for (var d = 1; d <= raw[i].Length; d++)
            {
                var s = StaticEmbeddings.Cosine(vectors[i], vectors[i + d]);
                raw[i][d - 1] = s;
                min = Math.Min(min, s);
                max = Math.Max(max, s);
            }
        }

        var floor = min + (_options.Threshold * (max - min));
        for (var i = 0; i < n; i++)
        {
            for (var d = 1; d <= raw[i].Length; d++)
            {
                var s = weight * Math.Max(0, raw[i][d - 1] - floor);
                forward[i] += s;
                backward[i + d] += s;
            }
        }
    }
}
