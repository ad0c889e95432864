using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Summarizer.Ingestion;
using Summarizer.Evaluation;
using Summarizer.Interactive.Rendering;
using Summarizer.Interactive.Sources;
using Summarizer.Requests;
using Summarizer.Summarization;

namespace Summarizer.Interactive.Commands;

/// <summary>
/// <c>#!compare</c>: several summarisation methods side by side on one text, scored with ROUGE when a reference
/// summary is given.
/// </summary>
public sealed class CompareCommand : MagicCommand
{
    /// <summary>A C# variable holding the text: a string, or a DataFrame/strings with <see cref="Row"/>.</summary>
    public string? From { get; set; }

    /// <summary>The DataFrame column with the text. Default <c>text</c>.</summary>
    public string? Column { get; set; }

    /// <summary>Which row of a DataFrame or sequence to use. Default 0.</summary>
    public int? Row { get; set; }

    /// <summary>Comma-separated catalog methods, or <c>all</c>; default lead, centrality, textrank, lexrank, luhn, lsa.</summary>
    public string? Methods { get; set; }

    /// <summary>A reference summary to score each method against with ROUGE-1/2/L.</summary>
    public string? Reference { get; set; }

    /// <summary>A DataFrame column holding the reference summary of <see cref="Row"/> (instead of <see cref="Reference"/>).</summary>
    public string? ReferenceColumn { get; set; }

    /// <summary>The C# variable for the comparison DataFrame. Default <c>comparison</c>.</summary>
    public string? Name { get; set; }

    /// <summary>The methods compared by default: one of each family, so the matrix stays readable.</summary>
    internal static readonly string[] DefaultMethods = ["lead", "centrality", "textrank", "lexrank", "luhn", "lsa"];

    /// <summary>The options this command declares itself; the rest belong to the request.</summary>
    internal static readonly string[] OwnOptions = ["--from", "--column", "--row", "--methods", "--reference", "--reference-column", "--name"];

    internal IReadOnlyList<string> MethodNames =>
        Methods is null
            ? DefaultMethods
            : Methods.Trim().Equals("all", StringComparison.OrdinalIgnoreCase)
                ? SummarizerCatalog.Methods.Where(m => m.Kind == SummarizerKind.Extractive).Select(m => m.Name).ToArray()
                : Methods.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // One request per method, each with the length and language given: read by Core, as summarize reads them.
    internal IReadOnlyList<(SummarizeRequest? Request, IReadOnlyList<string> Problems)> Requests()
    {
        var shared = Options.Where(o => !OwnOptions.Contains(o.Key, StringComparer.Ordinal)).ToArray();
        return MethodNames.Select(name => SummarizeRequest.TryParse(shared.Prepend(new("--method", name)))).ToArray();
    }

    /// <inheritdoc />
    public override IEnumerable<string> GetValidationErrors(CompositeKernel kernel)
    {
        if (Reference is not null && ReferenceColumn is not null)
        {
            yield return "Give either --reference or --reference-column, not both.";
        }

        if (Row is < 0)
        {
            yield return $"--row must be 0 or more, not {Row}.";
        }

        var names = MethodNames;
        if (names.Count == 0)
        {
            yield return "--methods needs at least one method, e.g. --methods lead,textrank.";
        }

        foreach (var problem in Requests().SelectMany(r => r.Problems).Distinct(StringComparer.Ordinal))
        {
            yield return problem;
        }

        foreach (var name in names)
        {
            if (SummarizerCatalog.TryFind(name, out var method) && method.Kind != SummarizerKind.Extractive)
            {
                yield return $"'{name}' is not an extractive method; #!compare runs extractive methods only.";
            }
        }
    }

    internal static async Task HandleAsync(CompareCommand command, KernelInvocationContext context, CSharpKernel csharp)
    {
        var input = ArticleSources.Resolve(csharp, command.From, command.Text, command.Column, "#!compare");
        var row = command.Row ?? 0;
        if (row >= input.Items.Count)
        {
            throw new MagicCommandException($"--row {row} is out of range: '{input.Name}' has {input.Items.Count} rows.");
        }

        var article = (input.Items[row] as LoadedArticle)?.Article
            ?? throw new MagicCommandException(((LoadFailure)input.Items[row]).Message);
        var pipelines = command.Requests().Select(r => new SummaryPipeline(r.Request!)).ToArray();
        try
        {
            // Every method reads the same analysis of the article.
            var document = pipelines[0].Analyze(article);
            var results = new List<SummaryResult>(pipelines.Length);
            foreach (var pipeline in pipelines)
            {
                results.Add(await pipeline.Method.SummarizeAsync(document, null, context.CancellationToken).ConfigureAwait(false));
            }

            var reference = command.Reference;
            if (command.ReferenceColumn is not null)
            {
                if (input.Frame is null)
                {
                    throw new MagicCommandException("--reference-column needs --from a DataFrame.");
                }

                reference = ArticleSources.ColumnTexts(input.Frame, command.ReferenceColumn, input.Name)[row];
            }

            if (reference is not null && string.IsNullOrWhiteSpace(reference))
            {
                throw new MagicCommandException("The reference summary is empty.");
            }

            var scores = reference is null ? null : results.Select(r => Rouge.Score(r.Text ?? string.Empty, reference)).ToArray();
            var comparison = new SummaryComparison(document, results) { Scores = scores };
            var frame = new DataFrame(
                new StringDataFrameColumn("method", results.Select(r => r.Method)),
                new StringDataFrameColumn("summary", results.Select(r => r.Text?.Replace('\n', ' '))),
                new StringDataFrameColumn("sentences", results.Select(r => string.Join(",", r.Indices))),
                new Int32DataFrameColumn("words", results.Select(r => r.Words)),
                new DoubleDataFrameColumn("compression", results.Select(r => Math.Round(r.Compression, 4))));
            if (scores is not null)
            {
                frame.Columns.Add(new DoubleDataFrameColumn("rouge1", scores.Select(r => Math.Round(r.Rouge1.F, 4))));
                frame.Columns.Add(new DoubleDataFrameColumn("rouge2", scores.Select(r => Math.Round(r.Rouge2.F, 4))));
                frame.Columns.Add(new DoubleDataFrameColumn("rougeL", scores.Select(r => Math.Round(r.RougeL.F, 4))));
            }

            await Variables.SetAsync(csharp, command.Name ?? "comparison", frame, typeof(DataFrame)).ConfigureAwait(false);
            context.Display(comparison, "text/html", "text/plain");
        }
        finally
        {
            foreach (var pipeline in pipelines)
            {
                pipeline.Dispose();
            }
        }
    }
}
