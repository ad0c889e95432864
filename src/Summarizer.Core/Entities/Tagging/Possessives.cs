using Summarizer.Entities.Training;

namespace Summarizer.Entities.Tagging;

/// <summary>
/// A possessive after a name the lists know with the same type ends that name: "Moscow 's Kremlin" is two places, not
/// one. Names that hold a possessive ("Queen 's Park", "Boatmen 's Bancshares") are not known so by their first part
/// and stay whole.
/// </summary>
internal static class Possessives
{
    internal static void Apply(IReadOnlyList<IReadOnlyList<string>> sentences, List<TokenSpan>[] spans, Gazetteer gazetteer)
    {
        for (var s = 0; s < sentences.Count; s++)
        {
            var tokens = sentences[s];
            var list = spans[s];
            for (var k = list.Count - 1; k >= 0; k--)
            {
                var span = list[k];
                for (var i = span.Start + 1; i < span.End - 1; i++)
                {
                    if (tokens[i] is not ("'s" or "’s" or "'S" or "’S"))
                    {
                        continue;
                    }

                    var known = gazetteer.Lookup(DocumentConsistency.Key(tokens, span.Start, i).ToLowerInvariant());
                    if ((known & (1 << Gazetteer.LabelIndex(span.Label))) != 0)
                    {
                        list[k] = span with { End = i };
                        list.Insert(k + 1, span with { Start = i + 1 });
                    }

                    break;
                }
            }
        }
    }
}
