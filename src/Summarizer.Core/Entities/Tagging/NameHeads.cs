using System.Collections.Frozen;
using Summarizer.Entities.Training;

namespace Summarizer.Entities.Tagging;

/// <summary>
/// The last word of a multi-word English name says what kind of thing it names, whatever its first words suggest:
/// "Hanseatic Bank" and "Baltic Dairy" are companies, "Lee Harbour Bridge" and "Marina Walk" are places. A person,
/// organisation or place name of two or more words that ends in such a word takes that word's type, unless the name
/// lists know the whole name with the type it has ("West Bank" is a place).
/// </summary>
internal static class NameHeads
{
    private static readonly FrozenSet<string> Organisations = new[]
    {
        "bank", "bancorp", "group", "holdings", "securities", "insurance", "capital", "partners", "investments", "foods",
        "dairy", "dairies", "farms", "brewery", "breweries", "motors", "airlines", "airways", "rail", "railways",
        "transport", "shipping", "logistics", "marine", "energy", "petroleum", "steel", "mining", "chemicals",
        "pharmaceuticals", "telecom", "communications", "media", "studios", "publishing", "software", "technologies",
        "electronics", "industries", "engineering", "consulting", "enterprises", "corporation", "corp", "inc", "ltd",
        "plc", "llc", "gmbh", "company", "institute", "university", "college", "academy", "council", "commission",
        "committee", "ministry", "agency", "association", "federation", "foundation", "society", "party",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Places = new[]
    {
        "bridge", "street", "road", "avenue", "boulevard", "lane", "walk", "square", "tower", "airport", "station",
        "harbour", "harbor", "river", "lake", "mountains", "island", "islands", "bay", "sea", "ocean", "gulf", "strait",
        "canal", "coast", "beach", "peninsula", "desert", "forest", "glacier", "reef", "stadium", "park", "county",
        "province", "district",
    }.ToFrozenSet(StringComparer.Ordinal);

    internal static void Apply(IReadOnlyList<IReadOnlyList<string>> sentences, List<TokenSpan>[] spans, Gazetteer gazetteer)
    {
        for (var s = 0; s < sentences.Count; s++)
        {
            var tokens = sentences[s];
            var list = spans[s];
            for (var k = 0; k < list.Count; k++)
            {
                var span = list[k];
                if (span.End - span.Start < 2 || span.Label == "MISC")
                {
                    continue;
                }

                var head = tokens[span.End - 1].TrimEnd('.').ToLowerInvariant();
                var label = Organisations.Contains(head) ? "ORG" : Places.Contains(head) ? "LOC" : span.Label;
                if (label == span.Label)
                {
                    continue;
                }

                var known = gazetteer.Lookup(DocumentConsistency.Key(tokens, span.Start, span.End).ToLowerInvariant());
                if ((known & (1 << Gazetteer.LabelIndex(span.Label))) == 0)
                {
                    list[k] = span with { Label = label };
                }
            }
        }
    }
}
