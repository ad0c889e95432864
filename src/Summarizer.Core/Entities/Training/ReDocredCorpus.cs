using System.Text.Json;

namespace Summarizer.Entities.Training;

/// <summary>
/// Reads Re-DocRED (DocRED) files: a JSON array of documents, each with <c>sents</c> (sentences as token arrays) and
/// <c>vertexSet</c> (entities, each a list of mentions with <c>sent_id</c>, token range <c>pos</c> = [start, end) and
/// <c>type</c>). PER, ORG, LOC and MISC mentions become IOB2 spans; TIME and NUM are not names and stay O. Where
/// mentions overlap the longest wins. Whitespace-only tokens are dropped. Demonyms, which Re-DocRED types LOC, are
/// turned into MISC by <see cref="NerConventions"/> before training.
/// </summary>
public static class ReDocredCorpus
{
    /// <summary>Reads all documents of a file; each document's sentences share a <see cref="ConllSentence.DocumentIndex"/>.</summary>
    /// <exception cref="FormatException">The JSON is malformed or a field is missing or out of range; the message names file, document and field.</exception>
    public static IReadOnlyList<ConllSentence> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.OpenRead(path);
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(stream);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{path}: not valid JSON ({e.Message}).", e);
        }

        using (json)
        {
            if (json.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException($"{path}: expected a JSON array of documents.");
            }

            var sentences = new List<ConllSentence>();
            var index = 0;
            foreach (var document in json.RootElement.EnumerateArray())
            {
                ReadDocument(document, index, $"{path}: document {index}", sentences);
                index++;
            }

            return sentences;
        }
    }

    private static void ReadDocument(JsonElement document, int index, string where, List<ConllSentence> output)
    {
        var sents = Property(document, "sents", JsonValueKind.Array, where);
        var tokens = sents.EnumerateArray().Select((s, i) => s.ValueKind == JsonValueKind.Array
            ? s.EnumerateArray().Select(t => t.GetString() ?? "").ToArray()
            : throw new FormatException($"{where}: sents[{i}] is not an array of tokens.")).ToArray();
        var mentions = tokens.Select(_ => new List<TokenSpan>()).ToArray();
        foreach (var entity in Property(document, "vertexSet", JsonValueKind.Array, where).EnumerateArray())
        {
            foreach (var mention in entity.EnumerateArray())
            {
                var type = Property(mention, "type", JsonValueKind.String, where).GetString();
                if (type is not ("PER" or "ORG" or "LOC" or "MISC"))
                {
                    if (type is "TIME" or "NUM")
                    {
                        continue;
                    }

                    throw new FormatException($"{where}: unknown mention type '{type}'.");
                }

                var sentence = Property(mention, "sent_id", JsonValueKind.Number, where).GetInt32();
                var pos = Property(mention, "pos", JsonValueKind.Array, where);
                if (sentence < 0 || sentence >= tokens.Length || pos.GetArrayLength() != 2)
                {
                    throw new FormatException($"{where}: mention '{mention}' has a bad sent_id or pos.");
                }

                var start = pos[0].GetInt32();
                var end = pos[1].GetInt32();
                if (start < 0 || end <= start || end > tokens[sentence].Length)
                {
                    throw new FormatException($"{where}: mention pos [{start}, {end}) is outside sentence {sentence}.");
                }

                mentions[sentence].Add(new TokenSpan(start, end, type));
            }
        }

        for (var s = 0; s < tokens.Length; s++)
        {
            var chosen = new List<TokenSpan>();
            foreach (var span in mentions[s].OrderByDescending(m => m.End - m.Start).ThenBy(m => m.Start))
            {
                if (!chosen.Any(c => c.Start < span.End && span.Start < c.End))
                {
                    chosen.Add(span);
                }
            }

            var tags = ConllCorpus.Tags(chosen, tokens[s].Length);
            var kept = Enumerable.Range(0, tokens[s].Length).Where(i => tokens[s][i].Trim().Length > 0).ToArray();
            if (kept.Length > 0)
            {
                // Dropping a blank token can leave an I- tag first in its span; reading the spans back repairs that.
                var keptTags = kept.Select(i => tags[i]).ToArray();
                output.Add(new ConllSentence(kept.Select(i => tokens[s][i]).ToArray(), ConllCorpus.Tags(ConllCorpus.Spans(keptTags), kept.Length))
                {
                    DocumentIndex = index,
                });
            }
        }
    }

    private static JsonElement Property(JsonElement element, string name, JsonValueKind kind, string where) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == kind
            ? value
            : throw new FormatException($"{where}: missing or malformed field '{name}'.");
}
