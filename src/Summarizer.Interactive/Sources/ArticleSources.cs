using System.Collections;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.CSharp;
using Summarizer.Analysis;
using Summarizer.Ingestion;
using Summarizer.Tables;

namespace Summarizer.Interactive.Sources;

/// <summary>
/// What a magic command works on: articles from the cell's text or from a C# variable, each either loaded or failed
/// (a DataFrame row with an empty text cell fails alone).
/// </summary>
/// <param name="Items">One item per text: the article, or why the row could not be read.</param>
/// <param name="Frame">The DataFrame the articles came from, if any.</param>
/// <param name="Variable">The variable named by <c>--from</c>, if any.</param>
/// <param name="IsSingle">True for one text (the cell's, or a string variable).</param>
internal sealed record ArticleInput(IReadOnlyList<LoadItem> Items, DataFrame? Frame, string? Variable, bool IsSingle)
{
    /// <summary>The articles that could be read.</summary>
    public IReadOnlyList<Article> Articles => Items.OfType<LoadedArticle>().Select(l => l.Article).ToArray();

    /// <summary>Where the input came from, for titles: the variable's name or "cell text".</summary>
    public string Name => Variable ?? "cell text";
}

/// <summary>
/// Turns the cell's text or a C# variable into articles the way the command line reads files: cell text and strings go
/// through the same text parser as a <c>.txt</c> file (title, byline, date and dateline), and a DataFrame's rows keep
/// their metadata (<see cref="ArticleTable.ToLoadItems"/>), so the notebook summarises the articles the loader made.
/// </summary>
internal static class ArticleSources
{
    public const string DefaultColumn = "text";

    /// <summary>Resolves the input: <paramref name="from"/> wins over <paramref name="cellText"/>.</summary>
    public static ArticleInput Resolve(CSharpKernel csharp, string? from, string? cellText, string? column, string directive)
    {
        if (from is null)
        {
            if (string.IsNullOrWhiteSpace(cellText))
            {
                throw new MagicCommandException(
                    $"There is no text to work on. Put the text on the lines after {directive}, or name a C# variable with --from.");
            }

            return new ArticleInput([FromText(cellText, "cell")], null, null, true);
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
                    : new ArticleInput([FromText(s, from)], null, from, true);
            case Article article:
                return new ArticleInput([new LoadedArticle(article)], null, from, true);
            case DataFrame frame:
                return new ArticleInput(FromFrame(frame, column ?? DefaultColumn, from), frame, from, false);
            case IEnumerable<Article> articles:
                return new ArticleInput(articles.Select(a => (LoadItem)new LoadedArticle(a)).ToArray(), null, from, false);
            case IEnumerable<string> strings:
                return new ArticleInput(strings.Select((t, i) => FromText(t, $"{from}[{i}]")).ToArray(), null, from, false);
            case IEnumerable items and not IDictionary:
                return new ArticleInput(items.Cast<object?>().Select((o, i) => FromText(o?.ToString(), $"{from}[{i}]")).ToArray(), null, from, false);
            default:
                throw new MagicCommandException(
                    $"The variable '{from}' is a {value?.GetType().Name ?? "null"}; use a DataFrame, a string, strings or articles.");
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

    /// <summary>The values of one column as text, for options that name a column (references, groups).</summary>
    public static IReadOnlyList<string> ColumnTexts(DataFrame frame, string column, string variable)
    {
        var found = FindColumn(frame, column, variable);
        var texts = new string[found.Length];
        for (long i = 0; i < found.Length; i++)
        {
            texts[i] = found[i]?.ToString() ?? string.Empty;
        }

        return texts;
    }

    private static DataFrameColumn FindColumn(DataFrame frame, string column, string variable) =>
        frame.Columns.FirstOrDefault(c => c.Name.Equals(column, StringComparison.OrdinalIgnoreCase))
        ?? throw new MagicCommandException(
            $"The DataFrame '{variable}' has no column '{column}'. Its columns: {string.Join(", ", frame.Columns.Select(c => c.Name))}. Choose one with --column.");

    private static LoadItem FromText(string? text, string source)
    {
        try
        {
            return new LoadedArticle(WithLanguage(ArticleLoader.FromString(text ?? string.Empty, source: source)));
        }
        catch (ArgumentException)
        {
            return new LoadFailure(source, $"{source}: empty, no article text");
        }
    }

    private static IReadOnlyList<LoadItem> FromFrame(DataFrame frame, string column, string variable) =>
        ArticleTable.ToLoadItems(frame, FindColumn(frame, column, variable).Name)
            .Select(i => i is LoadedArticle loaded ? new LoadedArticle(WithLanguage(loaded.Article)) : i)
            .ToArray();

    // As the loader does for files: the language a source does not state is detected.
    private static Article WithLanguage(Article article) =>
        article.Language is null ? article with { Language = LanguageDetector.Detect(article.Body) } : article;
}
