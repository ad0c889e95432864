namespace Summarizer.Entities;

/// <summary>
/// A named entity or numeric expression found in a text: its surface form, type (see <see cref="EntityTypes"/>) and
/// UTF-16 offsets <c>[Start, End)</c> into the text it was found in.
/// </summary>
/// <param name="Text">The text between <paramref name="Start"/> and <paramref name="End"/>.</param>
/// <param name="Type">One of the <see cref="EntityTypes"/> names.</param>
/// <param name="Start">Offset of the first character.</param>
/// <param name="End">One past the last character.</param>
public sealed record EntityMention(string Text, string Type, int Start, int End);

/// <summary>Entity type names used in <see cref="EntityMention.Type"/>.</summary>
public static class EntityTypes
{
    /// <summary>People, real or fictional.</summary>
    public const string Person = "PERSON";

    /// <summary>Companies, agencies, institutions, teams, parties.</summary>
    public const string Organization = "ORGANIZATION";

    /// <summary>Countries, cities, regions, geographic features.</summary>
    public const string Location = "LOCATION";

    /// <summary>Other names: nationalities, events, works, products.</summary>
    public const string Misc = "MISC";

    /// <summary>Calendar dates and date expressions (rule-based).</summary>
    public const string Date = "DATE";

    /// <summary>Clock times (rule-based).</summary>
    public const string Time = "TIME";

    /// <summary>Amounts of money (rule-based).</summary>
    public const string Money = "MONEY";

    /// <summary>Percentages (rule-based).</summary>
    public const string Percent = "PERCENT";

    /// <summary>Numbers with a unit of measure (rule-based).</summary>
    public const string Quantity = "QUANTITY";

    /// <summary>Bare cardinal numbers (rule-based; only when requested).</summary>
    public const string Number = "NUMBER";

    /// <summary>Maps the short training labels (PER, ORG, LOC, MISC) to type names; other values pass through.</summary>
    public static string FromLabel(string label) => label switch
    {
        "PER" => Person,
        "ORG" => Organization,
        "LOC" => Location,
        "MISC" => Misc,
        _ => label,
    };

    /// <summary>Every type the recogniser reports, names first.</summary>
    public static IReadOnlyList<string> All { get; } = [Person, Organization, Location, Misc, Date, Time, Money, Percent, Quantity, Number];

    /// <summary>
    /// Reads a comma-separated list of types (<c>PERSON,LOCATION</c>, any case; <c>PER</c>, <c>ORG</c>, <c>LOC</c> too);
    /// null or blank means every type (null set). Unknown names are reported.
    /// </summary>
    public static (IReadOnlySet<string>? Types, IReadOnlyList<string> Problems) ParseList(string? list)
    {
        if (string.IsNullOrWhiteSpace(list))
        {
            return (null, []);
        }

        var types = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var name in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var type = FromLabel(name.ToUpperInvariant());
            if (All.Contains(type))
            {
                types.Add(type);
            }
            else
            {
                problems.Add($"Unknown entity type '{name}'. Known types: {string.Join(", ", All)}.");
            }
        }

        return (types, problems);
    }
}
