using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Summarizer.Charts;
using Summarizer.Interactive.Sources;

namespace Summarizer.Interactive.Commands;

/// <summary>
/// <c>#!word-freq</c>: the most frequent words or n-grams of the cell's text or of a C# variable, as a bar chart and
/// a DataFrame.
/// </summary>
public sealed class WordFreqCommand : MagicCommand
{
    /// <summary>A C# variable holding the texts: a DataFrame (see <see cref="Column"/>), a string or strings.</summary>
    public string? From { get; set; }

    /// <summary>The DataFrame column with the text. Default <c>Text</c>.</summary>
    public string? Column { get; set; }

    /// <summary>How many terms to show. Default 20.</summary>
    public int? Top { get; set; }

    /// <summary>Words per term: 1 (words, the default), 2 (bigrams), 3 ...</summary>
    public int? Ngram { get; set; }

    /// <summary>Count stems instead of word forms.</summary>
    public bool Stem { get; set; }

    /// <summary>Keep stop words (they are dropped by default).</summary>
    public bool KeepStopWords { get; set; }

    /// <summary>A DataFrame column to count per group (one series per group value).</summary>
    public string? GroupBy { get; set; }

    /// <summary>The C# variable for the counts DataFrame. Default <c>wordFreq</c>.</summary>
    public string? Name { get; set; }

    /// <inheritdoc />
    public override IEnumerable<string> GetValidationErrors(CompositeKernel kernel)
    {
        if (Top is < 1)
        {
            yield return $"--top must be at least 1, not {Top}.";
        }

        if (Ngram is < 1 or > 5)
        {
            yield return $"--ngram must be between 1 and 5, not {Ngram}.";
        }
    }

    internal static async Task HandleAsync(WordFreqCommand command, KernelInvocationContext context, CSharpKernel csharp)
    {
        var input = TextSources.Resolve(csharp, command.From, command.Text, command.Column, "#!word-freq");
        var top = command.Top ?? 20;
        var n = command.Ngram ?? 1;
        var unit = n == 1 ? "words" : n == 2 ? "bigrams" : $"{n}-grams";
        var source = input.Variable ?? "cell text";

        DataFrame frame;
        ChartSpec chart;
        if (command.GroupBy is null)
        {
            var counts = NGramCounter.Count(input.Texts, n, command.Stem, command.KeepStopWords).Take(top).ToArray();
            frame = new DataFrame(
                new StringDataFrameColumn("Term", counts.Select(c => c.Term)),
                new Int32DataFrameColumn("Count", counts.Select(c => c.Count)),
                new Int32DataFrameColumn("Documents", counts.Select(c => c.Documents)));
            chart = ChartSpec.Single(ChartKind.HorizontalBar, "Count", counts.Select(c => c.Term).ToArray(),
                counts.Select(c => (double)c.Count).ToArray()) with
            {
                Title = $"Top {counts.Length} {unit} in {source}",
                XLabel = "Count",
            };
        }
        else
        {
            if (input.Frame is null)
            {
                throw new MagicCommandException("--group-by needs --from a DataFrame.");
            }

            var groups = TextSources.ColumnTexts(input.Frame, command.GroupBy, input.Variable!);
            var byGroup = input.Texts.Select((t, i) => (Text: t, Group: groups[i]))
                .GroupBy(x => x.Group, StringComparer.Ordinal)
                .Select(g => (Group: g.Key, Counts: NGramCounter.Count(g.Select(x => x.Text), n, command.Stem, command.KeepStopWords)))
                .OrderBy(g => g.Group, StringComparer.Ordinal)
                .ToArray();
            var overall = byGroup.SelectMany(g => g.Counts).GroupBy(c => c.Term, StringComparer.Ordinal)
                .Select(g => (Term: g.Key, Count: g.Sum(c => c.Count)))
                .OrderByDescending(t => t.Count).ThenBy(t => t.Term, StringComparer.Ordinal)
                .Take(top).Select(t => t.Term).ToArray();
            var rows = byGroup.SelectMany(g => overall.Select(term =>
                (g.Group, Term: term, Count: g.Counts.FirstOrDefault(c => c.Term == term)?.Count ?? 0))).ToArray();
            frame = new DataFrame(
                new StringDataFrameColumn(command.GroupBy, rows.Select(r => r.Group)),
                new StringDataFrameColumn("Term", rows.Select(r => r.Term)),
                new Int32DataFrameColumn("Count", rows.Select(r => r.Count)));
            chart = new ChartSpec(ChartKind.HorizontalBar, byGroup.Select(g => new ChartSeries(g.Group, overall,
                overall.Select(term => (double)(g.Counts.FirstOrDefault(c => c.Term == term)?.Count ?? 0)).ToArray())).ToArray())
            {
                Title = $"Top {overall.Length} {unit} in {source} by {command.GroupBy}",
                XLabel = "Count",
            };
        }

        await Variables.SetAsync(csharp, command.Name ?? "wordFreq", frame, typeof(DataFrame)).ConfigureAwait(false);
        context.Display(chart, "text/html", "text/plain");
        context.Display(frame);
    }
}
