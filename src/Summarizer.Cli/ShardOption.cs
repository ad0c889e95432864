using System.CommandLine;
using Summarizer.Sharding;

namespace Summarizer.Cli;

/// <summary><c>--shard K/N</c>: run on one shard of the inputs (see <see cref="Shard"/>); 'summarizer merge' joins the outputs.</summary>
internal sealed class ShardOption(string description = ShardOption.ByArticle)
{
    private const string ByArticle = "Only shard K of N (K from 0 to N-1, e.g. 0/4): a stable split by article id (by source for inputs that fail to load), "
        + "so N runs together write exactly the rows of one run; 'summarizer merge' joins their outputs.";

    public Option<string?> Option { get; } = new("--shard") { Description = description };

    public void AddTo(Command command) => command.Options.Add(Option);

    /// <summary>The shard asked for; <see cref="Shard.All"/> without the option.</summary>
    /// <exception cref="UsageException">The value is not K/N.</exception>
    public Shard Get(ParseResult parse)
    {
        if (parse.GetValue(Option) is not { } text)
        {
            return Shard.All;
        }

        var (shard, problem) = Shard.TryParse(text);
        return shard ?? throw new UsageException(problem!);
    }
}
