using System.IO.Compression;
using System.Reflection;
using System.Text;
using Summarizer.Analysis;

namespace Summarizer.Semantic;

/// <summary>
/// Static word vectors distilled from all-MiniLM-L6-v2 (Reimers and Gurevych 2019; Wang et al. 2020): every whole word
/// of the model's WordPiece vocabulary was embedded on its own by the full model and the vectors reduced by PCA and
/// stored as 8-bit integers (built by <c>src/Summarizer.Embeddings</c>). A sentence's vector is the mean of its content
/// words' vectors: no transformer at run time, so it costs about as much as a dictionary lookup per word. English only.
/// Thread-safe.
/// </summary>
public sealed class StaticEmbeddings : ISentenceVectors
{
    /// <summary>Name of the embedded resource.</summary>
    public const string ResourceName = "Summarizer.Resources.minilm-static-en.bin";

    private const string Magic = "SMSTATIC1";
    private static readonly Lazy<StaticEmbeddings> LazyDefault = new(LoadDefault);
    private readonly Dictionary<string, int> _index;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly sbyte[] _values;
    private readonly float[] _scales;

    private StaticEmbeddings(Dictionary<string, int> index, sbyte[] values, float[] scales, int dimensions)
    {
        _index = index;
        _lookup = index.GetAlternateLookup<ReadOnlySpan<char>>();
        _values = values;
        _scales = scales;
        Dimensions = dimensions;
    }

    /// <summary>The vectors shipped inside the library, loaded on first use.</summary>
    public static StaticEmbeddings Default => LazyDefault.Value;

    /// <summary>Length of every vector.</summary>
    public int Dimensions { get; }

    /// <summary>Words with a vector.</summary>
    public int Count => _index.Count;

    /// <summary>The language the vectors are for.</summary>
    public string Language => "en";

    /// <summary>True when <paramref name="word"/> (lower case) has a vector.</summary>
    public bool Contains(string word) => _index.ContainsKey(word);

    /// <summary>Unit-length vector of a text: the mean of its content words' vectors (zero when none is known).</summary>
    public float[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stopWords = StopWords.For("en");
        var vector = new float[Dimensions];
        foreach (var word in Tokenizer.Words(text))
        {
            if (!stopWords.Contains(word))
            {
                Add(word, vector);
            }
        }

        return Normalize(vector);
    }

    /// <summary>Unit-length vectors of a document's sentences, from the tokens the analysis already made.</summary>
    public float[][] Encode(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var vectors = new float[document.Sentences.Count][];
        for (var s = 0; s < vectors.Length; s++)
        {
            var vector = new float[Dimensions];
            foreach (ref readonly var token in document.Sentences[s].Tokens)
            {
                if (token.Kind == TokenKind.Word && !token.IsStopWord)
                {
                    Add(token.Normalized, vector);
                }
            }

            vectors[s] = Normalize(vector);
        }

        return vectors;
    }

    /// <summary>The sentence vectors of <paramref name="document"/>, computed once and kept with it.</summary>
    public float[][] For(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return ReferenceEquals(this, Default) ? document.GetOrAdd("minilm-static", Default.Encode) : Encode(document);
    }

    /// <summary>Cosine similarity of two unit vectors.</summary>
    public static double Cosine(float[] a, float[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var sum = 0.0;
        for (var d = 0; d < a.Length; d++)
        {
            sum += a[d] * b[d];
        }

        return sum;
    }

    private bool Add(ReadOnlySpan<char> word, float[] sum)
    {
        if (!_lookup.TryGetValue(word, out var i))
        {
            return false;
        }

        var scale = _scales[i];
        var row = _values.AsSpan(i * Dimensions, Dimensions);
        for (var d = 0; d < row.Length; d++)
        {
            sum[d] += row[d] * scale;
        }

        return true;
    }

    private static float[] Normalize(float[] vector)
    {
        var norm = Math.Sqrt(Cosine(vector, vector));
        if (norm > 0)
        {
            for (var d = 0; d < vector.Length; d++)
            {
                vector[d] = (float)(vector[d] / norm);
            }
        }

        return vector;
    }

    /// <summary>Writes vectors in the format <see cref="Load"/> reads: Brotli-compressed words with 8-bit vectors, each
    /// with its own scale.</summary>
    public static void Save(Stream stream, IReadOnlyList<string> words, IReadOnlyList<float[]> vectors)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(vectors);
        if (words.Count != vectors.Count || vectors.Count == 0)
        {
            throw new ArgumentException("Give one vector per word, and at least one.", nameof(vectors));
        }

        var dimensions = vectors[0].Length;
        using var brotli = new BrotliStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(brotli, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(dimensions);
        writer.Write(words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            var vector = vectors[i];
            if (vector.Length != dimensions)
            {
                throw new ArgumentException($"Vector {i} has {vector.Length} dimensions, not {dimensions}.", nameof(vectors));
            }

            var max = vector.Max(Math.Abs);
            var scale = max > 0 ? max / 127f : 1f;
            writer.Write(words[i]);
            writer.Write(scale);
            foreach (var v in vector)
            {
                writer.Write((sbyte)Math.Round(v / scale));
            }
        }
    }

    /// <summary>Reads vectors written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is not a vectors file.</exception>
    public static StaticEmbeddings Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var brotli = new BrotliStream(stream, CompressionMode.Decompress, leaveOpen: true);
            using var reader = new BinaryReader(brotli, Encoding.UTF8, leaveOpen: true);
            if (reader.ReadString() != Magic)
            {
                throw new InvalidDataException("Not a static vectors file.");
            }

            var dimensions = reader.ReadInt32();
            var count = reader.ReadInt32();
            var index = new Dictionary<string, int>(count, StringComparer.Ordinal);
            var values = new sbyte[count * dimensions];
            var scales = new float[count];
            for (var i = 0; i < count; i++)
            {
                index[reader.ReadString()] = i;
                scales[i] = reader.ReadSingle();
                var row = reader.ReadBytes(dimensions);
                if (row.Length != dimensions)
                {
                    throw new EndOfStreamException();
                }

                Buffer.BlockCopy(row, 0, values, i * dimensions, dimensions);
            }

            return new StaticEmbeddings(index, values, scales, dimensions);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException && e is not InvalidDataException)
        {
            throw new InvalidDataException("Not a static vectors file (truncated or corrupt).", e);
        }
    }

    private static StaticEmbeddings LoadDefault()
    {
        using var stream = typeof(StaticEmbeddings).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from {typeof(StaticEmbeddings).Assembly.GetName().Name}.");
        return Load(stream);
    }
}
