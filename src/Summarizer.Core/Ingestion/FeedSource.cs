using System.Runtime.CompilerServices;
using CodeHollow.FeedReader;
using CodeHollow.FeedReader.Feeds;

namespace Summarizer.Ingestion;

/// <summary>RSS and Atom feeds: each item becomes an article from its content (else its description), with its
/// title, link as source, publication date and author.</summary>
internal static class FeedSource
{
    public static async IAsyncEnumerable<LoadItem> ReadAsync(byte[] bytes, string source, LoadContext context,
        [EnumeratorCancellation] CancellationToken ct)
    {
        // The feed parser sees a copy checked against the markup limits, without a DTD, so it expands no entity.
        var feed = await context.RunAsync(source, token =>
        {
            var xml = MarkupLimits.CopyXml(bytes, source, context.Options, token);
            try
            {
                return FeedReader.ReadFromString(xml);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new LoadException($"{source}: not a readable RSS or Atom feed ({ex.Message})");
            }
        }, ct).ConfigureAwait(false);

        if (feed.Items.Count == 0)
        {
            throw new LoadException($"{source}: the feed has no items");
        }

        var index = 0;
        foreach (var item in feed.Items)
        {
            index++;
            var itemSource = DocumentReaders.Clean(item.Link) ?? $"{source}#{index}";
            var itemIndex = index;
            yield return await context.GuardAsync(itemSource, _ =>
            {
                var html = DocumentReaders.Clean(item.Content) ?? DocumentReaders.Clean(item.Description)
                    ?? throw new LoadException($"{itemSource}: item {itemIndex} of {source} ('{item.Title}') has no content or description");
                var parsed = ArticleTextParser.Parse(HtmlText.ToPlainText(html), detectTitle: false);
                return ArticleDraft.FromParsed(parsed) with
                {
                    Id = DocumentReaders.Clean(item.Id),
                    Title = DocumentReaders.Clean(item.Title),
                    Date = item.PublishingDate is { } d
                        ? new DateTimeOffset(DateTime.SpecifyKind(d, d.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : d.Kind))
                        : DocumentReaders.ParseDate(item.PublishingDateString),
                    Byline = DocumentReaders.Clean(item.Author) ?? DocumentReaders.Clean(Creator(item)),
                    Place = parsed.Place,
                    Language = DocumentReaders.LanguageCode(feed.Language),
                };
            }, ct).ConfigureAwait(false);
        }
    }

    // RSS 2.0 feeds usually name the author in Dublin Core's dc:creator rather than in <author>.
    private static string? Creator(FeedItem item) => item.SpecificItem switch
    {
        Rss20FeedItem rss20 => rss20.DC?.Creator,
        Rss10FeedItem rss10 => rss10.DC?.Creator,
        _ => null,
    };
}
