using System.IO.Compression;
using System.Text;

namespace Summarizer.Core.Tests.Ingestion;

/// <summary>Builders for hostile inputs that are small on disk and large (or slow) once read.</summary>
internal static class HostileFiles
{
    public const string GoodArticle =
        "Council passes budget\n\nThe city council approved a new budget on Monday after a long debate. "
        + "Members said the plan would fund schools and roads. The mayor promised quick action.\n";

    private const string Paragraph =
        "<w:p><w:r><w:t>The council approved the budget on Monday after a long debate about schools.</w:t></w:r></w:p>";

    /// <summary>A Word file whose <c>word/document.xml</c> unpacks to about <paramref name="documentBytes"/> bytes of
    /// repeated paragraphs; deflate packs it about a thousand to one.</summary>
    public static byte[] WordFile(long documentBytes)
    {
        using var packed = new MemoryStream();
        using (var zip = new ZipArchive(packed, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml",
                """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
            Write(zip, "_rels/.rels",
                """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""");
            using var document = zip.CreateEntry("word/document.xml", CompressionLevel.Optimal).Open();
            document.Write("""<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"""u8);
            var block = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(Paragraph, 1000)));
            for (long written = 0; written < documentBytes; written += block.Length)
            {
                document.Write(block);
            }

            document.Write("</w:body></w:document>"u8);
        }

        return packed.ToArray();
    }

    /// <summary><paramref name="text"/> gzip-compressed.</summary>
    public static byte[] Gzip(byte[] text)
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(text);
        }

        return packed.ToArray();
    }

    /// <summary>The classic billion-laughs feed: ten levels of ten-fold entity references.</summary>
    public static string BillionLaughsFeed()
    {
        var sb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol0 \"lol\">\n");
        for (var i = 1; i <= 9; i++)
        {
            sb.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">\n");
        }

        return sb.Append("]>\n<rss version=\"2.0\"><channel><title>t</title><item><title>Laughs</title><description>&lol9;</description></item></channel></rss>\n")
            .ToString();
    }

    private static void Write(ZipArchive zip, string name, string text)
    {
        using var entry = zip.CreateEntry(name).Open();
        entry.Write(Encoding.UTF8.GetBytes(text));
    }
}
