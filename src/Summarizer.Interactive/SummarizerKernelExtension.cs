using System.Net;
using System.Reflection;
using System.Text;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Directives;
using Microsoft.DotNet.Interactive.Formatting;
using Summarizer.Charts;
using Summarizer.Interactive.Commands;
using Summarizer.Interactive.Llm;
using Summarizer.Entities;
using Summarizer.Llm;
using Summarizer.Llm.Batch;
using Summarizer.Requests;
using Summarizer.Interactive.Rendering;
using Summarizer.Summarization;

namespace Summarizer.Interactive;

/// <summary>
/// Adds Summarizer's magic commands (<c>#!load-articles</c>, <c>#!summarize</c>, <c>#!compare</c>,
/// <c>#!word-freq</c>, <c>#!entity-freq</c>, <c>#!stories</c>) and formatters to a notebook kernel. The package's <c>extension.dib</c> calls
/// <see cref="LoadAsync"/>; tests call it on their own kernel.
/// </summary>
public static class SummarizerKernelExtension
{
    /// <summary>Each magic command with one example, as shown when the extension loads.</summary>
    public static IReadOnlyList<(string Command, string Description, string Example)> Commands { get; } =
    [
        ("#!load-articles", "Load articles from files, folders or globs (or the cell's text) into a DataFrame.", "#!load-articles seeds/*.txt --name articles"),
        ("#!summarize", "Summarise the cell's text, or a variable's texts with --from.", "#!summarize --from articles --method lead --sentences 2"),
        ("#!compare", "Several methods side by side on one text.", "#!compare --from articles --row 0 --methods lead"),
        ("#!word-freq", "Most frequent words or n-grams as a bar chart and a DataFrame.", "#!word-freq --from articles --top 15 --ngram 2"),
        ("#!entity-freq", "Most mentioned people, organisations and places as a bar chart and a DataFrame.", "#!entity-freq --from articles --types PERSON,LOCATION"),
        ("#!llm-config", "LLM provider, endpoint, model and key for this session (the key is asked for, masked).", "#!llm-config --provider openai --model gpt-4o-mini --api-key"),
        ("#!llm-providers", "The LLM providers: what is configured and what is missing (never a key).", "#!llm-providers"),
        ("#!stories", "Group articles into stories (copies set apart) and summarise each from all its articles.", "#!stories --from articles --min-articles 2"),
        ("#!batch-collect", "Results of a Batch API job from #!summarize --method llm --batch, as a DataFrame.", "#!batch-collect job-0123456789abcdef --wait --name results"),
    ];

    /// <summary>
    /// Registers the magic commands on <paramref name="kernel"/> (a <see cref="CompositeKernel"/> with a C# kernel,
    /// or a kernel inside one) and the formatters for summaries, comparisons and charts. Loading twice is harmless.
    /// </summary>
    public static Task LoadAsync(Kernel kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        var root = kernel as CompositeKernel ?? kernel.RootKernel as CompositeKernel
            ?? throw new InvalidOperationException("Summarizer.Interactive needs a CompositeKernel (a notebook kernel).");
        CSharpKernel? csharp = null;
        root.VisitSubkernelsAndSelf(k => csharp ??= k as CSharpKernel);
        if (csharp is null)
        {
            throw new InvalidOperationException("Summarizer.Interactive needs a C# kernel to hold its results.");
        }

        RegisterFormatters();
        if (root.FindKernelByName("summarize") is null)
        {
            // Results are declared in C# with their own types, so the C# kernel must reference their assemblies even
            // when the extension was loaded without #r (tests, hosts that load it directly).
            csharp.AddAssemblyReferences(
            [
                typeof(SummaryResult).Assembly.Location,
                typeof(Microsoft.Data.Analysis.DataFrame).Assembly.Location,
                typeof(SummarizerKernelExtension).Assembly.Location,
            ]);
            AddKernels(root, csharp);
        }

        KernelInvocationContext.Current?.Display(new LoadedCard(Version), "text/html", "text/plain");
        return Task.CompletedTask;
    }

