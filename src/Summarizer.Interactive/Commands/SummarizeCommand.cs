using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Summarizer.Interactive.Llm;
using Summarizer.Interactive.Rendering;
using Summarizer.Analysis;
using Summarizer.Interactive.Sources;
using Summarizer.Summarization;

namespace Summarizer.Interactive.Commands;

/// <summary>
/// <c>#!summarize</c>: summarises the cell's text, or the texts of a C# variable (<c>--from</c>), with a catalog method.
/// </summary>
public sealed class SummarizeCommand : MagicCommand
{
    /// <summary>A C# variable holding the text: a DataFrame (see <see cref="Column"/>), a string or strings.</summary>
    public string? From { get; set; }

    /// <summary>The DataFrame column with the text. Default <c>text</c>.</summary>
    public string? Column { get; set; }

    /// <summary>A catalog method name or alias; default the catalog's default.</summary>
    public string? Method { get; set; }

    /// <summary>Number of sentences (default 3 when no length is given).</summary>
    public int? Sentences { get; set; }

    /// <summary>Share of the sentences: <c>0.2</c> or <c>20%</c>.</summary>
    public string? Ratio { get; set; }

    /// <summary>Word budget.</summary>
    public int? Words { get; set; }

    /// <summary>The C# variable for the result: <c>summary</c> for one text; for a DataFrame, the DataFrame's own name.</summary>
    public string? Name { get; set; }

    /// <summary>LLM provider: <c>azure</c> or <c>openai</c>; default from <c>#!llm-config</c> or the environment.</summary>
    public string? Provider { get; set; }

    /// <summary>LLM model or Azure deployment; default from <c>#!llm-config</c> or the environment.</summary>
    public string? Model { get; set; }

    /// <summary>LLM summary style: paragraph (default), bullets, headline or tldr.</summary>
    public string? Style { get; set; }

    /// <summary>LLM target length in words (default 80; headline 15, tldr 30).</summary>
    public int? TargetWords { get; set; }

    /// <summary>Language of the LLM summary (default the article's).</summary>
    public string? OutputLanguage { get; set; }

    /// <summary>LLM sampling temperature (default 0.2).</summary>
    public double? Temperature { get; set; }

    /// <summary>LLM rows summarised at once for a DataFrame (default 4).</summary>
    public int? Concurrency { get; set; }

    /// <summary>LLM retries after a throttled or failed call (default 4).</summary>
    public int? MaxRetries { get; set; }

    /// <summary>Ask the model again instead of reusing cached answers.</summary>
    public bool NoCache { get; set; }

    /// <inheritdoc />
    public override IEnumerable<string> GetValidationErrors(CompositeKernel kernel)
    {
        foreach (var error in LengthOptions.Errors(Sentences, Ratio, Words))
        {
            yield return error;
        }

        if (Method is null)
        {
            yield break;
        }

        if (!SummarizerCatalog.TryFind(Method, out var method))
        {
            yield return $"Unknown method '{Method}'. Known methods: {string.Join(", ", SummarizerCatalog.Names)}.";
        }
        else if (method.Kind != SummarizerKind.Extractive && method != SummarizerCatalog.Llm)
        {
            yield return $"'{Method}' is not an extractive method; #!summarize runs extractive methods and llm.";
        }

        if (Style is not null && !Enum.TryParse<global::Summarizer.Llm.SummaryStyle>(Style, ignoreCase: true, out _))
        {
            yield return $"Unknown --style '{Style}'. Known styles: paragraph, bullets, headline, tldr.";
        }
    }

    internal static async Task HandleAsync(SummarizeCommand command, KernelInvocationContext context, CSharpKernel csharp, LlmSession session)
    {
        if (command.Method is not null && SummarizerCatalog.TryFind(command.Method, out var chosen) && chosen == SummarizerCatalog.Llm)
        {
            await LlmSummarizeCommand.HandleAsync(command, context, csharp, session).ConfigureAwait(false);
            return;
        }

        var input = TextSources.Resolve(csharp, command.From, command.Text, command.Column, "#!summarize");
        var summarizer = SummarizerCatalog.Create(command.Method);
        var length = LengthOptions.From(command.Sentences, command.Ratio, command.Words);

        if (input.IsSingle)
        {
            var summary = summarizer.Summarize(TextAnalyzer.Default.Analyze(input.Texts[0]), length);
            var name = command.Name ?? "summary";
            await Variables.SetAsync(csharp, name, summary, typeof(ExtractiveSummary)).ConfigureAwait(false);
            context.Display(summary, "text/html", "text/plain");
            return;
        }

        var summaries = input.Texts.Select(t => summarizer.Summarize(TextAnalyzer.Default.Analyze(t), length)).ToArray();
        var frame = input.Frame ?? new DataFrame(new StringDataFrameColumn(TextSources.DefaultColumn, input.Texts));
        SetColumn(frame, new StringDataFrameColumn("summary", summaries.Select(s => s.ToText(" "))));
        SetColumn(frame, new DoubleDataFrameColumn("compression", summaries.Select(s => Math.Round(s.Compression, 4))));
        var frameName = command.Name ?? (input.Frame is not null ? input.Variable! : "summaries");
        await Variables.SetAsync(csharp, frameName, frame, typeof(DataFrame)).ConfigureAwait(false);
        await Variables.SetAsync(csharp, frameName + "Summaries", summaries, typeof(ExtractiveSummary[])).ConfigureAwait(false);
        context.Display(DataFramePreview.Of(frame));
    }

    internal static void SetColumn(DataFrame frame, DataFrameColumn column)
    {
        var existing = frame.Columns.IndexOf(column.Name);
        if (existing >= 0)
        {
            frame.Columns[existing] = column;
        }
        else
        {
            frame.Columns.Add(column);
        }
    }
}
