using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Summarizer.Charts;
using Summarizer.Entities;
using Summarizer.Interactive.Rendering;
using Summarizer.Interactive.Sources;
using Summarizer.Stories;

namespace Summarizer.Interactive.Commands;

/// <summary>
/// <c>#!entity-freq</c>: the most mentioned people, organisations and places in the cell's text or a C# variable, as
/// a bar chart and a DataFrame.
/// </summary>
public sealed class EntityFreqCommand : MagicCommand
{
    /// <summary>A C# variable holding the texts: a DataFrame (see <see cref="Column"/>), a string or strings.</summary>
    public string? From { get; set; }

    /// <summary>The DataFrame column with the text. Default <c>text</c>.</summary>
    public string? Column { get; set; }

    /// <summary>Comma-separated entity types to keep (PERSON, ORGANIZATION, LOCATION, MISC, DATE, ...); default all.</summary>
    public string? Types { get; set; }

    /// <summary>How many entities to chart and list. Default 20.</summary>
    public int? Top { get; set; }

    /// <summary>Count copies too: by default an article that repeats another (exactly or re-edited) is counted once.</summary>
    public bool KeepDuplicates { get; set; }

    /// <summary>The C# variable for the counts DataFrame. Default <c>entities</c>.</summary>
    public string? Name { get; set; }

    internal IReadOnlySet<string>? TypeSet => EntityTypes.ParseList(Types).Types;

    /// <inheritdoc />
    public override IEnumerable<string> GetValidationErrors(CompositeKernel kernel)
    {
        if (Top is < 1)
        {
            yield return $"--top must be at least 1, not {Top}.";
        }

        foreach (var problem in EntityTypes.ParseList(Types).Problems)
        {
            yield return problem;
        }
    }

    internal static async Task HandleAsync(EntityFreqCommand command, KernelInvocationContext context, CSharpKernel csharp)
    {
        var input = ArticleSources.Resolve(csharp, command.From, command.Text, command.Column, "#!entity-freq");
        var articles = input.Articles;
        var skipped = 0;
        if (!command.KeepDuplicates)
        {
            // Copies are left out before recognition, so they add neither counts nor mentions.
            var duplicates = DuplicateDetector.Find(articles);
            skipped = duplicates.Duplicates.Count;
            articles = duplicates.KeptArticles;
        }

        var options = new EntityFrequencyOptions { Types = command.TypeSet?.ToArray() };
        // Offsets index each article's text as given, as the command line's entities command reports them.
        var recognized = articles.AsParallel().AsOrdered().Select(a => (a.Id, a.Text, Mentions: EntityRecognizer.Default.Recognize(a.Text))).ToArray();
        var counts = EntityFrequencies.Count(recognized, options);
        var wanted = command.TypeSet;
        var mentions = recognized.SelectMany(r => r.Mentions.Where(m => wanted is null || wanted.Contains(m.Type)).Select(m => (r.Id, m))).ToArray();
        var mentionFrame = new DataFrame(
            new StringDataFrameColumn("id", mentions.Select(x => x.Id)),
            new StringDataFrameColumn("entity", mentions.Select(x => x.m.Text)),
            new StringDataFrameColumn("type", mentions.Select(x => x.m.Type)),
            new Int32DataFrameColumn("start", mentions.Select(x => x.m.Start)),
            new Int32DataFrameColumn("end", mentions.Select(x => x.m.End)));
        var top = counts.Take(command.Top ?? 20).ToArray();
        var chart = ChartSpec.Single(ChartKind.HorizontalBar, "mentions",
            top.Select(c => $"{c.Entity} ({c.Type})").ToArray(), top.Select(c => (double)c.Count).ToArray()) with
        {
            Title = $"Top {top.Length} entities in {input.Name}" + WordFreqCommand.Copies(skipped),
            XLabel = "Mentions",
        };
        var frame = EntityFrequencies.ToDataFrame(top);
        var name = command.Name ?? "entities";
        await Variables.SetAsync(csharp, name, frame, typeof(DataFrame)).ConfigureAwait(false);
        await Variables.SetAsync(csharp, name + "Mentions", mentionFrame, typeof(DataFrame)).ConfigureAwait(false);
        context.Display(chart, "text/html", "image/svg+xml", "text/plain");
        context.Display(new TableView(frame, name), "text/html", "text/plain");
    }
}