    internal static void RegisterFormatters()
    {
        Formatter.Register<SummaryResult>((s, w) => w.Write(SummaryCard.ToHtml(s)), "text/html");
        Formatter.Register<SummaryResult>((s, w) => w.Write(SummaryCard.ToPlainText(s)), "text/plain");
        Formatter.Register<LlmStreamingView>((v, w) => w.Write(SummaryCard.ToHtml(v)), "text/html");
        Formatter.Register<LlmStreamingView>((v, w) => w.Write(SummaryCard.ToPlainText(v)), "text/plain");
        Formatter.Register<SummaryComparison>((c, w) => w.Write(c.ToHtml()), "text/html");
        Formatter.Register<SummaryComparison>((c, w) => w.Write(c.ToPlainText()), "text/plain");
        Formatter.Register<ChartSpec>((c, w) => w.Write(ChartOutput.ToHtml(c)), "text/html");
        Formatter.Register<ChartSpec>((c, w) => w.Write(SvgChart.ToSvg(c)), "image/svg+xml");
        Formatter.Register<TableView>((t, w) => w.Write(t.ToHtml()), "text/html");
        Formatter.Register<TableView>((t, w) => w.Write(t.ToPlainText()), "text/plain");
        Formatter.Register<FailureList>((f, w) => w.Write(f.ToHtml()), "text/html");
        Formatter.Register<FailureList>((f, w) => w.Write(f.ToPlainText()), "text/plain");
        Formatter.Register<LoadedCard>((c, w) => w.Write(c.ToHtml()), "text/html");
        Formatter.Register<LoadedCard>((c, w) => w.Write(c.ToPlainText()), "text/plain");
        Formatter.Register<StoryCards>((c, w) => w.Write(c.ToHtml()), "text/html");
        Formatter.Register<StoryCards>((c, w) => w.Write(c.ToPlainText()), "text/plain");

        // display(x) in a cell then writes every rendering, so viewers without scripts (or without HTML) still show it.
        foreach (var type in new[] { typeof(SummaryResult), typeof(LlmStreamingView), typeof(SummaryComparison), typeof(TableView), typeof(FailureList), typeof(LoadedCard), typeof(ProviderTable), typeof(StoryCards) })
        Formatter.Register<BatchJobStatus>((j, w) => w.Write(BatchJobView.ToHtml(j)), "text/html");
        Formatter.Register<BatchJobStatus>((j, w) => w.Write(BatchJobView.ToPlainText(j)), "text/plain");

        // display(x) in a cell then writes every rendering, so viewers without scripts (or without HTML) still show it.
        foreach (var type in new[] { typeof(SummaryResult), typeof(LlmStreamingView), typeof(SummaryComparison), typeof(TableView), typeof(FailureList), typeof(LoadedCard), typeof(ProviderTable), typeof(BatchJobStatus) })
        {
            Formatter.SetPreferredMimeTypesFor(type, "text/html", "text/plain");
        }

        Formatter.SetPreferredMimeTypesFor(typeof(ChartSpec), "text/html", "image/svg+xml", "text/plain");
        Formatter.Register<ChartSpec>((c, w) => w.Write(ChartOutput.ToPlainText(c)), "text/plain");
        Formatter.Register<ProviderTable>((t, w) => w.Write(LlmProvidersCommand.ToHtml(t.Providers)), "text/html");
        Formatter.Register<ProviderTable>((t, w) => w.Write(LlmProvidersCommand.ToPlainText(t.Providers)), "text/plain");
    }

    /// <summary>The request options (<see cref="RequestOptions"/>) as directive parameters, with their completions.</summary>
    internal static IEnumerable<KernelDirectiveParameter> RequestParameters(Func<RequestOption, bool> include) =>
        RequestOptions.All.Where(include).Select(o =>
        {
            var description = o.DefaultValue is { } d ? $"{o.Description} Default: {d}." : o.Description;
            var parameter = new KernelDirectiveParameter(o.Name, description) { Flag = o.Kind == RequestOptionKind.Flag };
            return o.Completions().Any() ? parameter.AddCompletions(() => o.Completions()) : parameter;
        });

