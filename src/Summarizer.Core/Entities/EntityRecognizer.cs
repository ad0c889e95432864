using Summarizer.Analysis;
using Summarizer.Entities.Tagging;
using Summarizer.Entities.Training;

namespace Summarizer.Entities;

/// <summary>Options for <see cref="EntityRecognizer"/>.</summary>
public sealed record EntityRecognizerOptions
{
    /// <summary>The default options: names and rule-based types, no bare numbers.</summary>
    public static EntityRecognizerOptions Default { get; } = new();

    /// <summary>Find DATE, TIME, MONEY, PERCENT and QUANTITY with rules. Default true.</summary>
    public bool IncludeRules { get; init; } = true;

    /// <summary>Also report bare cardinal numbers as NUMBER. Default false.</summary>
    public bool IncludeNumbers { get; init; }
}

/// <summary>
/// Finds named entities (PERSON, ORGANIZATION, LOCATION, MISC) with a trained sequence tagger shipped inside the
/// library, and DATE, TIME, MONEY, PERCENT, QUANTITY (and optionally NUMBER) with rules. Offsets are UTF-16 offsets
/// into the input text. Thread-safe.
/// </summary>
public sealed class EntityRecognizer
{
    /// <summary>Name of the embedded model resource.</summary>
    public const string ModelResourceName = "Summarizer.Resources.ner-en.bin";

    private static readonly Lazy<EntityRecognizer> LazyDefault = new(LoadDefault);

    private readonly NerModel _model;
    private readonly EntityRecognizerOptions _options;

    private EntityRecognizer(NerModel model, EntityRecognizerOptions? options)
    {
        _model = model;
        _options = options ?? EntityRecognizerOptions.Default;
    }

    /// <summary>The recogniser with the embedded English model, loaded on first use.</summary>
    public static EntityRecognizer Default => LazyDefault.Value;

    /// <summary>Loads a model written by <see cref="NerTrainer"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is not a model file.</exception>
    public static EntityRecognizer Load(Stream stream, EntityRecognizerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            return new EntityRecognizer(NerModel.Load(stream), options);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException && e is not InvalidDataException)
        {
            throw new InvalidDataException("Not a named-entity model file (truncated or corrupt).", e);
        }
    }

    /// <summary>Loads a model file written by <see cref="NerTrainer"/>.</summary>
    public static EntityRecognizer LoadFile(string path, EntityRecognizerOptions? options = null)
    {
        using var stream = File.OpenRead(path);
        return Load(stream, options);
    }

    /// <summary>The same model with other options.</summary>
    public EntityRecognizer With(EntityRecognizerOptions options) => new(_model, options);

    /// <summary>Entities in <paramref name="text"/>, in text order.</summary>
    public IReadOnlyList<EntityMention> Recognize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = new List<List<(int Start, int Length)>>();
        var spans = new List<(int Start, int Length, TokenKind Kind)>(64);
        foreach (var sentence in SentenceSplitter.Split(text))
        {
            spans.Clear();
            Tokenizer.Scan(text, sentence.Start, sentence.End, spans);
            sentences.Add(spans.Select(s => (s.Start, s.Length)).ToList());
        }

        return Finish(text, TagText(text, sentences));
    }

    /// <summary>Entities in an analysed document (reuses its sentences and tokens; cached on the document).</summary>
    public IReadOnlyList<EntityMention> Recognize(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.GetOrAdd("entities:" + _options.GetHashCode(), d =>
        {
            var sentences = d.Sentences.Select(s => s.Tokens.ToArray().Select(t => (t.Start, t.Length)).ToList()).ToList();
            return Finish(d.Text, TagText(d.Text, sentences));
        });
    }

    /// <summary>Entity spans (PER, ORG, LOC, MISC) for an already tokenised sentence.</summary>
    public IReadOnlyList<TokenSpan> TagTokens(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return _model.Spans(tokens);
    }

    /// <summary>
    /// Entity spans for the tokenised sentences of one document, made consistent across the document: one label per
    /// name, and bare mentions of names found elsewhere in it ("Lebed" after "Alexander Lebed") tagged as well. A
    /// multi-word name takes the type its last word gives ("Hanseatic Bank", "Lee Harbour Bridge").
    /// </summary>
    public IReadOnlyList<IReadOnlyList<TokenSpan>> TagDocument(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var spans = sentences.Select(s => _model.Spans(s).ToList()).ToArray();
        Datelines.Apply(sentences, spans, _model.Features.Gazetteer);
        Possessives.Apply(sentences, spans, _model.Features.Gazetteer);
        NameHeads.Apply(sentences, spans, _model.Features.Gazetteer);
        DocumentConsistency.Apply(sentences, spans, _model.Features.LowerWords);
        SportsTeams.Apply(sentences, spans, _model.Features.Gazetteer);
        return spans;
    }

    private List<EntityMention> TagText(string text, List<List<(int Start, int Length)>> sentences)
    {
        var pieces = sentences.Select(s => SplitPossessives(text, s)).Where(p => p.Count > 0).ToList();
        var tokens = pieces.Select(p => (IReadOnlyList<string>)p.Select(t => text.Substring(t.Start, t.Length)).ToArray()).ToList();
        var tagged = TagDocument(tokens);
        var output = new List<EntityMention>();
        for (var s = 0; s < pieces.Count; s++)
        {
            foreach (var span in tagged[s])
            {
                var start = pieces[s][span.Start].Start;
                var end = pieces[s][span.End - 1].Start + pieces[s][span.End - 1].Length;
                output.Add(new EntityMention(text[start..end], EntityTypes.FromLabel(span.Label), start, end));
            }
        }

        return output;
    }

    private static List<(int Start, int Length)> SplitPossessives(string text, List<(int Start, int Length)> scanned)
    {
        var pieces = new List<(int Start, int Length)>();
        foreach (var (start, length) in scanned)
        {
            // Possessive 's stays outside the name: "Blinken's" -> "Blinken" + "'s".
            if (length > 2 && text[start + length - 1] is 's' or 'S' && text[start + length - 2] is '\'' or '’')
            {
                pieces.Add((start, length - 2));
                pieces.Add((start + length - 2, 2));
            }
            else
            {
                pieces.Add((start, length));
            }
        }

        return pieces;
    }

    private List<EntityMention> Finish(string text, List<EntityMention> names)
    {
        if (!_options.IncludeRules)
        {
            return names;
        }

        var rules = EntityRules.Find(text, _options.IncludeNumbers);

        // A rule match (a date, an amount) beats an overlapping MISC guess; real names keep their place.
        var kept = names.Where(n => n.Type != EntityTypes.Misc || !rules.Any(r => r.Start < n.End && n.Start < r.End)).ToList();
        foreach (var r in rules)
        {
            if (!kept.Any(n => n.Start < r.End && r.Start < n.End))
            {
                kept.Add(r);
            }
        }

        kept.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        return kept;
    }

    private static EntityRecognizer LoadDefault()
    {
        using var stream = typeof(EntityRecognizer).Assembly.GetManifestResourceStream(ModelResourceName)
            ?? throw new InvalidOperationException($"The embedded model '{ModelResourceName}' is missing from the assembly.");
        return Load(stream);
    }
}
