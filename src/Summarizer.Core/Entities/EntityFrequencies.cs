using System.Collections.Frozen;
using Microsoft.Data.Analysis;
using Summarizer.Analysis;

namespace Summarizer.Entities;

/// <summary>One row of an entity frequency table.</summary>
/// <param name="Entity">The canonical name ("Antony Blinken" for "Blinken", "Mr Blinken" and "Antony Blinken").</param>
/// <param name="Type">Entity type (see <see cref="EntityTypes"/>).</param>
/// <param name="Count">Mentions over all articles.</param>
/// <param name="Articles">Articles that mention it.</param>
/// <param name="ExampleSentence">The sentence of its first mention.</param>
public sealed record EntityCount(string Entity, string Type, int Count, int Articles, string ExampleSentence);

/// <summary>Options for counting entities (<see cref="EntityFrequencies"/>).</summary>
public sealed record EntityFrequencyOptions
{
    /// <summary>The default options: every type, every entity.</summary>
    public static EntityFrequencyOptions Default { get; } = new();

    /// <summary>Types to count; null (the default) counts every type.</summary>
    public IReadOnlyCollection<string>? Types { get; init; }

    /// <summary>Leave out entities mentioned fewer times than this. Default 1.</summary>
    public int MinCount { get; init; } = 1;

    /// <summary>
    /// Count each text once: articles that repeat another, exactly or as a re-edited copy
    /// (<see cref="Stories.DuplicateDetector"/>), are left out. Default false: every article given is counted. The
    /// notebook's <c>#!entity-freq</c> leaves copies out.
    /// </summary>
    public bool SkipDuplicates { get; init; }
}

