using Microsoft.Data.Analysis;
using Summarizer.Interactive.Tests.TestSupport;

namespace Summarizer.Interactive.Tests.Commands;

public sealed class EntityFreqCommandTests : KernelTest
{
    [Fact]
    public async Task EntityFreq_SeedArticle_ChartsPeopleAndSetsFrame()
    {
        var result = await Kernel.SubmitAsync("#!entity-freq --types PERSON --top 5\n" + Seeds.Read("geneva-talks.txt"));

        result.Succeeded();
        var frame = Kernel.Variable<DataFrame>("entities");
        var names = frame.Columns["entity"].Cast<string>().ToArray();
        Assert.Contains(names, n => n.Contains("Blinken", StringComparison.Ordinal));
        Assert.All(frame.Columns["type"].Cast<string>(), t => Assert.Equal("PERSON", t));
        var chart = result.SingleValue("text/html", v => v.Contains("summarizer-chart", StringComparison.Ordinal));
        Assert.Contains("Blinken", chart, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EntityFreq_FromDataFrame_CountsArticlesPerEntity()
    {
        (await Kernel.SubmitAsync("""
            using Microsoft.Data.Analysis;
            var news = new DataFrame(
                new StringDataFrameColumn("id", new[] { "a", "b" }),
                new StringDataFrameColumn("text", new[] { "Antony Blinken met Sergei Lavrov in Geneva.", "Mr Blinken later flew to Berlin." }));
            """)).Succeeded();

        (await Kernel.SubmitAsync("#!entity-freq --from news --name people --types PERSON")).Succeeded();

        var frame = Kernel.Variable<DataFrame>("people");
        var row = Enumerable.Range(0, (int)frame.Rows.Count).Single(i => ((string)frame.Columns["entity"][i]).Contains("Blinken", StringComparison.Ordinal));
        Assert.Equal(2, frame.Columns["articles"][row]);
    }

    [Fact]
    public async Task EntityFreq_UnknownType_FailsListingKnownTypes()
    {
        var message = (await Kernel.SubmitAsync("#!entity-freq --types PEOPLE\nSome text.")).Failed();

        Assert.Contains("Unknown entity type 'PEOPLE'", message, StringComparison.Ordinal);
        Assert.Contains("PERSON", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EntityFreq_Top_LimitsTheChartAndTheTable()
    {
        (await Kernel.SubmitAsync("#!load-articles " + Seeds.Root)).Succeeded();

        var result = await Kernel.SubmitAsync("#!entity-freq --from articles --top 5");

        result.Succeeded();
        Assert.Equal(5, Kernel.Variable<DataFrame>("entities").Rows.Count);
        Assert.True(Kernel.Variable<DataFrame>("entitiesMentions").Rows.Count > 50);
        var svg = result.SingleValue("image/svg+xml", v => v.StartsWith("<svg", StringComparison.Ordinal));
        Assert.Equal(5, System.Text.RegularExpressions.Regex.Matches(svg, "<rect x=").Count);
    }
}
