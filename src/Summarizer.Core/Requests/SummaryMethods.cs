using System.Text;
using Summarizer.Analysis;
using Summarizer.Llm;
using Summarizer.Summarization;

namespace Summarizer.Requests;

/// <summary>
/// A summarisation method behind one asynchronous call, whether it chooses sentences on the spot or asks a model.
/// <see cref="SummaryPipeline"/> runs every method through it.
/// </summary>
public interface ISummaryMethod
{
    /// <summary>The catalog name.</summary>
    string Name { get; }

    /// <summary>Summarises one analysed article; <paramref name="onText"/>, when given, receives the text as it is
    /// written (an extractive method delivers it in one piece).</summary>
    Task<SummaryResult> SummarizeAsync(Document document, Action<string>? onText, CancellationToken cancellationToken);
}

/// <summary>An extractive summariser as an <see cref="ISummaryMethod"/>, at a fixed length.</summary>
/// <param name="summarizer">The summariser.</param>
/// <param name="length">How long summaries are.</param>
public sealed class ExtractiveMethod(ISummarizer summarizer, SummaryLength length) : ISummaryMethod
{
    /// <inheritdoc />
    public string Name => summarizer.Name;

    /// <summary>The summary, computed on the calling thread.</summary>
    public SummaryResult Summarize(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var summary = summarizer.Summarize(document, length);
        return ToResult(summary);
    }

    /// <inheritdoc />
    public Task<SummaryResult> SummarizeAsync(Document document, Action<string>? onText, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var result = Summarize(document);
        onText?.Invoke(result.Text ?? string.Empty);
        return Task.FromResult(result);
    }

    /// <summary>The result for an extractive summary: chosen sentences with offsets into the article's text.</summary>
    public static SummaryResult ToResult(ExtractiveSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var document = summary.Document;
        var sentences = summary.Sentences.Select(s =>
        {
            var sentence = document.Sentences[s.Index];
            return new SummarySentence(sentence.Text) { Index = s.Index, Start = sentence.Start, End = sentence.End, Score = s.Score };
        }).ToArray();
        return Describe(document, summary.Method) with
        {
            Text = string.Join('\n', sentences.Select(s => OneLine(s.Text))),
            Sentences = sentences,
            Words = summary.WordCount,
        };
    }

    internal static SummaryResult Describe(Document document, string method) => new()
    {
        Method = method,
        Id = document.Article.Id,
        Source = document.Article.Source,
        Title = document.Article.Title,
        Language = document.Language,
        SourceWords = document.WordCount,
        SourceSentences = document.Sentences.Count,
        Document = document,
    };

    /// <summary><paramref name="text"/> with its line breaks as spaces: a sentence hard-wrapped in its source reads as
    /// one line in a summary.</summary>
    public static string OneLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny('\n', '\r') < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (c is '\n' or '\r')
            {
                space = true;
                continue;
            }

            if (space)
            {
                if (sb.Length > 0 && sb[^1] != ' ' && c != ' ')
                {
                    sb.Append(' ');
                }

                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}

/// <summary>An LLM summariser as an <see cref="ISummaryMethod"/>.</summary>
/// <param name="summarizer">The summariser (its options and client).</param>
/// <param name="provider">The provider name, for results.</param>
public sealed class LlmMethod(LlmSummarizer summarizer, string? provider) : ISummaryMethod
{
    /// <inheritdoc />
    public string Name => LlmSummarizer.Method.Name;

    /// <summary>The summariser underneath, for batches.</summary>
    public LlmSummarizer Summarizer => summarizer;

    /// <inheritdoc />
    public async Task<SummaryResult> SummarizeAsync(Document document, Action<string>? onText, CancellationToken cancellationToken)
    {
        var summary = await summarizer.SummarizeAsync(document, onText, cancellationToken).ConfigureAwait(false);
        return ToResult(document, summary);
    }

    /// <summary>The result for an LLM summary: written sentences with the source sentences that support them.</summary>
    public SummaryResult ToResult(Document document, LlmSummary summary)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(summary);
        var sentences = summary.Grounding.Select(g => new SummarySentence(g.Text)
        {
            Score = g.Score,
            Unsupported = g.Unsupported,
            Support = g.Sources.Select(s =>
            {
                var source = document.Sentences[s.Index];
                return new SentenceSupport(s.Index, source.Start, source.End, source.Text, s.Score);
            }).ToArray(),
        }).ToArray();
        return ExtractiveMethod.Describe(document, Name) with
        {
            Text = summary.Text.Trim(),
            Sentences = sentences,
            Words = Tokenizer.Words(summary.Text).Count,
            Llm = new LlmDetails(provider, summary.Model ?? summarizer.Model, summary.Usage, summary.Cost, summary.FromCache, summary.Calls),
        };
    }
}
