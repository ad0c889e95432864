using System.Text.Json;
using Summarizer.Analysis;
using Summarizer.Core.Tests.TestSupport;
using LuceneEnglishStemmer = Lucene.Net.Tartarus.Snowball.Ext.EnglishStemmer;

namespace Summarizer.Core.Tests.Analysis;

/// <summary>The Porter2 port must stem every word exactly as Lucene.Net's Snowball EnglishStemmer does.</summary>
public class Porter2StemmerTests
{
    // Words that reach each rule: exceptions, prefixes, y handling, apostrophes, doubles, short syllables, every suffix.
    private static readonly string[] Tricky =
    [
        "skis", "skies", "dying", "lying", "tying", "idly", "gently", "ugly", "early", "only", "singly", "sky", "news",
        "howe", "atlas", "cosmos", "bias", "andes", "innings", "outings", "cannings", "herrings", "earrings", "proceeds",
        "exceeds", "succeeds", "generate", "generously", "communism", "community", "arsenal", "arsenic", "youth", "yay",
        "sayings", "toy", "boy's", "'tis", "cry", "by", "say", "enjoy", "ties", "cries", "gas", "this", "gaps", "kiwis",
        "hoped", "hoping", "hopped", "hopping", "fizzed", "failed", "filing", "agreed", "feed", "needly", "bleed",
        "luxuriating", "abled", "sized", "conflated", "troubled", "classes", "bus", "us", "caress", "ponies", "ties",
        "relational", "conditional", "rational", "valenci", "hesitanci", "digitizer", "conformabli", "radicalli",
        "differentli", "vileli", "analogousli", "vietnamization", "predication", "operator", "feudalism",
        "decisiveness", "hopefulness", "callousness", "formaliti", "sensitiviti", "sensibiliti", "triplicate",
        "formative", "formalize", "electriciti", "electrical", "hopeful", "goodness", "revival", "allowance",
        "inference", "airliner", "gyroscopic", "adjustable", "defensible", "irritant", "replacement", "adjustment",
        "dependent", "adoption", "homologou", "communism", "activate", "angulariti", "homologous", "effective",
        "bowdlerize", "probate", "rate", "cease", "controll", "roll", "logi", "geologi", "bli", "fulli", "lessli",
        "y", "yy", "aye", "eyed", "played", "'", "''", "a's", "dogs'", "o'clock", "u.s.", "1990s", "mp3s", "café",
        "naïve", "x-ray", "self-made", "weYs", "emotional", "emotionally", "nationally", "seriously", "happily",
    ];

    // Suffixes of every step, appended to seed words to reach each rule from many stems.
    private static readonly string[] Suffixes =
    [
        "", "s", "es", "'s", "s'", "ies", "ied", "sses", "ss", "us", "ed", "eed", "ing", "edly", "eedly", "ingly", "y",
        "ly", "ally", "ably", "ibly", "ably", "ization", "ational", "fulness", "ousness", "iveness", "tional", "biliti",
        "lessli", "entli", "ation", "alism", "aliti", "ousli", "iviti", "fulli", "enci", "anci", "abli", "izer", "ator",
        "alli", "bli", "ogi", "li", "alize", "icate", "iciti", "ative", "ical", "ness", "ful", "ement", "ment", "ance",
        "ence", "able", "ible", "ate", "ive", "ize", "iti", "ism", "ion", "ous", "ant", "ent", "al", "er", "ic", "e", "l",
        "ll", "at", "bl", "iz", "bed", "tted", "ying", "eyed",
    ];

    [Fact]
    public void Stem_SeedWordsWithEverySuffix_MatchesLucene()
    {
        var words = SeedWords().Concat(Tricky).ToHashSet(StringComparer.Ordinal);
        var generated = words.Take(400).SelectMany(w => Suffixes.Select(s => w + s)).Concat(words).Distinct().ToList();

        AssertSameAsLucene(generated);
        Assert.True(generated.Count > 20_000, $"only {generated.Count} words checked");
    }

    [Fact]
    public void Stem_ShortAndEmptyWords_AreReturnedAsGiven()
    {
        Assert.Equal("", Porter2Stemmer.Stem(""));
        Assert.Equal("at", Porter2Stemmer.Stem("at"));
        AssertSameAsLucene(["", "a", "at", "is", "'s", "ye"]);
    }

    [SharedDataFact("cnndm-dev/dev.jsonl")]
    public void Stem_EveryWordOfTheDevSlice_MatchesLucene()
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(Seeds.SharedData!, "cnndm-dev/dev.jsonl")))
        {
            var article = JsonDocument.Parse(line).RootElement.GetProperty("article").GetString()!;
            words.UnionWith(Tokenizer.Words(article));
        }

        AssertSameAsLucene(words);
        Assert.True(words.Count > 30_000, $"only {words.Count} distinct words");
    }

    private static IEnumerable<string> SeedWords() =>
        Directory.EnumerateFiles(Seeds.Root, "*.*").Where(f => f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".jsonl", StringComparison.Ordinal))
            .SelectMany(f => Tokenizer.Words(File.ReadAllText(f)));

    private static void AssertSameAsLucene(IEnumerable<string> words)
    {
        var lucene = new LuceneEnglishStemmer();
        var mismatches = new List<string>();
        foreach (var word in words)
        {
            lucene.SetCurrent(word);
            lucene.Stem();
            var expected = lucene.Current;
            var actual = Porter2Stemmer.Stem(word);
            if (actual != expected)
            {
                mismatches.Add($"{word}: Lucene {expected}, port {actual}");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(30)));
    }
}
