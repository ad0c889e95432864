using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Summarizer.Analysis;
using Summarizer.Evaluation;
using Summarizer.Interactive.Rendering;
using Summarizer.Interactive.Sources;
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

    /// <summary>Comma-separated catalog methods; default every extractive method.</summary>
    public string? Methods { get; set; }

    /// <summary>Number of sentences (default 3 when no length is given).</summary>
    public int? Sentences { get; set; }

    /// <summary>Share of the sentences: <c>0.2</c> or <c>20%</c>.</summary>
    public string? Ratio { get; set; }

    /// <summary>Word budget.</summary>
    public int? Words { get; set; }

    /// <summary>A reference summary to score each method against with ROUGE-1/2/L.</summary>
    public string? Reference { get; set; }

    /// <summary>A DataFrame column holding the reference summary of <see cref="Row"/> (instead of <see cref="Reference"/>).</summary>
    public string? ReferenceColumn { get; set; }

    /// <summary>The C# variable for the comparison DataFrame. Default <c>comparison</c>.</summary>
    public string? Name { get; set; }

    internal IReadOnlyList<string> MethodNames =>
        Methods is null
            ? SummarizerCatalog.Methods.Where(m => m.Kind == SummarizerKind.Extractive).Select(m => m.Name).ToArray()
            : Methods.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <inheritdoc />
    public override IEnumerable<string> GetValidationErrors(CompositeKernel kernel)
    {
        foreach (var error in LengthOptions.Errors(Sentences, Ratio, Words))
        {
            yield return error;
        }

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

        foreach (var name in names)
        {
            if (!SummarizerCatalog.TryFind(name, out var method))
            {
                yield return $"Unknown method '{name}'. Known methods: {string.Join(", ", SummarizerCatalog.Names)}.";
            }
            else if (method.Kind != SummarizerKind.Extractive)
            {
                yield return $"'{name}' is not an extractive method; #!compare runs extractive methods only.";
            }
        }
    }

    internal static async Task HandleAsync(CompareCommand command, KernelInvocationContext context, CSharpKernel csharp)
    {
        var input = TextSources.Resolve(csharp, command.From, command.Text, command.Column, "#!compare");
        var row = command.Row ?? 0;
        if (row >= input.Texts.Count)
        {
            throw new MagicCommandException($"--row {row} is out of range: '{input.Variable}' has {input.Texts.Count} rows.");
        }

        var document = TextAnalyzer.Default.Analyze(input.Texts[row]);
        var length = LengthOptions.From(command.Sentences, command.Ratio, command.Words);
        var summaries = command.MethodNames
            .Select(name => SummarizerCatalog.Create(name).Summarize(document, length))
            .ToArray();
        var reference = command.Reference;
        if (command.ReferenceColumn is not null)
        {
            if (input.Frame is null)
            {
                throw new MagicCommandException("--reference-column needs --from a DataFrame.");
            }

            reference = TextSources.ColumnTexts(input.Frame, command.ReferenceColumn, input.Variable!)[row];
        }

        if (reference is not null && string.IsNullOrWhiteSpace(reference))
        {
            throw new MagicCommandException("The reference summary is empty.");
        }

        var scores = reference is null ? null : summaries.Select(s => Rouge.Score(s.ToText(" "), reference)).ToArray();
        var comparison = new SummaryComparison(summaries) { Scores = scores };
        var frame = new DataFrame(
            new StringDataFrameColumn("method", summaries.Select(s => s.Method)),
            new StringDataFrameColumn("summary", summaries.Select(s => s.ToText(" "))),
            new StringDataFrameColumn("sentences", summaries.Select(s => string.Join(",", s.Indices))),
            new Int32DataFrameColumn("words", summaries.Select(s => s.WordCount)),
            new DoubleDataFrameColumn("compression", summaries.Select(s => Math.Round(s.Compression, 4))));
        if (scores is not null)
        {
            frame.Columns.Add(new DoubleDataFrameColumn("rouge1", scores.Select(r => Math.Round(r.Rouge1.F, 4))));
            frame.Columns.Add(new DoubleDataFrameColumn("rouge2", scores.Select(r => Math.Round(r.Rouge2.F, 4))));
            frame.Columns.Add(new DoubleDataFrameColumn("rougeL", scores.Select(r => Math.Round(r.RougeL.F, 4))));
        }

        await Variables.SetAsync(csharp, command.Name ?? "comparison", frame, typeof(DataFrame)).ConfigureAwait(false);
        context.Display(comparison, "text/html", "text/plain");
    }
}
