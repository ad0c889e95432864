using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Summarizer.Ingestion;

namespace Summarizer.Sharding;

/// <summary>
/// Shard <see cref="Index"/> of <see cref="Count"/>: a stable partition of a run's inputs by article id, and by source
/// for inputs that failed to load (they have no id). The key's SHA-256 picks the shard, so the split is the same in
/// every process, machine and .NET version; N processes that each read every input and keep their own shard together
/// write exactly the rows one run writes, each row once.
/// </summary>
/// <param name="Index">Which shard, from 0 to <paramref name="Count"/> - 1 (a Kubernetes Indexed Job's
/// <c>JOB_COMPLETION_INDEX</c>).</param>
/// <param name="Count">How many shards.</param>
public readonly record struct Shard(int Index, int Count)
{
    /// <summary>Everything: one shard of one.</summary>
    public static Shard All { get; } = new(0, 1);

    /// <summary>Reads <c>K/N</c>, K from 0 to N - 1.</summary>
    /// <returns>The shard, or null with what is wrong.</returns>
    public static (Shard? Shard, string? Problem) TryParse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count >= 1)
        {
            return index < count
                ? (new Shard(index, count), null)
                : (null, $"--shard {text}: K must be from 0 to {count - 1} (shards are numbered from 0).");
        }

        return (null, $"--shard must look like K/N with N at least 1 and K from 0 to N-1 (e.g. 0/4), not '{text}'.");
    }

    /// <summary>The shard of <paramref name="count"/> that <paramref name="key"/> falls in: the first 8 bytes of its
    /// UTF-8 SHA-256, big-endian, modulo <paramref name="count"/>.</summary>
    public static int Of(string key, int count)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)count);
    }

    /// <summary>What an input is partitioned by: <c>id:</c> and the article id, or <c>source:</c> and the source of an
    /// input that did not load.</summary>
    public static string KeyOf(LoadItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item is LoadedArticle { Article: var article } ? "id:" + article.Id : "source:" + item.Source;
    }

    /// <summary>True when <paramref name="item"/> belongs to this shard.</summary>
    public bool Contains(LoadItem item) => Count <= 1 || Of(KeyOf(item), Count) == Index;

    /// <summary>The items of this shard, in input order.</summary>
    public async IAsyncEnumerable<LoadItem> Filter(IAsyncEnumerable<LoadItem> items, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var shard = this;
        await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (shard.Contains(item))
            {
                yield return item;
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
