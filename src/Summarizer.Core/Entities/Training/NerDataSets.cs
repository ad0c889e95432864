namespace Summarizer.Entities.Training;

/// <summary>Layouts of annotated named-entity data that <see cref="NerDataSets"/> reads.</summary>
public enum NerDataFormat
{
    /// <summary>
    /// <c>token&lt;TAB&gt;tag</c> lines over PER, ORG, LOC, MISC (IOB1 or IOB2); a folder holds <c>train.conll</c>,
    /// <c>dev.conll</c> and <c>test.conll</c>.
    /// </summary>
    Conll,

    /// <summary>Universal NER: CoNLL-U-like lines (see <see cref="UnerCorpus"/>); a folder holds <c>*-train.iob2</c> and the like.</summary>
    Uner,

    /// <summary>Re-DocRED documents in JSON (see <see cref="ReDocredCorpus"/>).</summary>
    ReDocred,

    /// <summary>CrossNER: one folder per domain with <c>train.txt</c>, <c>dev.txt</c> and <c>test.txt</c> (see <see cref="CrossNerCorpus"/>).</summary>
    CrossNer,

    /// <summary>Broad Twitter Corpus: sections <c>a.conll</c> to <c>h.conll</c> (see <see cref="BtcCorpus"/>).</summary>
    Btc,
}

/// <summary>The part of a data set to read.</summary>
public enum NerSplit
{
    /// <summary>For training.</summary>
    Train,

    /// <summary>For choosing settings; also trained on when asked.</summary>
    Dev,

    /// <summary>Held out for reporting.</summary>
    Test,
}

/// <summary>
/// Reads annotated named-entity data sets in any <see cref="NerDataFormat"/> as IOB2 sentences over PER, ORG, LOC and
/// MISC. A folder's format is detected from its files; a file is read whole in the given format (by default
/// <see cref="NerDataFormat.Conll"/>, or <see cref="NerDataFormat.Uner"/> for <c>.iob2</c> and
/// <see cref="NerDataFormat.ReDocred"/> for <c>.json</c>).
/// </summary>
public static class NerDataSets
{
    // Sets whose terms allow measuring only: refusing them by name keeps a slip on the command line out of a model.
    private static readonly string[] MeasuringOnly = ["eng.testa", "eng.testb", "conll2003", "gmb", "bbc"];

    /// <summary>True when <paramref name="path"/> names a set that may only be measured on, never trained on.</summary>
    public static bool IsMeasuringOnly(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return MeasuringOnly.Any(m => path.Contains(m, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The format of a folder: <c>*.iob2</c> files mean UNER, <c>train.conll</c> or <c>test.conll</c> the plain
    /// CoNLL layout, sub-folders with <c>train.txt</c>, <c>dev.txt</c> or <c>test.txt</c> CrossNER, single-letter <c>*.conll</c> sections BTC and
    /// <c>*_revised.json</c> Re-DocRED. For a file, its extension decides.
    /// </summary>
    /// <exception cref="FormatException">The folder matches no known layout; the message names it.</exception>
    public static NerDataFormat Detect(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!Directory.Exists(path))
        {
            return Path.GetExtension(path).ToLowerInvariant() switch
            {
                ".iob2" => NerDataFormat.Uner,
                ".json" => NerDataFormat.ReDocred,
                _ => NerDataFormat.Conll,
            };
        }

        if (Directory.EnumerateFiles(path, "*.iob2").Any())
        {
            return NerDataFormat.Uner;
        }

        if (File.Exists(Path.Combine(path, "train.conll")) || File.Exists(Path.Combine(path, "test.conll")))
        {
            return NerDataFormat.Conll;
        }

        if (Directory.EnumerateDirectories(path).Any(d => new[] { "train.txt", "dev.txt", "test.txt" }.Any(f => File.Exists(Path.Combine(d, f)))))
        {
            return NerDataFormat.CrossNer;
        }

        if (Directory.EnumerateFiles(path, "?.conll").Any())
        {
            return NerDataFormat.Btc;
        }

        if (Directory.EnumerateFiles(path, "*_revised.json").Any())
        {
            return NerDataFormat.ReDocred;
        }

        throw new FormatException($"{path}: not a known named-entity data layout (expected train.conll, *.iob2, *_revised.json, "
            + "domain folders with train.txt, or sections a.conll to h.conll).");
    }

    /// <summary>
    /// Reads one split of a data-set folder, or a whole file (the split is then ignored). Splits per format: CoNLL
    /// <c>{split}.conll</c>; UNER <c>*-{split}.iob2</c>, or, in a folder with only a test file, its even documents
    /// for training and odd ones for testing; Re-DocRED <c>dev_revised.json</c> for training (its train file is not
    /// distributed) and <c>test_revised.json</c> as dev; CrossNER <c>{domain}/{split}.txt</c> over all domains; BTC
    /// as in <see cref="BtcCorpus"/>. A split the layout does not have (Re-DocRED test, PUD dev) is empty.
    /// </summary>
    /// <exception cref="FileNotFoundException">A file the split needs is missing.</exception>
    /// <exception cref="FormatException">A file is malformed; the message names file and line or field.</exception>
    public static IReadOnlyList<ConllSentence> Read(string path, NerSplit split, NerDataFormat? format = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var kind = format ?? Detect(path);
        if (!Directory.Exists(path))
        {
            return kind switch
            {
                NerDataFormat.Uner => UnerCorpus.Read(path),
                NerDataFormat.ReDocred => ReDocredCorpus.Read(path),
                NerDataFormat.CrossNer => CrossNerCorpus.Read(path),
                _ => ConllCorpus.Read(path),
            };
        }

        return kind switch
        {
            NerDataFormat.Conll => ConllCorpus.Read(Existing(Path.Combine(path, SplitName(split) + ".conll"))),
            NerDataFormat.Uner => UnerCorpus.ReadSplit(path, split),
            NerDataFormat.ReDocred => split switch
            {
                NerSplit.Train => ReDocredCorpus.Read(Existing(Path.Combine(path, "dev_revised.json"))),
                NerSplit.Dev => ReDocredCorpus.Read(Existing(Path.Combine(path, "test_revised.json"))),
                _ => [],
            },
            NerDataFormat.CrossNer => Concatenate(Directory.EnumerateDirectories(path).Order(StringComparer.Ordinal)
                .Select(d => Path.Combine(d, SplitName(split) + ".txt")).Where(File.Exists).Select(CrossNerCorpus.Read), path),
            NerDataFormat.Btc => BtcCorpus.ReadSplit(path, split),
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
    }

    internal static string SplitName(NerSplit split) => split switch
    {
        NerSplit.Train => "train",
        NerSplit.Dev => "dev",
        _ => "test",
    };

    internal static string Existing(string file) =>
        File.Exists(file) ? file : throw new FileNotFoundException($"{file}: no such file.", file);

    /// <summary>Joins sentence lists, renumbering documents so that they stay apart.</summary>
    internal static IReadOnlyList<ConllSentence> Concatenate(IEnumerable<IReadOnlyList<ConllSentence>> parts, string source)
    {
        var all = new List<ConllSentence>();
        var offset = 0;
        foreach (var part in parts)
        {
            all.AddRange(part.Select(s => s with { DocumentIndex = s.DocumentIndex + offset }));
            offset = all.Count == 0 ? 0 : all[^1].DocumentIndex + 1;
        }

        return all.Count > 0 ? all : throw new FileNotFoundException($"{source}: no data for this split.");
    }
}
