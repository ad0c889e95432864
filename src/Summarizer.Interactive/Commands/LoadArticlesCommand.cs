using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Summarizer.Interactive.Rendering;
using Summarizer.Analysis;
using Summarizer.Ingestion;
using Summarizer.Tables;

namespace Summarizer.Interactive.Commands;

/// <summary>
/// <c>#!load-articles</c>: loads articles from files and globs (or the cell's own text) into a DataFrame variable.
/// </summary>
public sealed class LoadArticlesCommand : MagicCommand
{
    /// <summary>Paths, folders, globs or URLs, separated by commas or semicolons.</summary>
    public string? Paths { get; set; }

    /// <summary>The C# variable for the DataFrame. Default <c>articles</c>.</summary>
    public string? Name { get; set; }

    internal static async Task HandleAsync(LoadArticlesCommand command, KernelInvocationContext context, CSharpKernel csharp)
    {
        var name = command.Name ?? "articles";
        IReadOnlyList<Article> articles;
        IReadOnlyList<LoadFailure> failures;
        if (!string.IsNullOrWhiteSpace(command.Paths))
        {
            if (!string.IsNullOrWhiteSpace(command.Text))
            {
                throw new MagicCommandException("Give either paths or the cell's text, not both.");
            }

            var inputs = command.Paths.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var loaded = await ArticleLoader.LoadAsync(inputs, ct: context.CancellationToken).ConfigureAwait(false);
            (articles, failures) = (loaded.Articles, loaded.Failures);
        }
        else if (!string.IsNullOrWhiteSpace(command.Text))
        {
            var article = ArticleLoader.FromString(command.Text, source: "cell");
            articles = [article with { Language = LanguageDetector.Detect(article.Body) }];
            failures = [];
        }
        else
        {
            throw new MagicCommandException("Name files or globs (#!load-articles seeds/*.txt) or put an article's text on the next lines.");
        }

        if (articles.Count == 0)
        {
            throw new MagicCommandException("No article was loaded." + Environment.NewLine + string.Join(Environment.NewLine, failures.Select(f => f.Message)));
        }

        var frame = ArticleTable.ToDataFrame(articles);
        await Variables.SetAsync(csharp, name, frame, typeof(DataFrame)).ConfigureAwait(false);
        // The text is in the variable; the view keeps to what tells the articles apart.
        context.Display(new TableView(frame, name) { Shown = ["id", "title", "source", "date", "place", "language", "words", "sentences"] }, "text/html", "text/plain");
        if (failures.Count > 0)
        {
            context.Display(new FailureList(failures), "text/html", "text/plain");
        }
    }
}
