using MathNet.Numerics.LinearAlgebra;
using Summarizer.Analysis;

namespace Summarizer.Summarization;

/// <summary>Options for <see cref="LsaSummarizer"/>.</summary>
public sealed record LsaOptions
{
    /// <summary>The defaults below.</summary>
    public static LsaOptions Default { get; } = new();

    /// <summary>Latent topics (leading singular values) that score sentences; fewer when the matrix has lower rank. Default 3.</summary>
    public int Dimensions { get; init; } = 3;

    /// <summary>Use 0/1 term presence instead of term counts in the term-sentence matrix. Default false.</summary>
    public bool Binary { get; init; }
}

/// <summary>
/// LSA summarisation after Steinberger &amp; Ježek ("Using Latent Semantic Analysis in Text Summarization and Summary
/// Evaluation", ISIM 2004): with the term-sentence matrix <c>A = U Σ Vᵀ</c>, a sentence's score is the length of its
/// vector in the reduced topic space, <c>sqrt(Σ_k σ_k² v_ik²)</c> over the leading <see cref="LsaOptions.Dimensions"/>
/// topics. <c>V</c> and <c>σ²</c> are taken from the SVD (MathNet.Numerics) of the sentence Gram matrix <c>AᵀA</c>,
/// which has the same right singular vectors but is sentences × sentences rather than terms × sentences.
/// </summary>
public sealed class LsaSummarizer : RankingSummarizer
{
    private readonly LsaOptions _options;

    /// <summary>Creates the summariser.</summary>
    public LsaSummarizer(LsaOptions? options = null)
    {
        _options = options ?? LsaOptions.Default;
        Table.ThrowIfInvalid(_options, nameof(options));
    }

    /// <summary>The options: names, descriptions, defaults and accepted values.</summary>
    public static OptionTable<LsaOptions> Table { get; } = new OptionTable<LsaOptions>(LsaOptions.Default)
        .Whole("dimensions", "Latent topics used to score sentences.", o => o.Dimensions, (o, v) => o with { Dimensions = v }, min: 1)
        .Flag("binary", "Term presence (true) instead of term counts (false).", o => o.Binary, (o, v) => o with { Binary = v });

    /// <summary>The catalog entry.</summary>
    public static SummarizerMethod Method { get; } = SummarizerMethod.Extractive(
        "lsa", "LSA",
        "Latent semantic analysis: sentence weight in the leading SVD topics (Steinberger & Ježek 2004).",
        ["latent-semantic-analysis"], Table, o => new LsaSummarizer(o));

    /// <inheritdoc />
    public override string Name => Method.Name;

    /// <summary>The options in use.</summary>
    public LsaOptions Options => _options;

    /// <summary>Length of each sentence's vector in the reduced topic space; 0 for sentences without content terms.</summary>
    public override double[] RateSentences(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var sentences = document.Sentences;
        var n = sentences.Count;
        var scores = new double[n];
        if (n == 0)
        {
            return scores;
        }

        var gram = Matrix<double>.Build.Dense(n, n);
        var any = false;
        for (var i = 0; i < n; i++)
        {
            var si = sentences[i].Terms;
            for (var j = i; j < n; j++)
            {
                double g = _options.Binary ? si.Overlap(sentences[j].Terms) : si.Dot(sentences[j].Terms);
                gram[i, j] = g;
                gram[j, i] = g;
                any |= g != 0;
            }
        }

        if (!any)
        {
            return scores;
        }

        var svd = gram.Svd(computeVectors: true);
        var squaredSingular = svd.S; // singular values of AᵀA are σ² of A
        var v = svd.U;
        var k = Math.Min(_options.Dimensions, squaredSingular.Count);
        var largest = squaredSingular[0];
        for (var i = 0; i < n; i++)
        {
            var sum = 0.0;
            for (var d = 0; d < k; d++)
            {
                // Numerically zero topics carry no content.
                if (squaredSingular[d] <= largest * 1e-12)
                {
                    break;
                }

                var x = v[i, d];
                sum += squaredSingular[d] * x * x;
            }

            scores[i] = Math.Sqrt(sum);
        }

        return scores;
    }
}
