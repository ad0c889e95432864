using System.CommandLine;
using Summarizer.Summarization;

namespace Summarizer.Cli;

/// <summary>The mutually exclusive length options shared by commands that summarise.</summary>
internal sealed class LengthOptions
{
    public Option<int?> Sentences { get; } = new("--sentences", "-n") { Description = "Number of sentences (default 3)." };

    public Option<string?> Ratio { get; } = new("--ratio") { Description = "Share of the article's sentences, e.g. 0.2 or 20%." };

    public Option<int?> Words { get; } = new("--words") { Description = "Word budget: as many top sentences as fit." };

    public SummaryLength Resolve(ParseResult parse)
    {
        var sentences = parse.GetValue(Sentences);
        var ratio = parse.GetValue(Ratio);
        var words = parse.GetValue(Words);
        var given = (sentences is null ? 0 : 1) + (ratio is null ? 0 : 1) + (words is null ? 0 : 1);
        if (given > 1)
        {
            throw new UsageException("Use only one of --sentences, --ratio and --words.");
        }

        try
        {
            if (ratio is not null)
            {
                var r = SummaryLength.Parse(ratio.Contains('%', StringComparison.Ordinal) || ratio.Contains('.', StringComparison.Ordinal) ? ratio : ratio + "%");
                return r.Unit == SummaryLengthUnit.Ratio ? r : throw new UsageException($"--ratio '{ratio}' is not a ratio; use 0.2 or 20%.");
            }

            if (words is not null)
            {
                return SummaryLength.Words(words.Value);
            }

            return sentences is null ? SummaryLength.Default : SummaryLength.Sentences(sentences.Value);
        }
        catch (Exception ex) when (ex is ArgumentOutOfRangeException or FormatException)
        {
            throw new UsageException(ex.Message.Split(" (Parameter", 2)[0]);
        }
    }
}
