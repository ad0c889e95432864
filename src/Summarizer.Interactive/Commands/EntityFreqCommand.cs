using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Summarizer.Charts;
using Summarizer.Entities;
using Summarizer.Interactive.Sources;

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

    /// <summary>How many entities to chart. Default 20.</summary>
    public int? Top { get; set; }

    /// <summary>The C# variable for the counts DataFrame. Default <c>entities</c>.</summary>
    public string? Name { get; set; }

    internal static readonly string[] KnownTypes =
    [
        EntityTypes.Person, EntityTypes.Organization, EntityTypes.Location, EntityTypes.Misc, EntityTypes.Date,
        EntityTypes.Time, EntityTypes.Money, EntityTypes.Percent, EntityTypes.Quantity, EntityTypes.Number,
    ];

    internal IReadOnlyList<string>? TypeList =>
        Types?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.ToUpperInvariant()).ToArray();

    /// <inheritdoc />
    public override IEnumerable<string> GetValidationErrors(CompositeKernel kernel)
    {
        if (Top is < 1)
        {
            yield return $"--top must be at least 1, not {Top}.";
        }

        foreach (var type in TypeList ?? [])
        {
            if (!KnownTypes.Contains(type, StringComparer.Ordinal))
            {
                yield return $"Unknown entity type '{type}'. Known types: {string.Join(", ", KnownTypes)}.";
            }
        }
    }

    internal static async Task HandleAsync(EntityFreqCommand command, KernelInvocationContext context, CSharpKernel csharp)
    {
        var input = TextSources.Resolve(csharp, command.From, command.Text, command.Column, "#!entity-freq");
        var ids = input.Frame?.Columns.FirstOrDefault(c => c.Name.Equals("id", StringComparison.OrdinalIgnoreCase)) is { } idColumn
            ? TextSources.ColumnTexts(input.Frame, idColumn.Name, input.Variable!)
            : input.Texts.Select((_, i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var options = new EntityFrequencyOptions { Types = command.TypeList?.ToHashSet(StringComparer.Ordinal) };
        var counts = EntityFrequencies.Count(input.Texts.Select((t, i) => (ids[i], t)), options: options);
        var top = counts.Take(command.Top ?? 20).ToArray();
        var chart = ChartSpec.Single(ChartKind.HorizontalBar, "mentions",
            top.Select(c => $"{c.Entity} ({c.Type})").ToArray(), top.Select(c => (double)c.Count).ToArray()) with
        {
            Title = $"Top {top.Length} entities in {input.Variable ?? "cell text"}",
            XLabel = "Mentions",
        };
        var frame = EntityFrequencies.ToDataFrame(counts);
        await Variables.SetAsync(csharp, command.Name ?? "entities", frame, typeof(Microsoft.Data.Analysis.DataFrame)).ConfigureAwait(false);
        context.Display(chart, "text/html", "text/plain");
        context.Display(frame);
    }
}
