using Summarizer.Analysis;
using Summarizer.Ingestion;
using Summarizer.Stories;

namespace Summarizer.Frequencies;

/// <summary>
/// Word and n-gram frequencies over a set of documents, optionally per group (e.g. per source or per day). Terms never
/// span punctuation or sentences. Uses the documents' own tokens, stop-word flags and language.
/// </summary>
public static class FrequencyCounter
{
    /// <summary>Counts terms in analysed documents; <paramref name="groupBy"/> gives each document's group.</summary>
    public static FrequencyTable Count(IEnumerable<Document> documents, FrequencyOptions? options = null,
        Func<Document, string?>? groupBy = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        options ??= FrequencyOptions.Default;
        options.Validate();
        var skipped = 0;
        if (options.SkipDuplicates)
        {
            var all = documents.ToArray();
            var duplicates = DuplicateDetector.Find(all.Select(d => d.Article).ToArray());
            documents = duplicates.Kept.Select(i => all[i]);
            skipped = duplicates.Duplicates.Count;
        }

        var groups = new Dictionary<string, GroupCounts>(StringComparer.Ordinal);
        var ungrouped = new GroupCounts(null);
        var documentIndex = 0;
        var gram = new string[options.N];
        var gramSurface = new string[options.N];
        foreach (var document in documents)
        {
            ArgumentNullException.ThrowIfNull(document, nameof(documents));
            var counts = ungrouped;
            if (groupBy is not null)
            {
                var key = groupBy(document);
                if (key is null)
                {
                    counts = ungrouped;
                }
                else if (!groups.TryGetValue(key, out counts!))
                {
                    counts = new GroupCounts(key);
                    groups[key] = counts;
                }
            }

            CountDocument(document, options, counts, documentIndex++, gram, gramSurface);
        }

        var rows = new List<FrequencyRow>();
        if (ungrouped.Terms.Count > 0 || groups.Count == 0)
        {
            ungrouped.AddRows(rows, options);
        }

        foreach (var key in groups.Keys.Order(StringComparer.Ordinal))
        {
            groups[key].AddRows(rows, options);
        }

        return new FrequencyTable(rows, options, groupBy is not null, documentIndex) { SkippedDuplicates = skipped };
    }

    /// <summary>Analyses and counts articles; <paramref name="groupBy"/> gives each article's group.</summary>
    public static FrequencyTable Count(IEnumerable<Article> articles, FrequencyOptions? options = null,
        Func<Article, string?>? groupBy = null, TextAnalyzer? analyzer = null)
    {
        ArgumentNullException.ThrowIfNull(articles);
        analyzer ??= TextAnalyzer.Default;
        return Count(articles.Select(analyzer.Analyze), options, groupBy is null ? null : d => groupBy(d.Article));
    }

    /// <summary>Analyses and counts plain texts (one document each).</summary>
    public static FrequencyTable Count(IEnumerable<string> texts, FrequencyOptions? options = null, TextAnalyzer? analyzer = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        analyzer ??= TextAnalyzer.Default;
        return Count(texts.Select(t => analyzer.Analyze(t)), options);
    }

    private static void CountDocument(Document document, FrequencyOptions options, GroupCounts counts, int documentIndex,
        string[] gram, string[] gramSurface)
    {
        var n = options.N;
        var stemmer = options.Stem ? Stemmer.For(document.Language) : null;
        foreach (var sentence in document.Sentences)
        {
            var tokens = sentence.Tokens;
            var run = 0; // consecutive usable tokens ending here
            for (var i = 0; i < tokens.Length; i++)
            {
                ref readonly var token = ref tokens[i];
                var usable = token.Kind switch
                {
                    TokenKind.Punctuation => false,
                    TokenKind.Number => options.IncludeNumbers,
                    _ => !(options.RemoveStopWords && token.IsStopWord),
                };
                if (!usable)
                {
                    run = 0;
                    continue;
                }

                run++;
                if (run < n)
                {
                    continue;
                }

                for (var k = 0; k < n; k++)
                {
                    ref readonly var t = ref tokens[i - n + 1 + k];
                    gramSurface[k] = t.Normalized;
                    gram[k] = stemmer is null || t.Kind != TokenKind.Word ? t.Normalized : stemmer.Stem(t.Normalized);
                }

                var key = n == 1 ? gram[0] : string.Join(' ', gram);
                var surface = stemmer is null ? null : n == 1 ? gramSurface[0] : string.Join(' ', gramSurface);
                counts.Add(key, surface, documentIndex);
            }
        }
    }

    private sealed class TermCounts
    {
        public int Count { get; set; }

        public int Documents { get; set; }

        public int LastDocument { get; set; } = -1;

        public Dictionary<string, int>? Surfaces { get; set; }
    }

    private sealed class GroupCounts(string? name)
    {
        public string? Name { get; } = name;

        public Dictionary<string, TermCounts> Terms { get; } = new(StringComparer.Ordinal);

        public void Add(string key, string? surface, int document)
        {
            if (!Terms.TryGetValue(key, out var entry))
            {
                entry = new TermCounts();
                Terms[key] = entry;
            }

            entry.Count++;
            if (entry.LastDocument != document)
            {
                entry.Documents++;
                entry.LastDocument = document;
            }

            if (surface is not null)
            {
                entry.Surfaces ??= new Dictionary<string, int>(StringComparer.Ordinal);
                entry.Surfaces[surface] = entry.Surfaces.GetValueOrDefault(surface) + 1;
            }
        }

        public void AddRows(List<FrequencyRow> rows, FrequencyOptions options)
        {
            var list = new List<FrequencyRow>();
            foreach (var (key, entry) in Terms)
            {
                if (entry.Count >= options.MinCount)
                {
                    list.Add(new FrequencyRow(Display(key, entry.Surfaces), entry.Count, entry.Documents, Name));
                }
            }

            list.Sort(static (a, b) =>
            {
                var c = b.Count.CompareTo(a.Count);
                if (c == 0)
                {
                    c = b.Documents.CompareTo(a.Documents);
                }

                return c != 0 ? c : string.CompareOrdinal(a.Term, b.Term);
            });

            var take = options.Top == 0 ? list.Count : Math.Min(options.Top, list.Count);
            for (var i = 0; i < take; i++)
            {
                rows.Add(list[i]);
            }
        }

        // The most frequent surface form of a stem (ties: the ordinally smallest), or the key itself.
        private static string Display(string key, Dictionary<string, int>? surfaces)
        {
            if (surfaces is null)
            {
                return key;
            }

            string? best = null;
            var bestCount = 0;
            foreach (var (text, count) in surfaces)
            {
                if (count > bestCount || (count == bestCount && string.CompareOrdinal(text, best) < 0))
                {
                    best = text;
                    bestCount = count;
                }
            }

            return best ?? key;
        }
    }
}
