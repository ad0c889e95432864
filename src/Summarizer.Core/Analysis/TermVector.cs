namespace Summarizer.Analysis;

/// <summary>
/// A sparse vector over a document's vocabulary: term ids in ascending order with their weights (raw counts as built by
/// <see cref="TextAnalyzer"/>). Value semantics over shared arrays; never mutate the arrays.
/// </summary>
public readonly struct TermVector
{
    private static readonly int[] NoIds = [];
    private static readonly float[] NoWeights = [];
    private readonly int[]? _ids;
    private readonly float[]? _weights;

    /// <summary>Creates a vector from ids sorted ascending and their weights.</summary>
    public TermVector(int[] ids, float[] weights)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(weights);
        if (ids.Length != weights.Length)
        {
            throw new ArgumentException("ids and weights must have the same length.", nameof(weights));
        }

        _ids = ids;
        _weights = weights;
    }

    /// <summary>Term ids, ascending.</summary>
    public ReadOnlySpan<int> Ids => _ids ?? NoIds;

    /// <summary>Weights aligned with <see cref="Ids"/>.</summary>
    public ReadOnlySpan<float> Weights => _weights ?? NoWeights;

    /// <summary>Number of distinct terms.</summary>
    public int Count => _ids?.Length ?? 0;

    /// <summary>Sum of weights (the number of content tokens for a count vector).</summary>
    public float Total
    {
        get
        {
            var sum = 0f;
            foreach (var w in Weights)
            {
                sum += w;
            }

            return sum;
        }
    }

    /// <summary>Dot product with another vector over the same vocabulary.</summary>
    public double Dot(in TermVector other) => Dot(other, null);

    /// <summary>Dot product where each shared term's product is multiplied by <paramref name="termWeights"/>[id].</summary>
    public double Dot(in TermVector other, double[]? termWeights)
    {
        var a = Ids;
        var b = other.Ids;
        var wa = Weights;
        var wb = other.Weights;
        int i = 0, j = 0;
        double sum = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                var p = (double)wa[i] * wb[j];
                sum += termWeights is null ? p : p * termWeights[a[i]];
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return sum;
    }

    /// <summary>Number of terms both vectors contain.</summary>
    public int Overlap(in TermVector other)
    {
        var a = Ids;
        var b = other.Ids;
        int i = 0, j = 0, n = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                n++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return n;
    }

    /// <summary>The weight of <paramref name="id"/>, 0 when the vector does not contain it.</summary>
    public float Weight(int id)
    {
        var at = Ids.BinarySearch(id);
        return at >= 0 ? Weights[at] : 0;
    }

    /// <summary>True when the vector contains <paramref name="id"/>.</summary>
    public bool Contains(int id) => Ids.BinarySearch(id) >= 0;
}
