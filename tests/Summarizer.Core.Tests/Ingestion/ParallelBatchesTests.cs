using Summarizer.Ingestion;

namespace Summarizer.Core.Tests.Ingestion;

public sealed class ParallelBatchesTests
{
    private static async IAsyncEnumerable<int> Numbers(int count, Action<int>? onRead = null)
    {
        for (var i = 0; i < count; i++)
        {
            onRead?.Invoke(i);
            await Task.Yield();
            yield return i;
        }
    }

    [Fact]
    public async Task SelectInOrderAsync_ManyBatches_YieldsEveryResultInInputOrderWithItsPosition()
    {
        var results = await Numbers(1_000).SelectInOrderAsync((n, position) => (n, position, square: n * n), batchSize: 7).ToListAsync();

        Assert.Equal(1_000, results.Count);
        Assert.All(results.Select((r, i) => (r, i)), x => Assert.Equal((x.i, x.i, x.i * x.i), x.r));
    }

    [Fact]
    public async Task SelectInOrderAsync_CallerStopsEarly_ReadingStopsWithinTheBufferedBatches()
    {
        var read = 0;

        await foreach (var _ in Numbers(100_000, _ => Interlocked.Increment(ref read)).SelectInOrderAsync((n, _) => n, batchSize: 10))
        {
            break;
        }

        // At most the batch being processed, two waiting to be processed and two processed ones, and one being read.
        Assert.InRange(Volatile.Read(ref read), 1, 70);
    }

    [Fact]
    public async Task SelectInOrderAsync_InputFails_TheFailureReachesTheCaller()
    {
        static async IAsyncEnumerable<int> Failing()
        {
            yield return 1;
            await Task.Yield();
            throw new InvalidDataException("the input broke");
        }

        var ex = await Assert.ThrowsAsync<InvalidDataException>(async () => await Failing().SelectInOrderAsync((n, _) => n).ToListAsync());

        Assert.Equal("the input broke", ex.Message);
    }
}