/// <summary>
/// Counts entities over articles under canonical names: within an article a person's later short mentions
/// ("Blinken", "Mr Blinken") join the full name ("Antony Blinken"), and names that differ only in case or periods
/// ("Nato", "NATO"; "U.N.", "UN") are one entity.
/// </summary>
public static class EntityFrequencies
{
    private static readonly FrozenSet<string> Titles = new[]
    {
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "president",
        "vice", "prime", "minister", "secretary", "senator", "sen", "rep", "representative", "governor", "gov", "mayor",
        "general", "gen", "colonel", "col", "captain", "capt", "lieutenant", "lt", "sergeant", "sgt", "judge",
        "justice", "king", "queen", "prince", "princess", "pope", "chancellor", "premier", "ambassador", "rev",
        "reverend", "father", "sheikh", "chairman", "chairwoman", "chief", "executive", "coach", "foreign", "state",
        "defence", "defense", "finance", "interior", "deputy", "former", "then", "us", "u.s.",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Recognises entities in each article and counts them under canonical names, most frequent first.</summary>
    public static IReadOnlyList<EntityCount> Count(IEnumerable<(string ArticleId, string Text)> articles,
        EntityRecognizer? recognizer = null, EntityFrequencyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(articles);
        recognizer ??= EntityRecognizer.Default;
        options ??= EntityFrequencyOptions.Default;
        if (options.SkipDuplicates)
        {
            // Copies are dropped before recognition, which is the expensive part.
            var all = articles.ToArray();
            articles = Stories.DuplicateDetector.Find(all.Select(a => new Ingestion.Article(a.ArticleId, a.Text)).ToArray()).Kept.Select(i => all[i]);
            options = options with { SkipDuplicates = false };
        }

        return Count(articles.AsParallel().AsOrdered().Select(a => (a.ArticleId, a.Text, recognizer.Recognize(a.Text))).ToArray(), options);
    }

    /// <summary>Counts entities already recognised in each article (offsets into its text), most frequent first.</summary>
    public static IReadOnlyList<EntityCount> Count(IEnumerable<(string ArticleId, string Text, IReadOnlyList<EntityMention> Mentions)> articles,
        EntityFrequencyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(articles);
        options ??= EntityFrequencyOptions.Default;
        if (options.SkipDuplicates)
        {
            var all = articles.ToArray();
            articles = Stories.DuplicateDetector.Find(all.Select(a => new Ingestion.Article(a.ArticleId, a.Text)).ToArray()).Kept.Select(i => all[i]);
        }

        var found = new List<(string Article, string Text, EntityMention Mention, string Canonical)>();
        foreach (var (id, text, recognized) in articles)
        {
            var mentions = recognized
                .Where(m => options.Types is null || options.Types.Contains(m.Type))
                .ToList();
            var canonical = CanonicalNames(mentions);
            for (var i = 0; i < mentions.Count; i++)
            {
                found.Add((id, text, mentions[i], canonical[i]));
            }
        }

        // Across articles, a lone surname joins the one full name that ends with it, when there is exactly one.
        var fullBySurname = found.Where(f => f.Mention.Type == EntityTypes.Person && f.Canonical.Contains(' ', StringComparison.Ordinal))
            .Select(f => f.Canonical)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .GroupBy(n => n[(n.LastIndexOf(' ') + 1)..], StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

        var rows = new List<EntityCount>();
        foreach (var group in found.GroupBy(f => (f.Mention.Type, Key: Key(
                     f.Mention.Type == EntityTypes.Person && fullBySurname.TryGetValue(f.Canonical, out var full) ? full : f.Canonical))))
        {
            var items = group.ToList();
            if (items.Count < options.MinCount)
            {
                continue;
            }

            var display = items.Select(f => f.Mention.Type == EntityTypes.Person && fullBySurname.TryGetValue(f.Canonical, out var full) ? full : f.Canonical)
                .GroupBy(n => n, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count())
                .ThenByDescending(g => g.Key.Length)
                .First().Key;
            var first = items[0];
            rows.Add(new EntityCount(display, group.Key.Type, items.Count, items.Select(f => f.Article).Distinct(StringComparer.Ordinal).Count(),
                SentenceOf(first.Text, first.Mention.Start)));
        }

        return rows.OrderByDescending(r => r.Count).ThenByDescending(r => r.Articles)
            .ThenBy(r => r.Entity, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The canonical name of each mention of one article, in the same order: people's short mentions map to the
    /// full name they abbreviate, titles are dropped, and spellings that differ only in case or periods share the most
    /// frequent spelling.
    /// </summary>
    public static IReadOnlyList<string> CanonicalNames(IReadOnlyList<EntityMention> mentions)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        var names = mentions.Select(m => m.Type == EntityTypes.Person ? StripTitles(m.Text) : Clean(m.Text)).ToArray();

        // People: a name whose words end (or begin) a longer name of the article stands for that longer name.
        var people = Enumerable.Range(0, mentions.Count).Where(i => mentions[i].Type == EntityTypes.Person)
            .Select(i => names[i]).Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(n => n.Split(' ').Length).ToList();
        for (var i = 0; i < mentions.Count; i++)
        {
            if (mentions[i].Type != EntityTypes.Person)
            {
                continue;
            }

            var words = names[i].Split(' ');
            var longer = people.Where(p => p.Split(' ') is var pw && pw.Length > words.Length
                    && (pw.AsSpan(pw.Length - words.Length).SequenceEqual(words, StringComparer.OrdinalIgnoreCase)
                        || (words.Length == 1 && pw[0].Equals(words[0], StringComparison.OrdinalIgnoreCase))))
                .ToList();
            if (longer.Count > 0 && longer.All(l => Key(l) == Key(longer[0])))
            {
                names[i] = longer[0];
            }
        }

        // One spelling per key and type: the most frequent, then the first seen.
        var spelling = Enumerable.Range(0, mentions.Count)
            .GroupBy(i => (mentions[i].Type, Key: Key(names[i])))
            .ToDictionary(g => g.Key, g => g.GroupBy(i => names[i], StringComparer.Ordinal)
                .OrderByDescending(s => s.Count()).ThenBy(s => s.Min()).First().Key);
        return Enumerable.Range(0, mentions.Count).Select(i => spelling[(mentions[i].Type, Key(names[i]))]).ToArray();
    }

    /// <summary>The table as a DataFrame with columns <c>entity</c>, <c>type</c>, <c>count</c>, <c>articles</c> and
    /// <c>example</c> (the sentence of its first mention); the same scheme as the word table.</summary>
    public static DataFrame ToDataFrame(IReadOnlyList<EntityCount> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return new DataFrame(
            new StringDataFrameColumn("entity", counts.Select(c => c.Entity)),
            new StringDataFrameColumn("type", counts.Select(c => c.Type)),
            new Int32DataFrameColumn("count", counts.Select(c => c.Count)),
            new Int32DataFrameColumn("articles", counts.Select(c => c.Articles)),
            new StringDataFrameColumn("example", counts.Select(c => c.ExampleSentence)));
    }

    private static string Key(string name) => Tokenizer.Normalize(name.Replace(".", "", StringComparison.Ordinal).AsSpan());

    private static string Clean(string text)
    {
        var t = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return t.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || t.EndsWith("’s", StringComparison.OrdinalIgnoreCase) ? t[..^2] : t;
    }

    private static string StripTitles(string text)
    {
        var words = Clean(text).Split(' ').ToList();
        while (words.Count > 1 && Titles.Contains(words[0].TrimEnd('.')))
        {
            words.RemoveAt(0);
        }

        return string.Join(' ', words);
    }

    private static string SentenceOf(string text, int offset)
    {
        foreach (var s in SentenceSplitter.Split(text))
        {
            if (s.Start <= offset && offset < s.End)
            {
                return text[s.Start..s.End].Trim();
            }
        }

        return string.Empty;
    }
}
