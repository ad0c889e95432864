using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Summarizer.Analysis;
using Summarizer.Charts;
using Summarizer.Frequencies;
using Summarizer.Ingestion;
using Summarizer.Interactive.Rendering;
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

    /// <summary>The DataFrame column with the text. Default <c>text</c>.</summary>
    public string? Column { get; set; }

    /// <summary>How many terms to show. Default 20.</summary>
    public int? Top { get; set; }

    /// <summary>Words per term: 1 (words, the default), 2 (bigrams), 3 ...</summary>
    public int? Ngram { get; set; }

    /// <summary>Count stems instead of word forms.</summary>
    public bool Stem { get; set; }

    /// <summary>Keep stop words (they are dropped by default).</summary>
    public bool KeepStopWords { get; set; }

    /// <summary>Count copies too: by default an article that repeats another (exactly or re-edited) is counted once.</summary>
    public bool KeepDuplicates { get; set; }

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

        if (Ngram is < 1 or > 3)
        {
            yield return $"--ngram must be 1, 2 or 3, not {Ngram}.";
        }
    }

    internal static async Task HandleAsync(WordFreqCommand command, KernelInvocationContext context, CSharpKernel csharp)
    {
        var input = ArticleSources.Resolve(csharp, command.From, command.Text, command.Column, "#!word-freq");
        var top = command.Top ?? 20;
        var n = command.Ngram ?? 1;
        var unit = n == 1 ? "words" : n == 2 ? "bigrams" : $"{n}-grams";
        var source = input.Name;

        // Each article is analysed in its own language, so its own stop words are left out.
        var options = new FrequencyOptions
        {
            N = n, Stem = command.Stem, RemoveStopWords = !command.KeepStopWords, Top = top, SkipDuplicates = !command.KeepDuplicates,
        };
        var rows = input.Items.Select((item, i) => (Item: item, Row: i)).Where(x => x.Item is LoadedArticle).ToArray();
        var documents = rows.AsParallel().AsOrdered().Select(x => TextAnalyzer.Default.Analyze(((LoadedArticle)x.Item).Article)).ToArray();
        FrequencyTable table;
        if (command.GroupBy is null)
        {
            table = FrequencyCounter.Count(documents, options);
        }
        else
        {
            if (input.Frame is null)
            {
                throw new MagicCommandException("--group-by needs --from a DataFrame.");
            }

            var groups = ArticleSources.ColumnTexts(input.Frame, command.GroupBy, input.Name);
            var groupOf = new Dictionary<Document, string>(ReferenceEqualityComparer.Instance);
            for (var i = 0; i < documents.Length; i++)
            {
                groupOf[documents[i]] = groups[rows[i].Row];
            }

            table = FrequencyCounter.Count(documents, options, d => groupOf[d]);
        }

        var title = $"Top {top} {unit} in {source}" + (command.GroupBy is null ? "" : $" by {command.GroupBy}") + Copies(table.SkippedDuplicates);
        var chart = ToChart(table) with { Title = title, XLabel = "Count" };
        var frame = table.ToDataFrame();
        await Variables.SetAsync(csharp, command.Name ?? "wordFreq", frame, typeof(DataFrame)).ConfigureAwait(false);
        context.Display(chart, "text/html", "image/svg+xml", "text/plain");
        context.Display(new TableView(frame, command.Name ?? "wordFreq"), "text/html", "text/plain");
    }

    /// <summary>The note on a chart of how many copies were left out, empty when none were.</summary>
    internal static string Copies(int skipped) => skipped switch
    {
        0 => "",
        1 => " (1 copy not counted)",
        _ => $" ({skipped} copies not counted)",
    };

    private static ChartSpec ToChart(FrequencyTable table)
    {
        if (!table.IsGrouped)
        {
            return ChartSpec.Single(ChartKind.HorizontalBar, "count", table.Rows.Select(r => r.Term).ToArray(),
                table.Rows.Select(r => (double)r.Count).ToArray());
        }

        // Each group's top terms, on one shared axis ordered by total count; a term outside a group's top shows 0.
        var terms = table.Rows.GroupBy(r => r.Term, StringComparer.Ordinal)
            .OrderByDescending(g => g.Sum(r => r.Count)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).ToArray();
        var series = table.Rows.GroupBy(r => r.Group ?? "(none)", StringComparer.Ordinal)
            .Select(g =>
            {
                var counts = g.ToDictionary(r => r.Term, r => r.Count, StringComparer.Ordinal);
                return new ChartSeries(g.Key, terms, terms.Select(t => (double)counts.GetValueOrDefault(t)).ToArray());
            })
            .ToArray();
        return new ChartSpec(ChartKind.HorizontalBar, series);
    }
}
