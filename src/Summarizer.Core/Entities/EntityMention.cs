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
}
