using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Formatting;
using Summarizer.Interactive.Tests.TestSupport;

namespace Summarizer.Interactive.Tests;

public sealed class SummarizerKernelExtensionTests
{
    [Fact]
    public async Task LoadAsync_FromACell_DisplaysEveryCommandWithAnExample()
    {
        using var kernel = new CompositeKernel { new CSharpKernel() };
        kernel.DefaultKernelName = "csharp";
        var csharp = (CSharpKernel)kernel.FindKernelByName("csharp");
        csharp.AddAssemblyReferences([typeof(SummarizerKernelExtension).Assembly.Location]);

        var result = await kernel.SubmitCodeAsync(File.ReadAllText(Path.Combine(Seeds.RepoRoot, "src/Summarizer.Interactive/extension.dib")));

        result.Succeeded();
        var card = result.SingleValue("text/html", v => v.Contains("summarizer-loaded", StringComparison.Ordinal));
        foreach (var (command, _, example) in SummarizerKernelExtension.Commands)
        {
            Assert.Contains($"<code>{command}</code>", card, StringComparison.Ordinal);
            Assert.Contains(example, card, StringComparison.Ordinal);
        }

        Formatter.ResetToDefault();
    }

    [Fact]
    public async Task LoadAsync_Twice_KeepsOneKernelPerCommand()
    {
        using var k = await KernelFixture.CreateAsync();

        await SummarizerKernelExtension.LoadAsync(k.Kernel);

        Assert.Single(k.Kernel.ChildKernels, c => c.Name == "summarize");
        (await k.SubmitAsync("#!summarize\nStill works. Fine.")).Succeeded();
    }

    [Fact]
    public async Task LoadAsync_WithoutCSharpKernel_Throws()
    {
        using var kernel = new CompositeKernel();

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => SummarizerKernelExtension.LoadAsync(kernel));

        Assert.Contains("C# kernel", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MethodCompletions_ComeFromCatalog()
    {
        using var k = await KernelFixture.CreateAsync();
        var code = "#!summarize --method ";

        var result = await k.Kernel.SendAsync(new Microsoft.DotNet.Interactive.Commands.RequestCompletions(
            code, new LinePosition(0, code.Length)));

        var completions = result.Events.OfType<Microsoft.DotNet.Interactive.Events.CompletionsProduced>().Single();
        foreach (var name in Summarizer.Summarization.SummarizerCatalog.Names)
        {
            Assert.Contains(completions.Completions, c => c.DisplayText == name);
        }
    }

    [Fact]
    public async Task FromCompletions_ListCSharpVariables()
    {
        using var k = await KernelFixture.CreateAsync();
        (await k.SubmitAsync("var myArticles = \"x\";")).Succeeded();
        var code = "#!summarize --from ";

        var result = await k.Kernel.SendAsync(new Microsoft.DotNet.Interactive.Commands.RequestCompletions(
            code, new LinePosition(0, code.Length)));

        var completions = result.Events.OfType<Microsoft.DotNet.Interactive.Events.CompletionsProduced>().Single();
        Assert.Contains(completions.Completions, c => c.DisplayText == "myArticles");
    }
}
