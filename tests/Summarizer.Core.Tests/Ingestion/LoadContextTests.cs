using Summarizer.Ingestion;

namespace Summarizer.Core.Tests.Ingestion;

public sealed class LoadContextTests
{
    private static readonly LoadOptions Options = new() { DetectLanguage = false };

    [Fact]
    public async Task GuardAsync_WorkPastTheDeadline_BecomesThatInputsFailure()
    {
        using var context = new LoadContext(Options with { InputTimeout = TimeSpan.FromMilliseconds(100) }, null);
        using var release = new ManualResetEventSlim();

        try
        {
            // Work that ignores its token, as a third-party parser does: the input fails and the loader moves on.
            var item = await context.GuardAsync("stuck.html", _ =>
            {
                release.Wait();
                return new ArticleDraft("Never used.");
            }, CancellationToken.None);

            var failure = Assert.IsType<LoadFailure>(item);
            Assert.Equal("stuck.html", failure.Source);
            Assert.Equal("stuck.html: not read within 0.1 s (LoadOptions.InputTimeout)", failure.Message);
        }
        finally
        {
            release.Set();
        }
    }

    [Fact]
    public async Task GuardAsync_WorkWatchingTheToken_IsCancelledAtTheDeadline()
    {
        using var context = new LoadContext(Options with { InputTimeout = TimeSpan.FromMilliseconds(100) }, null);
        var stopped = new TaskCompletionSource();

        var item = await context.GuardAsync("slow.csv:7", token =>
        {
            try
            {
                token.WaitHandle.WaitOne();
                token.ThrowIfCancellationRequested();
                return new ArticleDraft("Never used.");
            }
            finally
            {
                stopped.SetResult();
            }
        }, CancellationToken.None);

        Assert.Equal("slow.csv:7: not read within 0.1 s (LoadOptions.InputTimeout)", Assert.IsType<LoadFailure>(item).Message);
        await stopped.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task GuardAsync_CallerCancels_Throws()
    {
        using var context = new LoadContext(Options, null);
        using var cts = new CancellationTokenSource();

        var guarded = context.GuardAsync("page.html", token =>
        {
            cts.Cancel();
            token.ThrowIfCancellationRequested();
            return new ArticleDraft("Never used.");
        }, cts.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => guarded);
    }

    public static TheoryData<Exception> Thrown => new()
    {
        new OverflowException("Arithmetic operation resulted in an overflow."),
        new NullReferenceException("Object reference not set to an instance of an object."),
        new InvalidCastException("Unable to cast."),
        new IndexOutOfRangeException("Index was outside the bounds of the array."),
        new OperationCanceledException("A parser cancelled its own work."),
        new UriFormatException("Invalid URI."),
    };

    [Theory]
    [MemberData(nameof(Thrown))]
    public async Task GuardAsync_AnyExceptionFromAReader_BecomesAFailureNamingTheInput(Exception thrown)
    {
        using var context = new LoadContext(Options, null);

        var item = await context.GuardAsync("odd.pdf", _ => throw thrown, CancellationToken.None);

        var failure = Assert.IsType<LoadFailure>(item);
        Assert.Equal("odd.pdf", failure.Source);
        Assert.Equal($"odd.pdf: cannot be read as an article ({thrown.GetType().Name}: {thrown.Message})", failure.Message);
    }

    [Fact]
    public async Task GuardAsync_TextOverMaxBytes_Fails()
    {
        using var context = new LoadContext(Options with { MaxBytes = 100 }, null);

        var item = await context.GuardAsync("book.pdf", _ => new ArticleDraft(new string('w', 101)), CancellationToken.None);

        Assert.Equal("book.pdf: the article text is over the 100 bytes limit (LoadOptions.MaxBytes)", Assert.IsType<LoadFailure>(item).Message);
    }
}
