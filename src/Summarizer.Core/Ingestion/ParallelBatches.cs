using System.Runtime.CompilerServices;

namespace Summarizer.Ingestion;

/// <summary>CPU work over a stream of inputs: read a batch, process it on every core, yield it in input order.</summary>
public static class ParallelBatches
{
    /// <summary>
    /// Applies <paramref name="selector"/> (given the item and its position in the stream) to every item,
    /// <paramref name="batchSize"/> items at a time on up to <paramref name="parallelism"/> threads, and yields the
    /// results in input order. Memory stays bounded by the batch size however long the stream.
    /// </summary>
    public static async IAsyncEnumerable<TResult> SelectInOrderAsync<TItem, TResult>(this IAsyncEnumerable<TItem> items,
        Func<TItem, int, TResult> selector, int batchSize = 256, int parallelism = 0,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(selector);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var options = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = parallelism > 0 ? parallelism : Environment.ProcessorCount,
        };
        var batch = new List<TItem>(batchSize);
        var first = 0;
        await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            batch.Add(item);
            if (batch.Count < batchSize)
            {
                continue;
            }

            foreach (var result in Run(batch, first, selector, options))
            {
                yield return result;
            }

            first += batch.Count;
            batch.Clear();
        }

        foreach (var result in Run(batch, first, selector, options))
        {
            yield return result;
        }
    }

    private static TResult[] Run<TItem, TResult>(List<TItem> batch, int first, Func<TItem, int, TResult> selector, ParallelOptions options)
    {
        var results = new TResult[batch.Count];
        Parallel.For(0, batch.Count, options, i => results[i] = selector(batch[i], first + i));
        return results;
    }
}