    private static void AddKernels(CompositeKernel root, CSharpKernel csharp)
    {
        var session = new LlmSession();
        KernelDirectiveParameter From() =>
            new KernelDirectiveParameter("--from", "A C# variable with the text: a DataFrame, a string or strings.")
                .AddCompletions(() => VariableNames(csharp));
        KernelDirectiveParameter Column() => new("--column", "The DataFrame column with the text (default text).");
        KernelDirectiveParameter Help() => new("-h", "Show the options.") { Flag = true };
        KernelDirectiveParameter Name(string fallback) => new("--name", $"The C# variable for the result (default {fallback}).");
        KernelDirectiveParameter JobsDir() => new("--jobs-dir", "Folder of Batch API jobs (default ~/.cache/summarizer/batches).");
        KernelDirectiveParameter[] Length() => RequestParameters(o => RequestOptions.Length.Contains(o) || o.Key == "language").ToArray();
        KernelDirectiveParameter KeepDuplicates() =>
            new("--keep-duplicates", "Count copies too (by default an article that repeats another, exactly or re-edited, counts once).") { Flag = true };

        root.Add(new MagicCommandKernel<LoadArticlesCommand>(
            "load-articles", Commands[0].Description,
            [
                new KernelDirectiveParameter("--paths", "Files, folders or globs, separated by commas.") { AllowImplicitName = true, TypeHint = "file" },
                Name("articles"), Help(),
            ],
            (c, ctx) => LoadArticlesCommand.HandleAsync(c, ctx, csharp)));

        root.Add(new MagicCommandKernel<SummarizeCommand>(
            "summarize", Commands[1].Description,
            [
                From(), Column(), Name("summary, or the DataFrame's name; batchJob with --batch"), .. RequestParameters(_ => true),
                new KernelDirectiveParameter("--batch", "Submit to the provider's Batch API (--method llm); collect with #!batch-collect.") { Flag = true },
                JobsDir(), Help(),
            ],
            (c, ctx) => SummarizeCommand.HandleAsync(c, ctx, csharp, session)));

        root.Add(new MagicCommandKernel<CompareCommand>(
            "compare", Commands[2].Description,
            [
                From(), Column(),
                new KernelDirectiveParameter("--row", "Which row of a DataFrame or sequence (default 0)."),
                new KernelDirectiveParameter("--methods", $"Comma-separated methods, or all (default {string.Join(",", CompareCommand.DefaultMethods)}).")
                    .AddCompletions(() => SummarizerCatalog.Methods.Where(m => m.Kind == SummarizerKind.Extractive).Select(m => m.Name).Append("all")),
                new KernelDirectiveParameter("--reference", "A reference summary: adds ROUGE-1/2/L scores."),
                new KernelDirectiveParameter("--reference-column", "A DataFrame column with the reference summary."),
                .. Length(), Name("comparison"), Help(),
            ],
            (c, ctx) => CompareCommand.HandleAsync(c, ctx, csharp)));

        root.Add(new MagicCommandKernel<WordFreqCommand>(
            "word-freq", Commands[3].Description,
            [
                From(), Column(),
                new KernelDirectiveParameter("--top", "How many terms (default 20)."),
                new KernelDirectiveParameter("--ngram", "Words per term: 1, 2 or 3 (default 1).").AddCompletions(() => ["1", "2", "3"]),
                new KernelDirectiveParameter("--stem", "Count stems, not word forms.") { Flag = true },
                new KernelDirectiveParameter("--keep-stop-words", "Keep stop words.") { Flag = true },
                new KernelDirectiveParameter("--group-by", "A DataFrame column: one series per value."),
                KeepDuplicates(),
                Name("wordFreq"), Help(),
            ],
            (c, ctx) => WordFreqCommand.HandleAsync(c, ctx, csharp)));

        root.Add(new MagicCommandKernel<EntityFreqCommand>(
            "entity-freq", Commands[4].Description,
            [
                From(), Column(),
                new KernelDirectiveParameter("--types", "Comma-separated entity types (default all).")
                    .AddCompletions(() => EntityTypes.All),
                new KernelDirectiveParameter("--top", "How many entities to chart (default 20)."),
                KeepDuplicates(), Name("entities"), Help(),
            ],
            (c, ctx) => EntityFreqCommand.HandleAsync(c, ctx, csharp)));

        root.Add(new MagicCommandKernel<LlmConfigCommand>(
            "llm-config", Commands[5].Description,
            [
                new KernelDirectiveParameter("--provider", "azure or openai.").AddCompletions(() => LlmProviders.Names),
                new KernelDirectiveParameter("--endpoint", "Azure resource endpoint, or the OpenAI-compatible base URL including /v1."),
                new KernelDirectiveParameter("--model", "Model, or deployment for Azure."),
                new KernelDirectiveParameter("--api-key", "Ask for the API key with a masked prompt."),
                Help(),
            ],
            (c, ctx) => LlmConfigCommand.HandleAsync(c, ctx, session)));

        root.Add(new MagicCommandKernel<LlmProvidersCommand>(
            "llm-providers", Commands[6].Description, [Help()],
            (_, ctx) => LlmProvidersCommand.HandleAsync(ctx, session)));

        root.Add(new MagicCommandKernel<StoriesCommand>(
            "stories", Commands[7].Description,
            [
                From(), Column(),
                new KernelDirectiveParameter("--threshold", "Average similarity at which groups of articles merge into one story (default 0.25); higher gives more, tighter stories."),
                new KernelDirectiveParameter("--min-articles", "Only stories with at least this many distinct articles (default 1)."),
                new KernelDirectiveParameter("--top", "How many story cards to show (default 10)."),
                .. RequestParameters(_ => true), Name("stories"), Help(),
            ],
            (c, ctx) => StoriesCommand.HandleAsync(c, ctx, csharp, session)));
        root.Add(new MagicCommandKernel<BatchCollectCommand>(
            "batch-collect", Commands[8].Description,
            [
                new KernelDirectiveParameter("--id", "The job id #!summarize --batch showed.") { AllowImplicitName = true },
                new KernelDirectiveParameter("--wait", "Poll until every batch has ended, then collect.") { Flag = true },
                new KernelDirectiveParameter("--poll", "Seconds between status checks with --wait (default 60)."),
                JobsDir(), Name("batchResults"), Help(),
            ],
            (c, ctx) => BatchCollectCommand.HandleAsync(c, ctx, csharp, session)));
    }

