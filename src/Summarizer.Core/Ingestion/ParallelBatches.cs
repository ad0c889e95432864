using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Summarizer.Ingestion;

/// <summary>
/// CPU work over a stream of inputs: reading, processing and the caller's use of the results run at the same time,
/// in three stages, while results stay in input order.
/// </summary>
public static class ParallelBatches
{
    /// <summary>
    /// Applies <paramref name="selector"/> (given the item and its position in the stream) to every item,
    /// <paramref name="batchSize"/> items at a time on up to <paramref name="parallelism"/> threads, and yields the
    /// results in input order. The next batch is read while one is processed and the one before is consumed, with at
    /// most two batches waiting at each step, so memory stays bounded however long the stream.
    /// </summary>
    public static async IAsyncEnumerable<TResult> SelectInOrderAsync<TItem, TResult>(this IAsyncEnumerable<TItem> items,
        Func<TItem, int, TResult> selector, int batchSize = 256, int parallelism = 0,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(selector);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = stop.Token;
        var options = new ParallelOptions
        {
            CancellationToken = token,
            MaxDegreeOfParallelism = parallelism > 0 ? parallelism : Environment.ProcessorCount,
        };
        var read = Channel.CreateBounded<List<TItem>>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var done = Channel.CreateBounded<TResult[]>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });

        var reader = Task.Run(async () =>
        {
            try
            {
                var batch = new List<TItem>(batchSize);
                await foreach (var item in items.WithCancellation(token).ConfigureAwait(false))
                {
                    batch.Add(item);
                    if (batch.Count == batchSize)
                    {
                        await read.Writer.WriteAsync(batch, token).ConfigureAwait(false);
                        batch = new List<TItem>(batchSize);
                    }
                }

                if (batch.Count > 0)
                {
                    await read.Writer.WriteAsync(batch, token).ConfigureAwait(false);
                }

                read.Writer.Complete();
            }
            catch (Exception ex)
            {
                read.Writer.Complete(ex);
            }
        }, CancellationToken.None);

        var processor = Task.Run(async () =>
        {
            try
            {
                var first = 0;
                await foreach (var batch in read.Reader.ReadAllAsync(token).ConfigureAwait(false))
                {
                    var results = new TResult[batch.Count];
                    var offset = first;
                    Parallel.For(0, batch.Count, options, i => results[i] = selector(batch[i], offset + i));
                    first += batch.Count;
                    await done.Writer.WriteAsync(results, token).ConfigureAwait(false);
                }

                done.Writer.Complete();
            }
            catch (Exception ex)
            {
                done.Writer.Complete(ex);
            }
        }, CancellationToken.None);

        try
        {
            await foreach (var results in done.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                foreach (var result in results)
                {
                    yield return result;
                }
            }
        }
        finally
        {
            // Also reached when the caller stops early: stop reading and processing.
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(reader, processor).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }
}
