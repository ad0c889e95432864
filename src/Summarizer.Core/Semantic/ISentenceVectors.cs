using Summarizer.Analysis;

namespace Summarizer.Semantic;

/// <summary>Where sentence vectors come from: the static vectors shipped in the library, or a full sentence encoder.</summary>
public interface ISentenceVectors
{
    /// <summary>The language the vectors are for (ISO 639-1); other documents fall back to lexical similarity.</summary>
    string Language { get; }

    /// <summary>Unit-length vectors of a document's sentences, aligned with <see cref="Document.Sentences"/>.</summary>
    float[][] For(Document document);

    /// <summary>Unit-length vector of a short text such as a title.</summary>
    float[] Encode(string text);
}
