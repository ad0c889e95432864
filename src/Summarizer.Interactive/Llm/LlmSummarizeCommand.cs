using System.Diagnostics;
using System.Text;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Summarizer.Analysis;
using Summarizer.Ingestion;
using Summarizer.Interactive.Commands;
using Summarizer.Interactive.Rendering;
using Summarizer.Interactive.Sources;
using Summarizer.Llm;

namespace Summarizer.Interactive.Llm;

/// <summary><c>#!summarize --method llm</c>: streams one summary into an updating card, or summarises a DataFrame's rows.</summary>
internal static class LlmSummarizeCommand
{
    // Redrawing on every streamed piece would flood the front end.
    private static readonly TimeSpan UpdateInterval = TimeSpan.FromMilliseconds(100);

    public static async Task HandleAsync(SummarizeCommand command, KernelInvocationContext context, CSharpKernel csharp, LlmSession session)
    {
        var input = TextSources.Resolve(csharp, command.From, command.Text, command.Column, "#!summarize");
        var config = session.Resolve(command.Provider, command.Model);
        var options = Options(command, config.Model);
        var provider = LlmSession.Name(config.Provider);
        using var client = LlmProviders.CreateChatClient(config);
        var summarizer = new LlmSummarizer(client, options);
        try
        {
            if (input.IsSingle)
            {
                await SummarizeOneAsync(command, context, csharp, summarizer, input.Texts[0], provider).ConfigureAwait(false);
            }
            else
            {
                await SummarizeManyAsync(command, context, csharp, summarizer, input).ConfigureAwait(false);
            }
        }
        catch (LlmRequestException e)
        {
            throw new MagicCommandException(e.Message);
        }
    }

    private static LlmOptions Options(SummarizeCommand command, string? model)
    {
        var options = new LlmOptions
        {
            Model = model,
            Style = command.Style is null ? SummaryStyle.Paragraph : Enum.Parse<SummaryStyle>(command.Style, ignoreCase: true),
            TargetWords = command.TargetWords,
            Language = command.OutputLanguage,
            UseCache = !command.NoCache,
        };
        if (command.Temperature is { } temperature)
        {
            options = options with { Temperature = (float)temperature };
        }

        if (command.Concurrency is { } concurrency)
        {
            options = options with { MaxConcurrency = concurrency };
        }

        if (command.MaxRetries is { } retries)
        {
            options = options with { MaxRetries = retries };
        }

        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new MagicCommandException(e.Message.Split(" (Parameter", 2)[0]);
        }

        return options;
    }

    private static async Task SummarizeOneAsync(SummarizeCommand command, KernelInvocationContext context, CSharpKernel csharp,
        LlmSummarizer summarizer, string text, string provider)
    {
        var document = TextAnalyzer.Default.Analyze(text);
        var received = new StringBuilder();
        Stopwatch? lastUpdate = null;
        var displayed = KernelInvocationContextExtensions.Display(context, new LlmStreamingView(string.Empty, provider, summarizer.Model), "text/html", "text/plain");
        var summary = await summarizer.SummarizeAsync(document, piece =>
        {
            received.Append(piece);
            if (lastUpdate is null || lastUpdate.Elapsed >= UpdateInterval)
            {
                lastUpdate = Stopwatch.StartNew();
                displayed.Update(new LlmStreamingView(received.ToString(), provider, summarizer.Model));
            }
        }, context.CancellationToken).ConfigureAwait(false);
        displayed.Update(new LlmSummaryView(summary, provider));
        await Variables.SetAsync(csharp, command.Name ?? "summary", summary, typeof(LlmSummary)).ConfigureAwait(false);
    }

    private static async Task SummarizeManyAsync(SummarizeCommand command, KernelInvocationContext context, CSharpKernel csharp,
        LlmSummarizer summarizer, TextInput input)
    {
        var articles = input.Texts.Select((t, i) => new Article((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), t)).ToArray();
        var summaries = new string?[articles.Length];
        var errors = new string?[articles.Length];
        var results = new LlmSummary?[articles.Length];
        var displayed = KernelInvocationContextExtensions.Display(context, $"Summarising {articles.Length} texts with {summarizer.Model}...", "text/plain");
        await foreach (var row in summarizer.SummarizeBatchAsync(articles, null, context.CancellationToken).ConfigureAwait(false))
        {
            summaries[row.Index] = row.Summary?.Text.Trim();
            errors[row.Index] = row.Error;
            results[row.Index] = row.Summary;
        }

        var failed = errors.Count(e => e is not null);
        displayed.Update($"Summarised {articles.Length - failed} of {articles.Length} texts with {summarizer.Model}; {failed} failed.");
        var frame = input.Frame ?? new DataFrame(new StringDataFrameColumn(TextSources.DefaultColumn, input.Texts));
        SummarizeCommand.SetColumn(frame, new StringDataFrameColumn("summary", summaries));
        SummarizeCommand.SetColumn(frame, new StringDataFrameColumn("error", errors));
        var frameName = command.Name ?? (input.Frame is not null ? input.Variable! : "summaries");
        await Variables.SetAsync(csharp, frameName, frame, typeof(DataFrame)).ConfigureAwait(false);
        await Variables.SetAsync(csharp, frameName + "Summaries", results, typeof(LlmSummary?[])).ConfigureAwait(false);
        context.Display(DataFramePreview.Of(frame));
    }
}
