using System.Text.Json;
using Microsoft.Data.Analysis;
using Summarizer.Cli.Tests.TestSupport;
using Summarizer.Interactive.Tests.TestSupport;
using Summarizer.Requests;
using Summarizer.Summarization;

namespace Summarizer.Cli.Tests.Commands;

/// <summary>
/// The command line and the notebook are two syntaxes for one request: for every method and every way of giving a
/// length, <c>summarizer summarize</c>'s JSONL and <c>#!summarize</c>'s results choose the same sentences at the same
/// offsets, and <c>summarizer entities</c> and <c>#!entity-freq</c> report the same spans, on the seed corpus and on
/// texts whose title and dateline the loader reads as metadata.
/// </summary>
[Collection(Summarizer.Cli.Tests.Notebooks.NotebookKernelCollection.Name)]
public sealed class HostAgreementTests(HostAgreementTests.Corpus corpus) : IClassFixture<HostAgreementTests.Corpus>
{
    public static TheoryData<string, string, string> Requests()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var method in SummarizerCatalog.Methods.Where(m => m.Kind == SummarizerKind.Extractive))
        {
            foreach (var (option, value) in new[] { ("--sentences", "2"), ("--ratio", "0.2"), ("--ratio", "20%"), ("--ratio", "1"), ("--words", "60") })
            {
                data.Add(method.Name, option, value);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Summarize_SameRequestInBothHosts_ChoosesTheSameSentencesAtTheSameOffsets(string method, string option, string value)
    {
        var (code, output, error) = await CliRunner.RunAsync(null, ["summarize", .. corpus.Inputs, "-f", "jsonl", "--method", method, option, value]);
        var notebook = await corpus.SummarizeAsync($"--method {method} {option} {value}");

        Assert.True(code == 0, error);
        var cli = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(corpus.Texts.Count, cli.Length);
        Assert.Equal(cli.Length, notebook.Length);
        foreach (var record in cli)
        {
            var source = record.GetProperty("source").GetString()!;
            var text = corpus.Texts[source];
            var fromNotebook = Assert.Single(notebook, r => r.Source == source);
            var sentences = record.GetProperty("sentences").EnumerateArray().ToArray();
            Assert.Equal(fromNotebook.Indices, sentences.Select(s => s.GetProperty("index").GetInt32()));
            Assert.Equal(fromNotebook.Sentences.Select(s => (s.Start, s.End)), sentences.Select(s => ((int?)s.GetProperty("start").GetInt32(), (int?)s.GetProperty("end").GetInt32())));
            Assert.Equal(fromNotebook.Text, record.GetProperty("summary").GetString());
            foreach (var s in sentences)
            {
                Assert.Equal(s.GetProperty("text").GetString(), text[s.GetProperty("start").GetInt32()..s.GetProperty("end").GetInt32()]);
            }

            Assert.All(fromNotebook.Sentences, s => Assert.Equal(s.Text, text[s.Start!.Value..s.End!.Value]));
        }
    }

    [Fact]
    public async Task Entities_SameInputsInBothHosts_ReportTheSameSpansAtTheSameOffsets()
    {
        var (code, output, error) = await CliRunner.RunAsync(null, ["entities", .. corpus.Inputs, "-f", "jsonl"]);
        var mentions = await corpus.MentionsAsync();

        Assert.True(code == 0, error);
        var cli = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(corpus.Texts.Count, cli.Length);
        var total = 0;
        foreach (var record in cli)
        {
            var id = record.GetProperty("id").GetString()!;
            var text = corpus.TextOfId(id);
            var spans = record.GetProperty("entities").EnumerateArray()
                .Select(e => (e.GetProperty("type").GetString()!, e.GetProperty("start").GetInt32(), e.GetProperty("end").GetInt32(), e.GetProperty("text").GetString()!))
                .ToArray();
            Assert.Equal(spans, mentions.Where(m => m.Id == id).Select(m => (m.Type, m.Start, m.End, m.Entity)));
            Assert.All(spans, s => Assert.Equal(s.Item4, text[s.Item2..s.Item3]));
            total += spans.Length;
        }

        Assert.True(total > 100, $"Only {total} entities over the corpus.");
    }

    /// <summary>The seeds plus texts with a title line, byline, date line and dateline, loaded once into a kernel.</summary>
    public sealed class Corpus : IAsyncLifetime
    {
        private readonly string _extra = Path.Combine(Path.GetTempPath(), "summarizer-agreement-" + Guid.NewGuid().ToString("N"));
        private KernelFixture? _kernel;
        private int _runs;

        public IReadOnlyList<string> Inputs => [Path.Combine(CliRunner.RepoRoot, "seeds"), _extra];

        /// <summary>Each input's text as the loader gave it (source → text), from the notebook's DataFrame.</summary>
        public IReadOnlyDictionary<string, string> Texts { get; private set; } = new Dictionary<string, string>();

        private IReadOnlyDictionary<string, string> _byId = new Dictionary<string, string>();

        public string TextOfId(string id) => _byId[id];

        public async Task InitializeAsync()
        {
            Directory.CreateDirectory(_extra);
            File.WriteAllText(Path.Combine(_extra, "port-strike.txt"),
                "Port strike ends after nine days\r\nBy Ana Lopes\r\n3 June 2026\r\n\r\nLISBON — Dockers in Lisbon voted on Tuesday to end a nine-day strike "
                + "that had left forty ships waiting offshore. The union said the port authority had agreed to a 6% pay rise.\r\n\r\n"
                + "Trade groups said the stoppage cost exporters about 30 million euros. Ferries to Madeira ran as normal throughout.\r\n");
            File.WriteAllText(Path.Combine(_extra, "cricket.jsonl"), JsonSerializer.Serialize(new
            {
                id = "cricket-1",
                text = "CRICKET - LEICESTERSHIRE TAKE OVER AT TOP AFTER INNINGS VICTORY .\nLONDON 1996-08-30\n"
                    + "West Indian all-rounder Phil Simmons took four for 38 on Friday as Leicestershire beat Somerset by an innings and 39 runs "
                    + "in two days to take over at the head of the county championship .\nTheir stay on top , though , may be short-lived as title "
                    + "rivals Essex , Derbyshire and Surrey all closed in on victory while Kent made up for lost time in their rain-affected match against Nottinghamshire .",
            }) + "\n");

            _kernel = await KernelFixture.CreateAsync();
            var paths = string.Join(",", Inputs);
            var load = await _kernel.SubmitAsync($"#!load-articles {paths} --name articles");
            load.Succeeded();
            var frame = _kernel.Variable<DataFrame>("articles");
            var texts = new Dictionary<string, string>(StringComparer.Ordinal);
            var byId = new Dictionary<string, string>(StringComparer.Ordinal);
            for (long row = 0; row < frame.Rows.Count; row++)
            {
                texts[(string)frame["source"][row]] = (string)frame["text"][row];
                byId[(string)frame["id"][row]] = (string)frame["text"][row];
            }

            Texts = texts;
            _byId = byId;
        }

        public async Task<SummaryResult[]> SummarizeAsync(string options)
        {
            var name = "run" + Interlocked.Increment(ref _runs);
            (await _kernel!.SubmitAsync($"#!summarize --from articles {options} --name {name}")).Succeeded();
            return _kernel.Variable<SummaryResult[]>(name + "Summaries");
        }

        public async Task<(string Id, string Entity, string Type, int Start, int End)[]> MentionsAsync()
        {
            (await _kernel!.SubmitAsync("#!entity-freq --from articles --name found")).Succeeded();
            var frame = _kernel.Variable<DataFrame>("foundMentions");
            return Enumerable.Range(0, (int)frame.Rows.Count)
                .Select(i => ((string)frame["id"][i], (string)frame["entity"][i], (string)frame["type"][i], (int)frame["start"][i], (int)frame["end"][i]))
                .ToArray();
        }

        public Task DisposeAsync()
        {
            _kernel?.Dispose();
            Directory.Delete(_extra, recursive: true);
            return Task.CompletedTask;
        }
    }
}
