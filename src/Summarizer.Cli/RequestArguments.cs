using System.CommandLine;
using System.CommandLine.Completions;
using Summarizer.Requests;

namespace Summarizer.Cli;

/// <summary>
/// The summary-request options (<see cref="RequestOptions.All"/>) as command-line options. They take their values as
/// text and Core reads them, so the command line and the notebook accept and reject the same values with the same
/// messages.
/// </summary>
internal sealed class RequestArguments
{
    private readonly List<(RequestOption Request, Option Option)> _options = [];

    /// <summary>Declares the options; <paramref name="include"/> picks a subset (default: all).</summary>
    public RequestArguments(Func<RequestOption, bool>? include = null)
    {
        foreach (var request in RequestOptions.All.Where(include ?? (_ => true)))
        {
            var aliases = request.Aliases.ToArray();
            var description = request.DefaultValue is { } d ? $"{request.Description} Default: {d}." : request.Description;
            Option option = request.Kind switch
            {
                RequestOptionKind.Flag => new Option<bool>(request.Name, aliases) { Description = description },
                RequestOptionKind.List => new Option<string[]>(request.Name, aliases) { Description = description, AllowMultipleArgumentsPerToken = false },
                _ => new Option<string?>(request.Name, aliases) { Description = description },
            };
            option.CompletionSources.Add(_ => request.Completions().Select(c => new CompletionItem(c)));
            _options.Add((request, option));
        }
    }

    /// <summary>Adds every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var (_, option) in _options)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The options given on the command line, as text, in the order declared.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Values(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        foreach (var (request, option) in _options)
        {
            if (parse.GetResult(option) is not { Implicit: false })
            {
                continue;
            }

            switch (option)
            {
                case Option<bool> flag:
                    yield return new(request.Name, parse.GetValue(flag) ? null : "false");
                    break;
                case Option<string[]> list:
                    foreach (var value in parse.GetValue(list) ?? [])
                    {
                        yield return new(request.Name, value);
                    }

                    break;
                case Option<string?> single:
                    yield return new(request.Name, parse.GetValue(single));
                    break;
            }
        }
    }

    /// <summary>The request the command line asks for.</summary>
    /// <exception cref="UsageException">Every problem with the options, one per line.</exception>
    public SummarizeRequest Request(ParseResult parse)
    {
        var (request, problems) = SummarizeRequest.TryParse(Values(parse));
        return request ?? throw new UsageException(string.Join(Environment.NewLine, problems));
    }
}
