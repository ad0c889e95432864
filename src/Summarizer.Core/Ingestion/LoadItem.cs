namespace Summarizer.Ingestion;

/// <summary>One outcome of reading an input: an article, or a failure that says what went wrong and where.</summary>
/// <param name="Source">The file, URL, <c>stdin</c> or <c>file.jsonl:LINE</c> this item came from.</param>
public abstract record LoadItem(string Source);

/// <summary>An article read successfully.</summary>
/// <param name="Article">The article; its <see cref="Article.Source"/> equals <see cref="LoadItem.Source"/>.</param>
public sealed record LoadedArticle(Article Article) : LoadItem(Article.Source ?? "");

/// <summary>An input, or one record of it, that could not be read.</summary>
/// <param name="Source">The file, URL or record that failed.</param>
/// <param name="Message">What went wrong, naming the source (and the line and field for records).</param>
public sealed record LoadFailure(string Source, string Message) : LoadItem(Source)
{
    /// <inheritdoc />
    public override string ToString() => Message;
}

/// <summary>Everything read from a set of inputs: the good articles and every failure, each in input order.</summary>
/// <param name="Articles">Articles that loaded.</param>
/// <param name="Failures">Inputs or records that did not.</param>
public sealed record LoadResult(IReadOnlyList<Article> Articles, IReadOnlyList<LoadFailure> Failures);

/// <summary>Raised inside loaders for a bad input; turned into a <see cref="LoadFailure"/>.</summary>
internal sealed class LoadException(string message) : Exception(message);
