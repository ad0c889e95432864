using System.Text.Json;

namespace Summarizer.Evaluation;

/// <summary>Builds <see cref="EvaluationItem"/>s from JSON Lines files of candidates and references joined by id.</summary>
public static class EvaluationItems
{
    /// <summary>
    /// Reads candidates and references from two JSON Lines files and joins them by <c>id</c>, in candidate order.
    /// A field may be a string (one sentence per line) or an array of strings (sentences); a reference field that is
    /// an array of arrays gives several references, as does an array of texts under <c>references</c> (used when
    /// <paramref name="referenceField"/> is absent).
    /// </summary>
    /// <param name="candidatesPath">JSONL with <c>id</c> and <paramref name="candidateField"/>.</param>
    /// <param name="referencesPath">JSONL with <c>id</c> and <paramref name="referenceField"/>.</param>
    /// <param name="problems">Receives one entry per line or id that could not be used; the rest are still returned.</param>
    /// <param name="candidateField">The candidate field (default <c>summary</c>).</param>
    /// <param name="referenceField">The reference field (default <c>highlights</c>).</param>
    /// <exception cref="FileNotFoundException">When either file does not exist.</exception>
    public static IReadOnlyList<EvaluationItem> JoinJsonl(
        string candidatesPath,
        string referencesPath,
        ICollection<EvaluationProblem> problems,
        string candidateField = "summary",
        string referenceField = "highlights")
    {
        ArgumentNullException.ThrowIfNull(problems);
        var references = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (id, element, where) in ReadLines(referencesPath, problems))
        {
            List<string>? refs;
            if (TryField(element, referenceField, out var value))
            {
                refs = ReadReferences(value, stringsAreSentences: true);
            }
            else if (TryField(element, "references", out value))
            {
                refs = ReadReferences(value, stringsAreSentences: false);
            }
            else
            {
                problems.Add(new EvaluationProblem(id, $"{where}: no '{referenceField}' or 'references' field."));
                continue;
            }

            if (refs is not null)
            {
                references[id] = refs;
            }
            else
            {
                problems.Add(new EvaluationProblem(id, $"{where}: '{referenceField}' is not text or a list of texts."));
            }
        }

        var items = new List<EvaluationItem>();
        foreach (var (id, element, where) in ReadLines(candidatesPath, problems))
        {
            if (!TryField(element, candidateField, out var value) || ReadText(value) is not { } candidate)
            {
                problems.Add(new EvaluationProblem(id, $"{where}: no '{candidateField}' text."));
                continue;
            }

            if (!references.TryGetValue(id, out var refs))
            {
                problems.Add(new EvaluationProblem(id, $"{where}: no reference with id '{id}' in {referencesPath}."));
                continue;
            }

            items.Add(new EvaluationItem(id, candidate, refs));
        }

        return items;
    }

    private static IEnumerable<(string Id, JsonElement Element, string Where)> ReadLines(string path, ICollection<EvaluationProblem> problems)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No such file: {path}", path);
        }

        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var where = $"{path}:{lineNumber}";
            JsonElement element;
            try
            {
                using var json = JsonDocument.Parse(line);
                element = json.RootElement.Clone();
            }
            catch (JsonException e)
            {
                problems.Add(new EvaluationProblem($"#{lineNumber}", $"{where}: not valid JSON ({e.Message})."));
                continue;
            }

            if (element.ValueKind != JsonValueKind.Object
                || !element.TryGetProperty("id", out var idElement)
                || idElement.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
            {
                problems.Add(new EvaluationProblem($"#{lineNumber}", $"{where}: no 'id'."));
                continue;
            }

            var id = idElement.ValueKind == JsonValueKind.String ? idElement.GetString()! : idElement.GetRawText();
            yield return (id, element, where);
        }
    }

    private static bool TryField(JsonElement element, string name, out JsonElement value) =>
        element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    private static string? ReadText(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        if (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String))
        {
            return string.Join('\n', value.EnumerateArray().Select(e => e.GetString()));
        }

        return null;
    }

    private static List<string>? ReadReferences(JsonElement value, bool stringsAreSentences)
    {
        if ((stringsAreSentences || value.ValueKind == JsonValueKind.String) && ReadText(value) is { } single)
        {
            return [single];
        }

        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            return null;
        }

        var list = new List<string>();
        foreach (var element in value.EnumerateArray())
        {
            if (ReadText(element) is not { } text)
            {
                return null;
            }

            list.Add(text);
        }

        return list;
    }
}
