using System.Collections.Frozen;
using System.Diagnostics;
using Lingua;

namespace Summarizer.Analysis;

/// <summary>
/// Detects the language of a text among a fixed set of European languages, Chinese, Japanese and Thai
/// (<see cref="SupportedLanguages"/>). Chinese, Japanese and Thai are told by their scripts alone.
/// A function-word profile answers in microseconds when a text is long and clear, which news articles are; short or
/// ambiguous text (and the close Scandinavian languages) goes to Lingua, whose restricted low-accuracy models load
/// once, lazily, in a few seconds instead of the 17–47 s and gigabytes that the full models cost. Thread-safe.
/// </summary>
public static class LanguageDetector
{
    private const int MaxChars = 1000;

    // The most frequent function words of each language, chosen to overlap little between languages.
    private static readonly (string Code, FrozenSet<string> Words)[] Profiles =
    [
        ("en", Set("the of and to in is that for it with was on as he said by at from his are be this have has an which were their")),
        ("fr", Set("le la les des et est une du que qui dans pour pas sur au avec il elle ce sont aux ont mais ou cette leur")),
        ("de", Set("der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch es wird sind wurde nach bei")),
        ("es", Set("el la los las que y en una por con para es se del al lo como más pero sus su fue ha este esta")),
        ("it", Set("il di che è per non con del della sono gli si da al le una dei nel alla ha anche più questo delle")),
        ("pt", Set("os que do da em um uma para com não por se dos das na ao foi mais como pelo pela está são")),
        ("nl", Set("de het een en van dat op te niet met voor zijn er die aan ook als bij werd worden heeft naar")),
        ("fi", Set("ja on ei se että oli hän mutta kun niin ovat ole joka myös tai sen kuin hänen mitä vain")),
        ("ru", Set("и в не на что с по как это он она к из у за от для так но его было были также")),
        ("hu", Set("az és hogy nem egy is van meg ez de csak már még volt mint ami aki kell lesz voltak")),
        ("scandinavian", Set("och att det som är av på för med till har inte och ett og er af ikke fra til av")),
    ];

    // For each function word, a bit per profile that lists it: one look-up per word instead of one per profile.
    private static readonly FrozenDictionary<string, int> ProfileMasks = Profiles
        .SelectMany((profile, index) => profile.Words.Select(word => (word, index)))
        .GroupBy(p => p.word, StringComparer.Ordinal)
        .ToFrozenDictionary(g => g.Key, g => g.Aggregate(0, (mask, p) => mask | (1 << p.index)), StringComparer.Ordinal);

    /// <summary>ISO 639-1 codes this detector can answer: en, fr, de, es, it, pt, nl, sv, da, no, fi, ru, hu, zh, ja, th.</summary>
    public static IReadOnlyList<string> SupportedLanguages { get; } =
        ["en", "fr", "de", "es", "it", "pt", "nl", "sv", "da", "no", "fi", "ru", "hu", "zh", "ja", "th"];

    /// <summary>How long loading the Lingua models took, or null before they were needed.</summary>
    public static TimeSpan? LoadTime { get; private set; }

    /// <summary>
    /// The ISO 639-1 code of the language of <paramref name="text"/> (its first 1,000 characters, which news text
    /// rarely needs more than; up to 5,000 when those are unclear), or null when the text has too few letters or fits none of <see cref="SupportedLanguages"/> reliably.
    /// </summary>
    public static string? Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sample = text.Length > MaxChars ? text[..MaxChars] : text;
        if (sample.Count(char.IsLetter) < 3)
        {
            return null;
        }

        if (ByScript(sample) is { } script)
        {
            return script;
        }

        if (ByFunctionWords(sample) is { } code)
        {
            return code;
        }

        // A long text unclear in its first 1,000 characters (a list of names, a quote-heavy opening) usually becomes
        // clear over more of its words, which costs far less than loading Lingua's models.
        if (text.Length > MaxChars && ByFunctionWords(text.Length > 5 * MaxChars ? text[..(5 * MaxChars)] : text) is { } longer)
        {
            return longer;
        }

        if (!IsLinguaAvailable)
        {
            return null;
        }

