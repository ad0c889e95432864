using System.Globalization;

namespace Summarizer.Summarization;

/// <summary>One tunable of a method, as <c>summarizer methods</c>, the notebook completions and the docs show it.</summary>
/// <param name="Name">Name as given to <c>--option name=value</c>, e.g. <c>damping</c>.</param>
/// <param name="Description">One line on what it does.</param>
/// <param name="DefaultValue">The default, as text.</param>
/// <param name="Accepts">What values are accepted, e.g. <c>a number between 0 and 1 (exclusive)</c>.</param>
public sealed record MethodOption(string Name, string Description, string DefaultValue, string Accepts);

/// <summary>
/// The options of one method, declared once: name, description, default, accepted range, and how a value reaches the
/// method's options record. The catalog, the CLI, the notebook completions and the method's constructor all read it,
/// so a rule is written in one place.
/// </summary>
/// <typeparam name="T">The method's options record.</typeparam>
public sealed class OptionTable<T>
    where T : class
{
    private readonly List<Field> _fields = [];

    /// <summary>Starts a table whose defaults are <paramref name="defaults"/>.</summary>
    public OptionTable(T defaults) => Defaults = defaults ?? throw new ArgumentNullException(nameof(defaults));

    /// <summary>The options record with every default.</summary>
    public T Defaults { get; }

    /// <summary>The options as shown to users.</summary>
    public IReadOnlyList<MethodOption> Options => _fields.Select(f => f.Option).ToArray();

    /// <summary>Declares a real-valued option in [<paramref name="min"/>, <paramref name="max"/>] (or open at either end).</summary>
    public OptionTable<T> Number(string name, string description, Func<T, double> get, Func<T, double, T> set,
        double min = double.NegativeInfinity, double max = double.PositiveInfinity, bool minExclusive = false, bool maxExclusive = false)
    {
        ArgumentNullException.ThrowIfNull(get);
        ArgumentNullException.ThrowIfNull(set);
        var accepts = Range("a number", min, max, minExclusive, maxExclusive);
        bool InRange(double v) => double.IsFinite(v) && (minExclusive ? v > min : v >= min) && (maxExclusive ? v < max : v <= max);
        _fields.Add(new Field(
            new MethodOption(name, description, Format(get(Defaults)), accepts),
            (options, text) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && InRange(v)
                ? (set(options, v), null)
                : (options, Problem(name, accepts, text)),
            options => InRange(get(options)) ? null : Problem(name, accepts, Format(get(options)))));
        return this;
    }

    /// <summary>Declares a whole-number option in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public OptionTable<T> Whole(string name, string description, Func<T, int> get, Func<T, int, T> set,
        int min = int.MinValue, int max = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(get);
        ArgumentNullException.ThrowIfNull(set);
        var accepts = Range("a whole number", min, max, false, false);
        _fields.Add(new Field(
            new MethodOption(name, description, get(Defaults).ToString(CultureInfo.InvariantCulture), accepts),
            (options, text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
                ? (set(options, v), null)
                : (options, Problem(name, accepts, text)),
            options => get(options) is var v && v >= min && v <= max ? null : Problem(name, accepts, get(options).ToString(CultureInfo.InvariantCulture))));
        return this;
    }

    /// <summary>Declares a true/false option.</summary>
    public OptionTable<T> Flag(string name, string description, Func<T, bool> get, Func<T, bool, T> set)
    {
        ArgumentNullException.ThrowIfNull(get);
        ArgumentNullException.ThrowIfNull(set);
        const string accepts = "true or false";
        _fields.Add(new Field(
            new MethodOption(name, description, get(Defaults) ? "true" : "false", accepts),
            (options, text) => bool.TryParse(text, out var v) ? (set(options, v), null) : (options, Problem(name, accepts, text)),
            _ => null));
        return this;
    }

    /// <summary>
    /// The options record for <paramref name="values"/> (name → value, names matched ignoring case) over the
    /// defaults, and every problem: unknown names and values out of range.
    /// </summary>
    public (T Options, IReadOnlyList<string> Problems) Bind(IReadOnlyDictionary<string, string>? values, string method)
    {
        var options = Defaults;
        var problems = new List<string>();
        foreach (var (name, value) in values ?? new Dictionary<string, string>())
        {
            var field = _fields.Find(f => f.Option.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (field is null)
            {
                var known = _fields.Count == 0 ? "none" : string.Join(", ", _fields.Select(f => f.Option.Name));
                problems.Add($"Method '{method}' has no option '{name}'. Its options: {known}.");
                continue;
            }

            var (next, problem) = field.Parse(options, (value ?? string.Empty).Trim());
            options = next;
            if (problem is not null)
            {
                problems.Add(problem);
            }
        }

        return (options, problems);
    }

    /// <summary>Every rule <paramref name="options"/> breaks, for constructors that take a record directly.</summary>
    public IReadOnlyList<string> Check(T options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return _fields.Select(f => f.Check(options)).OfType<string>().ToArray();
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first rule <paramref name="options"/> breaks.</summary>
    public void ThrowIfInvalid(T options, string paramName)
    {
        var problems = Check(options);
        if (problems.Count > 0)
        {
            throw new ArgumentException(problems[0], paramName);
        }
    }

    private static string Problem(string name, string accepts, string value) => $"Option '{name}' must be {accepts}, not '{value}'.";

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Range(string kind, double min, double max, bool minExclusive, bool maxExclusive)
    {
        var lowSet = min > double.MinValue && !double.IsNegativeInfinity(min) && min > int.MinValue;
        var highSet = max < double.MaxValue && !double.IsPositiveInfinity(max) && max < int.MaxValue;
        var lo = Format(min);
        var hi = Format(max);
        return (lowSet, highSet) switch
        {
            (true, true) when minExclusive && maxExclusive => $"{kind} between {lo} and {hi} (exclusive)",
            (true, true) when minExclusive => $"{kind} greater than {lo} and at most {hi}",
            (true, true) when maxExclusive => $"{kind} from {lo} up to (not including) {hi}",
            (true, true) => $"{kind} from {lo} to {hi}",
            (true, false) => minExclusive ? $"{kind} greater than {lo}" : $"{kind} of at least {lo}",
            (false, true) => maxExclusive ? $"{kind} less than {hi}" : $"{kind} of at most {hi}",
            _ => kind,
        };
    }

    private sealed record Field(MethodOption Option, Func<T, string, (T, string?)> Parse, Func<T, string?> Check);
}
