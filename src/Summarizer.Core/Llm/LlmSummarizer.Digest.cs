using System.Text;
using Summarizer.Analysis;

namespace Summarizer.Llm;

/// <summary>Digests: one abstractive summary of a story from several articles.</summary>
public sealed partial class LlmSummarizer
{
    /// <summary>
    /// Writes one digest of a story from its articles (oldest first): the articles go to the model together when they
    /// fit in <see cref="LlmOptions.MaxInputTokens"/>; otherwise each is summarised first (map, cached like any summary)
    /// and the digest is written from the summaries (reduce), in rounds when even those are too long. The digest is
    /// grounded in the sentences of all the articles: each support names its article by position in
    /// <paramref name="documents"/>. One article gives that article's summary.
    /// </summary>
    /// <param name="documents">The story's analysed articles, oldest first, in one language.</param>
    /// <param name="onText">Receives the digest as it is written.</param>
    /// <param name="cancellationToken">Stops the calls.</param>
    public Task<LlmSummary> DigestAsync(IReadOnlyList<Document> documents, Action<string>? onText = null, CancellationToken cancellationToken = default) =>
        DigestCoreAsync(documents, onText, null, cancellationToken);

    /// <summary>The digest; <paramref name="callGate"/>, when given, bounds the chat calls in flight.</summary>
    internal async Task<LlmSummary> DigestCoreAsync(IReadOnlyList<Document> documents, Action<string>? onText, SemaphoreSlim? callGate,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (documents.Count == 0 || documents.All(d => d.Sentences.Count == 0))
        {
            throw new ArgumentException("A digest needs at least one article with text.", nameof(documents));
        }

        var sources = documents.Where(d => d.Sentences.Count > 0).ToArray();
        if (sources.Length == 1)
        {
            return await SummarizeCoreAsync(sources[0], onText, callGate, cancellationToken).ConfigureAwait(false);
        }

        var counter = LlmTokenCounter.ForModel(Model);
        var parts = sources.Select(d => new PromptBuilder.DigestPart(d.Article.Date, d.Article.Title, d.Body)).ToList();
        var overhead = counter.Count(string.Concat(PromptBuilder.Digest(Options, [], fromSummaries: true).Select(m => m.Text)));
        var budget = Math.Max(128, Options.MaxInputTokens - overhead);
        var usage = TokenUsage.None;
        decimal? cost = Options.Prices is null ? null : 0m;
        var fromCache = true;
        var calls = 0;
        var fromSummaries = false;
        if (Encoding.UTF8.GetByteCount(string.Concat(parts.Select(p => p.Text))) > budget && Size(parts) > budget)
        {
            // Map: each article's own summary, as summarize would write it (and from the same cache).
            // The articles are summarised at once, at most MaxConcurrency calls in flight.
            using var ownGate = callGate is null ? new SemaphoreSlim(Options.MaxConcurrency) : null;
            var gate = callGate ?? ownGate;
            var summaries = await Task.WhenAll(sources.Select(d => SummarizeCoreAsync(d, null, gate, cancellationToken))).ConfigureAwait(false);
            foreach (var summary in summaries)
            {
                Add(summary.Usage, summary.Cost, summary.FromCache, summary.Calls);
            }

            parts = sources.Select((d, i) => new PromptBuilder.DigestPart(d.Article.Date, d.Article.Title, summaries[i].Text)).ToList();
            fromSummaries = true;

            // Reduce in rounds while the summaries together are still too long: consecutive groups become one digest each.
            for (var round = 0; Size(parts) > budget; round++)
            {
                if (round == 4)
                {
                    throw new InvalidOperationException($"The story is still too long after {round} rounds of partial digests.");
                }

                var groups = Group(parts, budget, counter);
                var next = new List<PromptBuilder.DigestPart>(groups.Count);
                foreach (var group in groups)
                {
                    var partial = await CallAsync(PromptBuilder.Digest(Options, group, fromSummaries: true), null, callGate, cancellationToken).ConfigureAwait(false);
                    Add(partial.Usage, Options.Prices?.CostOf(partial.FromCache ? TokenUsage.None : partial.Usage), partial.FromCache, 1);
                    next.Add(new PromptBuilder.DigestPart(group[0].Date, group[0].Title, partial.Text));
                }

                parts = next;
            }
        }

        var final = await CallAsync(PromptBuilder.Digest(Options, parts, fromSummaries), onText, callGate, cancellationToken).ConfigureAwait(false);
        Add(final.Usage, Options.Prices?.CostOf(final.FromCache ? TokenUsage.None : final.Usage), final.FromCache, 1);
        var text = final.Text.Trim();
        return new LlmSummary(text, SummaryGrounding.Ground(sources, text, Options.MinSupportScore), usage, cost, fromCache,
            Model ?? final.Model, calls);

        int Size(IReadOnlyList<PromptBuilder.DigestPart> p) => p.Sum(x => counter.Count(x.Text) + 16);

        void Add(TokenUsage u, decimal? c, bool cached, int n)
        {
            usage += u;
            cost += c;
            fromCache &= cached;
            calls += n;
        }
    }

    // Consecutive parts in groups that each fit the budget.
    private static List<List<PromptBuilder.DigestPart>> Group(IReadOnlyList<PromptBuilder.DigestPart> parts, int budget, LlmTokenCounter counter)
    {
        var groups = new List<List<PromptBuilder.DigestPart>> { new() };
        var used = 0;
        foreach (var part in parts)
        {
            var size = counter.Count(part.Text) + 16;
            if (groups[^1].Count > 0 && used + size > budget)
            {
                groups.Add([]);
                used = 0;
            }

            groups[^1].Add(part);
            used += size;
        }

        return groups;
    }
}
