namespace Summarizer.Interactive.Tests.TestSupport;

/// <summary>A test class with a fresh kernel (the extension loaded) per test, disposed afterwards.</summary>
public abstract class KernelTest : IAsyncLifetime
{
    private KernelFixture? _kernel;

    protected KernelFixture Kernel => _kernel ?? throw new InvalidOperationException("The kernel is created in InitializeAsync.");

    public virtual async Task InitializeAsync() => _kernel = await KernelFixture.CreateAsync();

    public virtual Task DisposeAsync()
    {
        _kernel?.Dispose();
        return Task.CompletedTask;
    }
}
