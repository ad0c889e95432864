namespace Summarizer.Entities.Training;

/// <summary>
/// Reads Universal NER files: CoNLL-U-like lines <c>index&lt;TAB&gt;token&lt;TAB&gt;tag[&lt;TAB&gt;...]</c> with IOB2
/// tags over PER, ORG, LOC and OTH, <c>#</c> comment lines (<c># newdoc</c> starts a document) and a blank line after
/// each sentence. OTH (nationalities, events, works) becomes MISC; the stray <c>B-O</c> and <c>I-O</c> tags of early
/// releases mean O.
/// </summary>
public static class UnerCorpus
{
    /// <summary>Reads all sentences of a file.</summary>
    /// <exception cref="FormatException">A line has too few columns or an unknown tag; the message names file and line.</exception>
    public static IReadOnlyList<ConllSentence> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var sentences = new List<ConllSentence>();
        var tokens = new List<string>();
        var tags = new List<string>();
        var document = -1;
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.StartsWith('#'))
            {
                if (line.StartsWith("# newdoc", StringComparison.Ordinal))
                {
                    Flush();
                    document++;
                }

                continue;
            }

            if (line.Trim().Length == 0)
            {
                Flush();
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length < 3 || fields[1].Length == 0)
            {
                throw new FormatException($"{path}:{lineNumber}: expected 'index<TAB>token<TAB>tag', got '{line}'.");
            }

            tokens.Add(fields[1]);
            tags.Add(Tag(fields[2]) ?? throw new FormatException($"{path}:{lineNumber}: unknown tag '{fields[2]}'."));
        }

        Flush();
        return sentences;

        void Flush()
        {
            if (tokens.Count > 0)
            {
                sentences.Add(new ConllSentence(tokens.ToArray(), ConllCorpus.Tags(ConllCorpus.Spans(tags), tags.Count))
                {
                    DocumentIndex = document < 0 ? sentences.Count : document,
                });
                tokens.Clear();
                tags.Clear();
            }
        }
    }

    /// <summary>
    /// One split of a UNER folder: the <c>*-{split}.iob2</c> file; a folder with only a test file (English PUD) gives
    /// its even documents (0, 2, ...) for training and its odd ones for testing, and an empty dev split.
    /// </summary>
    /// <exception cref="FileNotFoundException">The folder has no file for the split.</exception>
    public static IReadOnlyList<ConllSentence> ReadSplit(string folder, NerSplit split)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var name = NerDataSets.SplitName(split);
        var files = Directory.EnumerateFiles(folder, "*.iob2").Order(StringComparer.Ordinal).ToArray();
        var test = files.FirstOrDefault(f => f.EndsWith("-test.iob2", StringComparison.Ordinal));
        if (test is not null && files.Length == 1)
        {
            var parity = split == NerSplit.Train ? 0 : 1;
            return split == NerSplit.Dev ? [] : Read(test).Where(s => s.DocumentIndex % 2 == parity).ToArray();
        }

        var file = files.FirstOrDefault(f => f.EndsWith($"-{name}.iob2", StringComparison.Ordinal))
            ?? throw new FileNotFoundException($"{folder}: no *-{name}.iob2 file.");
        return Read(file);
    }

    private static string? Tag(string tag) => tag switch
    {
        "O" or "B-O" or "I-O" => "O",
        "B-PER" or "I-PER" or "B-ORG" or "I-ORG" or "B-LOC" or "I-LOC" => tag,
        "B-OTH" => "B-MISC",
        "I-OTH" => "I-MISC",
        _ => null,
    };
}