        return LinguaModels.Detect(sample);
    }

    /// <summary>
    /// False when Lingua's models cannot be written to or read from the model folder (see
    /// <see cref="ModelDirectory"/>); detection then relies on function words alone.
    /// </summary>
    public static bool IsLinguaAvailable => LinguaAvailable.Value;

    /// <summary>
    /// Where Lingua's trigram models are unpacked from this assembly on first need:
    /// <c>$XDG_CACHE_HOME/summarizer/lingua-2.0.0</c> (or the OS equivalent). Shipping them inside the assembly makes
    /// detection the same in every host, a notebook kernel included, which never has the model files beside it.
    /// </summary>
    public static string ModelDirectory { get; } = CacheFolder.Path("lingua-2.0.0");

    private static readonly Lazy<bool> LinguaAvailable = new(() =>
    {
        try
        {
            _ = LinguaModels.Detect("the quick brown fox jumps over the lazy dog");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or TypeInitializationException or ArgumentException)
        {
            return false;
        }
    });

    /// <summary>Loads the Lingua models now (otherwise the first ambiguous text does), and returns the load time.</summary>
    public static TimeSpan Preload()
    {
        LinguaModels.Load();
        return LoadTime ?? TimeSpan.Zero;
    }

    // Thai when most letters are Thai; Chinese or Japanese when most are Han or Kana, Japanese as soon as a twentieth of
    // those are Kana (Chinese uses none, Japanese prose writes about half of its characters in Kana).
    internal static string? ByScript(string sample)
    {
        int letters = 0, thai = 0, cjk = 0, kana = 0;
        foreach (var c in sample)
        {
            if (!char.IsLetter(c) && !Scripts.IsThai(c))
            {
                continue;
            }

            letters++;
            if (Scripts.IsThai(c))
            {
                thai++;
            }
            else if (Scripts.IsCjk(c))
            {
                cjk++;
                kana += Scripts.IsKana(c) ? 1 : 0;
            }
        }

        if (thai * 2 > letters)
        {
            return "th";
        }

        if (cjk * 2 > letters)
        {
            return kana * 20 >= cjk ? "ja" : "zh";
        }

        return null;
    }

    // A clear winner among at least 30 words: a sixth of the words are its function words and it has twice the
    // hits of the runner-up. Otherwise null, and Lingua decides.
    internal static string? ByFunctionWords(string sample)
    {
        var tokens = new List<(int Start, int Length, TokenKind Kind)>(256);
        Tokenizer.Scan(sample, 0, sample.Length, tokens);
        Span<int> hits = stackalloc int[Profiles.Length];
        Span<char> buffer = stackalloc char[32];
        var lookup = ProfileMasks.GetAlternateLookup<ReadOnlySpan<char>>();
        var words = 0;
        foreach (var (start, length, kind) in tokens)
        {
            if (kind == TokenKind.Punctuation)
            {
                continue;
            }

            words++;
            if (length > buffer.Length)
            {
                continue; // no function word is this long
            }

            Tokenizer.Normalize(sample.AsSpan(start, length), buffer[..length]);
            if (lookup.TryGetValue(buffer[..length], out var mask))
            {
                for (var p = 0; p < Profiles.Length; p++)
                {
                    hits[p] += (mask >> p) & 1;
                }
            }
        }

        if (words < 30)
        {
            return null;
        }

        int best = 0, second = -1;
        for (var p = 1; p < Profiles.Length; p++)
        {
            if (hits[p] > hits[best])
            {
                second = best;
                best = p;
            }
            else if (second < 0 || hits[p] > hits[second])
            {
                second = p;
            }
        }

        // Or, over 60 words or more, an eighth of them and three times the runner-up's hits.
        var runnerUp = second < 0 ? 0 : hits[second];
        var clear = (hits[best] * 6 >= words && hits[best] >= 2 * Math.Max(runnerUp, 1))
            || (words >= 60 && hits[best] * 8 >= words && hits[best] >= 3 * Math.Max(runnerUp, 1));
        return clear && Profiles[best].Code.Length == 2 ? Profiles[best].Code : null;
    }

    private static FrozenSet<string> Set(string words) =>
        words.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);

    // Lingua and its models, in a class of their own so that runs the function words decide never load Lingua.
    private static class LinguaModels
    {
        private static readonly Language[] Languages =
        [
            Language.English, Language.French, Language.German, Language.Spanish, Language.Italian,
            Language.Portuguese, Language.Dutch, Language.Swedish, Language.Danish, Language.Bokmal,
            Language.Finnish, Language.Russian, Language.Hungarian,
        ];

        private static readonly Lazy<Lingua.LanguageDetector> Detector = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

        // Not inlined: an inlined call would load Lingua with the caller.
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        public static void Load() => _ = Detector.Value;

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        public static string? Detect(string sample)
        {
            var language = Detector.Value.DetectLanguageOf(sample);
            return language == Language.Unknown ? null : ToCode(language);
        }

        private static string ToCode(Language language) =>
            language == Language.Bokmal || language == Language.Nynorsk
                ? "no"
                : language.IsoCode6391().ToString().ToLowerInvariant();

        private static Lingua.LanguageDetector Build()
        {
            var watch = Stopwatch.StartNew();
            UnpackModels();
            var detector = LanguageDetectorBuilder.FromLanguages(Languages)
                .WithMinimumRelativeDistance(0.1)
                .WithLowAccuracyMode()
                .WithLanguageModelsDirectory(ModelDirectory)
                .Build();
            LoadTime = watch.Elapsed;
            return detector;
        }

        // Low-accuracy mode reads only the trigram model of each language. Each file is written whole under a temporary
        // name and moved into place, so processes starting together never read half a file.
        private static void UnpackModels()
        {
            var assembly = typeof(LanguageDetector).Assembly;
            foreach (var language in Languages)
            {
                var code = language.IsoCode6391().ToString().ToLowerInvariant();
                var folder = Path.Combine(ModelDirectory, code);
                var target = Path.Combine(folder, "trigrams.json.br");
                using var resource = assembly.GetManifestResourceStream($"Summarizer.Lingua.{code}.trigrams.json.br")
                    ?? throw new InvalidOperationException($"The Lingua model for '{code}' is missing from {assembly.GetName().Name}.");
                if (File.Exists(target) && new FileInfo(target).Length == resource.Length)
                {
                    continue;
                }

                Directory.CreateDirectory(folder);
                var temporary = target + "." + Environment.ProcessId + ".tmp";
                using (var file = File.Create(temporary))
                {
                    resource.CopyTo(file);
                }

                File.Move(temporary, target, overwrite: true);
            }
        }
    }
}
