using System.Collections.Frozen;

namespace Summarizer.Entities.Tagging;

/// <summary>How a sentence is cased: casing features only mean something in mixed-case text.</summary>
internal enum SentenceCase
{
    Mixed,
    Lower,
    Upper,
}

/// <summary>
/// Turns a token sequence into hashed feature ids: word identity, affixes, shapes, a two-token context window,
/// gazetteer and name-list matches, word classes, and whether a word is usually written in lower case. Casing features are keyed by the sentence's
/// casing so that lower-cased and all-caps text do not borrow weights learnt from normal text.
/// </summary>
internal sealed class NerFeatures
{
    internal const int MaxPerToken = 48;

    private static readonly FrozenSet<string> Titles = new[]
    {
        "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "lady", "lord", "president", "minister", "senator", "sen",
        "gen", "general", "king", "queen", "prince", "princess", "pope", "judge", "chancellor", "governor", "mayor",
        "secretary", "rep", "col", "capt", "captain", "coach", "chairman", "chief", "premier", "ambassador", "st",
        "saint", "rev", "archbishop", "bishop", "sheikh", "ayatollah", "striker", "midfielder", "defender",
        "goalkeeper", "spokesman", "spokeswoman", "director", "leader", "manager", "officer", "mr.", "mrs.", "dr.",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Particles = new[]
    {
        "de", "da", "del", "della", "di", "do", "dos", "du", "van", "von", "der", "den", "ter", "al", "el", "bin", "ibn",
        "la", "le", "st", "st.",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> OrgWords = new[]
    {
        "inc", "inc.", "corp", "corp.", "co", "co.", "ltd", "ltd.", "plc", "llc", "ag", "sa", "nv", "gmbh", "group",
        "bank", "party", "ministry", "university", "college", "council", "association", "federation", "union",
        "committee", "commission", "agency", "institute", "company", "corporation", "fc", "club", "united", "city",
        "rovers", "airlines", "airways", "news", "times", "press", "board", "court", "department", "office", "army",
        "police", "league", "foundation", "organisation", "organization", "society", "holdings", "industries",
        "international", "systems", "technologies", "motors", "records", "television", "radio", "church", "school",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> LocWords = new[]
    {
        "river", "lake", "mountain", "mountains", "mount", "island", "islands", "sea", "ocean", "bay", "valley",
        "county", "province", "state", "street", "road", "avenue", "square", "park", "north", "south", "east", "west",
        "northern", "southern", "eastern", "western", "central", "republic", "kingdom", "gulf", "strait", "coast",
        "desert", "region", "district", "airport", "bridge", "station", "hills", "peninsula", "capital", "town",
        "village",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly Gazetteer _gazetteer;
    private readonly IReadOnlySet<string> _lowerWords;
    private readonly WordClusters _clusters;
    private readonly NameShapes _shapes;
    private readonly int _mask;

    /// <summary>Features over the given lists; name shapes are learnt from the lists unless given.</summary>
    internal NerFeatures(Gazetteer gazetteer, IReadOnlySet<string> lowerWords, WordClusters clusters, int hashBits, NameShapes? shapes = null)
    {
        _gazetteer = gazetteer;
        _lowerWords = lowerWords;
        _clusters = clusters;
        _shapes = shapes ?? NameShapes.Build(gazetteer, lowerWords);
        _mask = (1 << hashBits) - 1;
    }

    internal NameShapes Shapes => _shapes;

    internal WordClusters Clusters => _clusters;

    internal Gazetteer Gazetteer => _gazetteer;

    internal IReadOnlySet<string> LowerWords => _lowerWords;

    /// <summary>
    /// Where a name may begin: in normally cased text not at a word without a capital letter or digit ("frank" in
    /// "talks as “frank”"), unless it is a particle of a name ("de Silva", "van Gogh") or a social-media handle or tag
    /// ("@nytimes", "#Ottawa"). Null when any token may.
    /// </summary>
    internal static bool[]? NameStarts(IReadOnlyList<string> tokens)
    {
        if (CaseOf(tokens) != SentenceCase.Mixed)
        {
            return null;
        }

        var starts = new bool[tokens.Count];
        for (var i = 0; i < starts.Length; i++)
        {
            starts[i] = tokens[i].Any(c => char.IsUpper(c) || char.IsDigit(c)) || Particles.Contains(tokens[i])
                || tokens[i].StartsWith('@') || tokens[i].StartsWith('#');
        }

        return starts;
    }

    internal static SentenceCase CaseOf(IReadOnlyList<string> tokens)
    {
        var upper = 0;
        var lower = 0;
        foreach (var t in tokens)
        {
            var hasUpper = false;
            var hasLower = false;
            foreach (var c in t)
            {
                hasUpper |= char.IsUpper(c);
                hasLower |= char.IsLower(c);
            }

            upper += hasUpper ? 1 : 0;
            lower += hasLower ? 1 : 0;
        }

        if (upper == 0)
        {
            return SentenceCase.Lower;
        }

        return lower == 0 || (upper >= 3 && lower * 4 < upper) ? SentenceCase.Upper : SentenceCase.Mixed;
    }

    /// <summary>
    /// Writes feature ids for every token into <paramref name="features"/> (row <c>i</c> at <c>i * MaxPerToken</c>)
    /// and their number into <paramref name="counts"/>; <paramref name="gazetteerOverride"/> replaces the model's
    /// gazetteer (training uses one built without the sentence's own fold).
    /// </summary>
    internal void Extract(IReadOnlyList<string> tokens, int[] features, int[] counts, Gazetteer? gazetteerOverride = null)
    {
        var n = tokens.Count;
        var lower = new string[n];
        var shapes = new string[n];
        var shorts = new string[n];
        var clusters = new int[n];
        for (var i = 0; i < n; i++)
        {
            lower[i] = tokens[i].ToLowerInvariant();
            shapes[i] = Shape(tokens[i], false);
            shorts[i] = Shape(tokens[i], true);
            clusters[i] = _clusters.Lookup(lower[i]);
        }

        var gaz = new int[n];
        (gazetteerOverride ?? _gazetteer).Annotate(lower, gaz);
        var mode = CaseOf(tokens);
        var casing = (int)mode * 1000;

        for (var i = 0; i < n; i++)
        {
            var row = i * MaxPerToken;
            var k = 0;
            var w = lower[i];
            var prev = i > 0 ? lower[i - 1] : "<s>";
            var next = i + 1 < n ? lower[i + 1] : "</s>";
            var prev2 = i > 1 ? lower[i - 2] : "<s>";
            var next2 = i + 2 < n ? lower[i + 2] : "</s>";
            var seenLower = _lowerWords.Contains(w);

            Add(1, "");
            Add(2, w);
            Add(3, prev);
            Add(4, next);
            Add(5, prev2);
            Add(6, next2);
            Add(7, prev, w);
            Add(8, w, next);
            for (var a = 1; a <= 4 && a < w.Length; a++)
            {
                Add(10 + a, w.AsSpan(0, a));
                Add(20 + a, w.AsSpan(w.Length - a));
            }

            Add(30, seenLower ? "L" : "U");
            Add(31, Titles.Contains(prev) ? "T" : "-");
            Add(32, OrgWords.Contains(w) ? "O" : "-", OrgWords.Contains(next) ? "O" : "-");
            Add(33, LocWords.Contains(w) ? "L" : "-", LocWords.Contains(prev) ? "L" : "-");
            Add(34 | (Math.Min(w.Length, 7) << 12), "");

            var g = gaz[i];
            Add(40 | ((g & 0xFF) << 12), "");
            Add(41 | (((g >> 8) & 0x0F) << 12), "");
            Add(42 | ((i > 0 ? gaz[i - 1] & 0xFFF : 0x1000) << 12), "");
            Add(43 | ((i + 1 < n ? gaz[i + 1] & 0xFFF : 0x1000) << 12), "");
            var names = ((g >> 12) & 3) | ((i > 0 ? (gaz[i - 1] >> 12) & 3 : 0) << 2) | ((i + 1 < n ? (gaz[i + 1] >> 12) & 3 : 0) << 4);
            Add(44 | (names << 12), "");

            // Casing features, keyed by the sentence's casing.
            Add(casing + 50, shapes[i]);
            Add(casing + 51, shorts[i]);
            Add(casing + 52, i > 0 ? shorts[i - 1] : "<s>", shorts[i]);
            Add(casing + 53, shorts[i], i + 1 < n ? shorts[i + 1] : "</s>");
            Add(casing + 54, i == 0 ? "first" : "inner", shorts[i]);
            Add(casing + 55, tokens[i]);
            Add(casing + 56, seenLower ? "L" : "U", shorts[i]);
            Add((casing + 57) | ((g & 0xFF) << 12), shorts[i]);
            Add(casing + 58, i > 0 ? shorts[i - 1] : "<s>", i + 1 < n ? shorts[i + 1] : "</s>");
            Add(casing + 59, prev, shorts[i]);
            Add((casing + 60) | (((g >> 8) & 0x0F) << 12), shorts[i]);
            Add((casing + 61) | (names << 12), shorts[i]);

            // Word classes: the word's own at three granularities, its neighbours' at the middle one.
            var c = clusters[i];
            var middlePrev = i > 0 ? WordClusters.Level(clusters[i - 1], 1) : 0x3FF;
            var middleNext = i + 1 < n ? WordClusters.Level(clusters[i + 1], 1) : 0x3FF;
            Add(70 | (WordClusters.Level(c, 0) << 12), "");
            Add(71 | (WordClusters.Level(c, 1) << 12), "");
            Add(72 | (WordClusters.Level(c, 2) << 12), "");
            Add(73 | (middlePrev << 12), "");
            Add(74 | (middleNext << 12), "");
            Add((casing + 62) | (WordClusters.Level(c, 1) << 12), shorts[i]);

            // What the word's letters suggest, for words no list or class knows.
            var shape = _shapes.Classify(w);
            Add(75 | (shape << 12), "");
            Add((casing + 63) | (shape << 12), shorts[i]);

            counts[i] = k;

            void Add(int template, ReadOnlySpan<char> a, ReadOnlySpan<char> b = default)
            {
                features[row + k++] = Hash(template, a, b) & _mask;
            }
        }
    }

    internal static int Hash(int template, ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var h = 14695981039346656037UL ^ (ulong)template;
        h *= 1099511628211UL;
        foreach (var c in a)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        h = (h ^ 0x1F) * 1099511628211UL;
        foreach (var c in b)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        h ^= h >> 29;
        h *= 0xBF58476D1CE4E5B9UL;
        h ^= h >> 32;
        return (int)(h & 0x7FFFFFFF);
    }

    /// <summary>Word shape: X for upper, x for lower, d for digit, other characters kept; short form collapses runs.</summary>
    internal static string Shape(string token, bool collapse)
    {
        Span<char> buffer = stackalloc char[16];
        var used = 0;
        foreach (var ch in token)
        {
            var c = char.IsUpper(ch) ? 'X' : char.IsLower(ch) ? 'x' : char.IsDigit(ch) ? 'd' : char.IsLetter(ch) ? 'a' : ch;
            if (collapse && used > 0 && buffer[used - 1] == c)
            {
                continue;
            }

            if (used == buffer.Length)
            {
                break;
            }

            buffer[used++] = c;
        }

        return new string(buffer[..used]);
    }
}
