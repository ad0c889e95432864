using Summarizer.Analysis;

namespace Summarizer.Summarization;

/// <summary>A sentence's term vector at unit length, sparse: dot products of two are cosines.</summary>
internal readonly record struct UnitVector(int[] Ids, double[] Values)
{
    // Each sentence's term-count vector, each stem scaled by idf^idfWeight, at unit length (all zero for a sentence
    // without content terms): the dot product of two is their cosine with every shared stem weighted idf^(2·idfWeight).
    internal static UnitVector[] ForSentences(Document document, double idfWeight)
    {
        var sentences = document.Sentences;
        var n = sentences.Count;
        double[]? scale = null;
        if (idfWeight > 0)
        {
            scale = new double[document.Terms.Count];
            for (var t = 0; t < scale.Length; t++)
            {
                scale[t] = Math.Pow(Math.Log((n + 1.0) / document.SentenceFrequency[t]), idfWeight);
            }
        }

        var units = new UnitVector[n];
        for (var i = 0; i < n; i++)
        {
            var terms = sentences[i].Terms;
            var ids = terms.Ids.ToArray();
            var values = new double[ids.Length];
            var norm = 0.0;
            for (var k = 0; k < values.Length; k++)
            {
                values[k] = terms.Weights[k] * (scale?[ids[k]] ?? 1);
                norm += values[k] * values[k];
            }

            norm = Math.Sqrt(norm);
            for (var k = 0; k < values.Length; k++)
            {
                values[k] = norm > 0 ? values[k] / norm : 0;
            }

            units[i] = new UnitVector(ids, values);
        }

        return units;
    }

    /// <summary>
    /// Each sentence's summed cosine to the sentences after it and before it, from running sums of unit vectors:
    /// Σ_{j&gt;i} cos(i, j) = û_i · Σ_{j&gt;i} û_j, so one pass each way gives every sum exactly, in linear time.
    /// </summary>
    internal static (double[] Forward, double[] Backward) DirectedSums(UnitVector[] units, int termCount)
    {
        var n = units.Length;
        var running = new double[termCount];
        var backward = new double[n];
        for (var i = 0; i < n; i++)
        {
            backward[i] = units[i].Dot(running);
            units[i].AddTo(running);
        }

        Array.Clear(running);
        var forward = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            forward[i] = units[i].Dot(running);
            units[i].AddTo(running);
        }

        if (WorkCounters.Current is { } work)
        {
            work.TermVisits += 4L * units.Sum(u => (long)u.Ids.Length);
        }

        return (forward, backward);
    }

    public double Dot(double[] dense)
    {
        var sum = 0.0;
        for (var k = 0; k < Ids.Length; k++)
        {
            sum += Values[k] * dense[Ids[k]];
        }

        return sum;
    }

    public void AddTo(double[] dense)
    {
        for (var k = 0; k < Ids.Length; k++)
        {
            dense[Ids[k]] += Values[k];
        }
    }

    // Writes the vector's values into dense, or zeros over them, leaving other terms alone.
    public void WriteTo(double[] dense, bool clear)
    {
        for (var k = 0; k < Ids.Length; k++)
        {
            dense[Ids[k]] = clear ? 0 : Values[k];
        }
    }
}
