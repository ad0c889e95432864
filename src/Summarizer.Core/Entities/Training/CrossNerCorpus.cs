using System.Collections.Frozen;

namespace Summarizer.Entities.Training;

/// <summary>
/// Reads CrossNER files (<c>token&lt;TAB&gt;tag</c>, IOB2 over fine-grained types) and maps the types onto PER, ORG,
/// LOC and MISC as CoNLL-2003 annotates them:
/// <list type="bullet">
/// <item>PER: person, politician, researcher, scientist, writer, musicalartist;</item>
/// <item>ORG: organisation, politicalparty, university, band, and the publications magazine and academicjournal
/// (newspapers are organisations in CoNLL); conference when its name says association, society, institute, academy,
/// foundation, federation or council;</item>
/// <item>LOC: location, country, astronomicalobject;</item>
/// <item>MISC: misc, event, award, book, poem, album, song, product, programlang, and other conferences;</item>
/// <item>O: kinds of things rather than names (algorithm, field, task, metrics, musicgenre, literarygenre, discipline,
/// theory, chemicalcompound, chemicalelement, protein, enzyme, musicalinstrument);</item>
/// <item>election: the sentence is left out: CoNLL tags the place or nationality inside "2006 Canadian federal
/// election", which the span does not say.</item>
/// </list>
/// </summary>
public static class CrossNerCorpus
{
    private static readonly FrozenDictionary<string, string> Types = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["person"] = "PER", ["politician"] = "PER", ["researcher"] = "PER", ["scientist"] = "PER", ["writer"] = "PER",
        ["musicalartist"] = "PER",
        ["organisation"] = "ORG", ["politicalparty"] = "ORG", ["university"] = "ORG", ["band"] = "ORG",
        ["magazine"] = "ORG", ["academicjournal"] = "ORG",
        ["location"] = "LOC", ["country"] = "LOC", ["astronomicalobject"] = "LOC",
        ["misc"] = "MISC", ["event"] = "MISC", ["award"] = "MISC", ["book"] = "MISC", ["poem"] = "MISC",
        ["album"] = "MISC", ["song"] = "MISC", ["product"] = "MISC", ["programlang"] = "MISC", ["conference"] = "MISC",
        ["algorithm"] = "O", ["field"] = "O", ["task"] = "O", ["metrics"] = "O", ["musicgenre"] = "O",
        ["literarygenre"] = "O", ["discipline"] = "O", ["theory"] = "O", ["chemicalcompound"] = "O",
        ["chemicalelement"] = "O", ["protein"] = "O", ["enzyme"] = "O", ["musicalinstrument"] = "O",
        ["election"] = "",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> OrganisationWords = new[]
    {
        "association", "society", "institute", "academy", "foundation", "federation", "council",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads a file and maps its types (see the class summary).</summary>
    /// <exception cref="FormatException">A line is malformed or a type is unknown; the message names the file.</exception>
    public static IReadOnlyList<ConllSentence> Read(string path)
    {
        var mapped = new List<ConllSentence>();
        foreach (var sentence in ConllCorpus.Read(path))
        {
            var spans = new List<TokenSpan>();
            var keep = true;
            foreach (var span in ConllCorpus.Spans(sentence.Tags))
            {
                var label = Types.GetValueOrDefault(span.Label)
                    ?? throw new FormatException($"{path}: unknown CrossNER type '{span.Label}' in '{string.Join(' ', sentence.Tokens)}'.");
                if (span.Label == "conference" && Enumerable.Range(span.Start, span.End - span.Start).Any(i => OrganisationWords.Contains(sentence.Tokens[i])))
                {
                    label = "ORG";
                }

                keep &= label.Length > 0;
                if (label is not ("O" or ""))
                {
                    spans.Add(span with { Label = label });
                }
            }

            if (keep)
            {
                mapped.Add(sentence with { Tags = ConllCorpus.Tags(spans, sentence.Tokens.Count) });
            }
        }

        return mapped;
    }
}
