using System.Collections;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.CSharp;

namespace Summarizer.Interactive.Sources;

/// <summary>Texts a magic command works on: the cell's own text, or a C# variable named by <c>--from</c>.</summary>
internal sealed record TextInput(IReadOnlyList<string> Texts, DataFrame? Frame, string? Variable, bool IsSingle);

internal static class TextSources
{
    public const string DefaultColumn = "text";

    /// <summary>Resolves the input: <paramref name="from"/> wins over <paramref name="cellText"/>.</summary>
    public static TextInput Resolve(CSharpKernel csharp, string? from, string? cellText, string? column, string directive)
    {
        if (from is null)
        {
            if (string.IsNullOrWhiteSpace(cellText))
            {
                throw new MagicCommandException(
                    $"There is no text to work on. Put the text on the lines after {directive}, or name a C# variable with --from.");
            }

            return new TextInput([cellText], null, null, true);
        }

        if (!string.IsNullOrWhiteSpace(cellText))
        {
            throw new MagicCommandException("Use either --from or the cell's text, not both.");
        }

        var value = GetVariable(csharp, from);
        switch (value)
        {
            case string s:
                return string.IsNullOrWhiteSpace(s)
                    ? throw new MagicCommandException($"The variable '{from}' is an empty string.")
                    : new TextInput([s], null, from, true);
            case DataFrame frame:
                return new TextInput(ColumnTexts(frame, column ?? DefaultColumn, from), frame, from, false);
            case IEnumerable<string> strings:
                return new TextInput(strings.Select(t => t ?? string.Empty).ToArray(), null, from, false);
            case IEnumerable items and not IDictionary:
                var texts = items.Cast<object?>().Select(o => o?.ToString() ?? string.Empty).ToArray();
                return new TextInput(texts, null, from, false);
            default:
                throw new MagicCommandException(
                    $"The variable '{from}' is a {value?.GetType().Name ?? "null"}; use a DataFrame, a string or a sequence of strings.");
        }
    }

    public static object? GetVariable(CSharpKernel csharp, string name)
    {
        if (!csharp.TryGetValue<object>(name, out var value))
        {
            throw new MagicCommandException($"There is no C# variable named '{name}'. Define it in a C# cell first.");
        }

        return value;
    }

    public static IReadOnlyList<string> ColumnTexts(DataFrame frame, string column, string variable)
    {
        var found = frame.Columns.FirstOrDefault(c => c.Name.Equals(column, StringComparison.OrdinalIgnoreCase))
            ?? throw new MagicCommandException(
                $"The DataFrame '{variable}' has no column '{column}'. Its columns: {string.Join(", ", frame.Columns.Select(c => c.Name))}. Choose one with --column.");
        var texts = new string[found.Length];
        for (long i = 0; i < found.Length; i++)
        {
            texts[i] = found[i]?.ToString() ?? string.Empty;
        }

        return texts;
    }
}
