using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Directives;

namespace Summarizer.Interactive;

/// <summary>
/// Hosts one magic command as a kernel whose specifier directive (<c>#!summarize</c>) carries the options. A plain
/// action directive would hand the rest of the cell to the C# kernel, which would try to compile prose; a kernel
/// specifier receives it instead, as the built-in <c>#!value --name x</c> does.
/// </summary>
internal sealed class MagicCommandKernel<TCommand> : Kernel, IKernelCommandHandler<SubmitCode>
    where TCommand : MagicCommand, new()
{
    private const string HiddenDirectivePrefix = "Directive: ";
    private readonly IReadOnlyList<KernelDirectiveParameter> _parameters;
    private readonly Func<TCommand, KernelInvocationContext, Task> _handler;

    public MagicCommandKernel(string name, string description, IReadOnlyList<KernelDirectiveParameter> parameters,
        Func<TCommand, KernelInvocationContext, Task> handler)
        : base(name)
    {
        _parameters = parameters;
        _handler = handler;
        Description = description;
        KernelInfo.DisplayName = "Summarizer - " + name;
        KernelInfo.Description = description;
        RegisterCommandHandler<TCommand>(InvokeAsync);

        // A cell holding only the directive line (e.g. "#!summarize --from text") produces no SubmitCode for this
        // kernel, only the host's hidden directive command; run the magic command from that when no text follows.
        AddMiddleware(async (command, context, next) =>
        {
            await next(command, context).ConfigureAwait(false);
            if (command is not SubmitCode && command.Parent is SubmitCode root &&
                command.ToString() is { } text && text.StartsWith(HiddenDirectivePrefix + "#!" + Name, StringComparison.Ordinal))
            {
                var directiveLine = text[HiddenDirectivePrefix.Length..];
                if (!HasBody(root.Code, directiveLine))
                {
                    await RunAsync(DirectiveLine.Parse(directiveLine, ImplicitParameterName, FlagNames), null, context).ConfigureAwait(false);
                }
            }
        });
    }

    public string Description { get; }

    private HashSet<string> FlagNames => _parameters.Where(p => p.Flag).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

    private string? ImplicitParameterName => _parameters.FirstOrDefault(p => p.AllowImplicitName)?.Name;

    public override KernelSpecifierDirective KernelSpecifierDirective
    {
        get
        {
            var directive = base.KernelSpecifierDirective;
            directive.Description = Description;
            foreach (var p in _parameters)
            {
                directive.Parameters.Add(p);
            }

            return directive;
        }
    }

    Task IKernelCommandHandler<SubmitCode>.HandleAsync(SubmitCode command, KernelInvocationContext context)
    {
        var parameters = command.Parameters.ToDictionary(p => p.Key, p => DirectiveLine.Unquote(p.Value), StringComparer.Ordinal);
        return RunAsync(parameters, command.Code, context);
    }

    private Task RunAsync(IReadOnlyDictionary<string, string?> parameters, string? body, KernelInvocationContext context)
    {
        TCommand command;
        try
        {
            command = DirectiveBinder.Bind<TCommand>(parameters, _parameters.Select(p => p.Name).ToHashSet(StringComparer.Ordinal));
        }
        catch (ArgumentException e)
        {
            context.Fail(context.Command, message: e.Message);
            return Task.CompletedTask;
        }

        command.Text = string.IsNullOrWhiteSpace(body) ? null : body;
        return InvokeAsync(command, context);
    }

    private async Task InvokeAsync(TCommand command, KernelInvocationContext context)
    {
        if (command.Help)
        {
            context.DisplayAs(HelpText(), "text/markdown");
            return;
        }

        var root = ParentKernel as CompositeKernel ?? RootKernel as CompositeKernel;
        var errors = root is null ? [] : command.GetValidationErrors(root).ToArray();
        if (errors.Length > 0)
        {
            context.Fail(context.Command, message: string.Join(Environment.NewLine, errors));
            return;
        }

        try
        {
            await _handler(command, context).ConfigureAwait(false);
        }
        catch (Exception e) when (e is MagicCommandException or ArgumentException or FormatException)
        {
            // Core reports bad input with these; the message names the field or file.
            context.Fail(context.Command, message: $"#!{Name}: {e.Message}");
        }
    }

    internal string HelpText()
    {
        var help = new StringBuilder();
        help.Append(CultureInfo.InvariantCulture, $"**#!{Name}**: {Description}\n\n");
        foreach (var p in _parameters.Where(p => p.Name != "-h"))
        {
            var name = p.AllowImplicitName ? $"[{p.Name}] <value>" : p.Flag ? p.Name : $"{p.Name} <value>";
            help.Append(CultureInfo.InvariantCulture, $"- `{name}`: {p.Description}\n");
        }

        return help.ToString();
    }

    private static bool HasBody(string code, string directiveLine)
    {
        var lines = code.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var at = Array.FindIndex(lines, l => l.TrimEnd() == directiveLine.TrimEnd());
        if (at < 0)
        {
            return true;
        }

        for (var i = at + 1; i < lines.Length && !lines[i].TrimStart().StartsWith("#!", StringComparison.Ordinal); i++)
        {
            if (!string.IsNullOrWhiteSpace(lines[i]))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Base of the magic commands: the cell text after the directive line, <c>-h</c>, and the options given.</summary>
public abstract class MagicCommand : KernelDirectiveCommand
{
    /// <summary>
    /// Every option given, as text (flags with a null value), in the order written. Options shared with the command
    /// line (<see cref="Summarizer.Requests.RequestOptions"/>) are read from here by Core, so both hosts read them alike.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string?>> Options { get; set; } = [];

    /// <summary>The cell's text after the directive line; null when the cell has only the directive.</summary>
    public string? Text { get; set; }

    /// <summary>Shows the command's options instead of running it (<c>-h</c>).</summary>
    public bool Help { get; set; }
}

/// <summary>A user-facing error of a magic command (bad option value, missing variable, unreadable input).</summary>
internal sealed class MagicCommandException(string message) : Exception(message);

/// <summary>
/// Binds <c>--kebab-case</c> directive options to a command's PascalCase properties; every option, bound or not, is
/// also kept as text in <see cref="MagicCommand.Options"/>.
/// </summary>
internal static class DirectiveBinder
{
    public static T Bind<T>(IReadOnlyDictionary<string, string?> parameters, IReadOnlySet<string>? declared = null)
        where T : MagicCommand, new()
    {
        var command = new T { Options = parameters.Where(p => p.Key != "-h").ToArray() };
        foreach (var (name, value) in parameters)
        {
            var propertyName = name == "-h" ? "Help" : ToPascal(name);
            var property = typeof(T).GetProperty(propertyName, BindingFlags.Public | BindingFlags.Instance);
            if (property is null || property.Name == nameof(MagicCommand.Options))
            {
                // Declared options without a property of their own are read from Options.
                if (declared?.Contains(name) == true)
                {
                    continue;
                }

                throw new ArgumentException($"Unknown option '{name}'.");
            }

            property.SetValue(command, Convert(name, value, property.PropertyType));
        }

        return command;
    }

    private static object? Convert(string name, string? value, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(bool))
        {
            return value is null || !bool.TryParse(value, out var b) || b;
        }

        if (value is null)
        {
            return null;
        }

        if (target == typeof(string))
        {
            return value;
        }

        if (target == typeof(int))
        {
            return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i)
                ? i
                : throw new ArgumentException($"Option {name} must be a whole number, not '{value}'.");
        }

        if (target == typeof(double))
        {
            return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)
                ? d
                : throw new ArgumentException($"Option {name} must be a number, not '{value}'.");
        }

        throw new ArgumentException($"Option {name} has an unsupported type {type.Name}.");
    }

    private static string ToPascal(string option)
    {
        var parts = option.TrimStart('-').Split('-', StringSplitOptions.RemoveEmptyEntries);
        return string.Concat(parts.Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }
}

/// <summary>Reads a directive line's options the way the host's parser does (already validated by it).</summary>
internal static class DirectiveLine
{
    public static Dictionary<string, string?> Parse(string line, string? implicitName, IReadOnlySet<string> flags)
    {
        var tokens = Tokenize(line).Skip(1).ToList();
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.StartsWith('-'))
            {
                var hasValue = !flags.Contains(token) && i + 1 < tokens.Count && !tokens[i + 1].StartsWith("--", StringComparison.Ordinal);
                result[token] = hasValue ? Unquote(tokens[++i]) : null;
            }
            else if (implicitName is not null)
            {
                result[implicitName] = Unquote(token);
            }
        }

        return result;
    }

    public static string? Unquote(string? value)
    {
        if (value is { Length: >= 2 } && value[0] == '"' && value[^1] == '"')
        {
            try
            {
                return JsonSerializer.Deserialize<string>(value);
            }
            catch (JsonException)
            {
                return value[1..^1];
            }
        }

        return value;
    }

    private static IEnumerable<string> Tokenize(string line)
    {
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '\\' && i + 1 < line.Length)
            {
                current.Append(c).Append(line[++i]);
            }
            else if (c == '"')
            {
                quoted = !quoted;
                current.Append(c);
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                if (current.Length > 0)
                {
                    yield return current.ToString();
                    current.Clear();
                }
            }
            else
            {
                current.Append(c);
            }
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }
}