    private static IEnumerable<string> VariableNames(CSharpKernel csharp) =>
        csharp.ScriptState?.Variables.Select(v => v.Name).Distinct(StringComparer.Ordinal).ToArray() ?? [];

    /// <summary>The version of this extension, as its package is versioned (shown when it loads).</summary>
    public static string Version { get; } =
        typeof(SummarizerKernelExtension).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(SummarizerKernelExtension).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>What loading shows: the version and each command with an example.</summary>
    /// <param name="Version">The extension's version.</param>
    internal sealed record LoadedCard(string Version)
    {
        public string ToHtml()
        {
            var html = new StringBuilder("<div class=\"summarizer-loaded\"><strong>Summarizer ").Append(WebUtility.HtmlEncode(Version))
                .Append("</strong>: magic commands are ready (<code>-h</code> after any of them lists its options):<table>");
            foreach (var (command, description, example) in Commands)
            {
                html.Append("<tr><td><code>").Append(WebUtility.HtmlEncode(command)).Append("</code></td><td>")
                    .Append(WebUtility.HtmlEncode(description)).Append("</td><td><code>")
                    .Append(WebUtility.HtmlEncode(example)).Append("</code></td></tr>");
            }

            return html.Append("</table></div>").ToString();
        }

        public string ToPlainText() =>
            $"Summarizer {Version}: magic commands are ready (-h after any of them lists its options):\n"
            + string.Concat(Commands.Select(c => $"  {c.Command,-16} {c.Description}\n"));
    }
}
