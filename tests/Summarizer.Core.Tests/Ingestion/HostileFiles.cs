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

    /// <summary>
    /// A one-page PDF showing one line of text, whose page content stream repeats that line until it unpacks to about
    /// <paramref name="contentBytes"/> bytes; with <paramref name="imageBytes"/> above zero the page also carries a
    /// deflated picture of that size.
    /// </summary>
    public static byte[] PdfFile(long contentBytes, long imageBytes = 0)
    {
        var line = "BT /F1 12 Tf 72 712 Td (The council approved the budget on Monday after a long debate.) Tj ET\n"u8.ToArray();
        var content = Deflate(line, contentBytes);
        var objects = new List<byte[]>
        {
            "<< /Type /Catalog /Pages 2 0 R >>"u8.ToArray(),
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"u8.ToArray(),
            Encoding.ASCII.GetBytes("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >>"
                + (imageBytes > 0 ? " /XObject << /Im1 6 0 R >>" : "") + " >> >>"),
            Stream($"<< /Length {content.Length} /Filter /FlateDecode >>", content),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"u8.ToArray(),
        };
        if (imageBytes > 0)
        {
            var side = (int)Math.Sqrt(imageBytes / 3.0);
            var pixels = Deflate(new byte[3 * 1024], imageBytes);
            objects.Add(Stream($"<< /Type /XObject /Subtype /Image /Width {side} /Height {side} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Length {pixels.Length} /Filter /FlateDecode >>", pixels));
        }

        using var pdf = new MemoryStream();
        pdf.Write("%PDF-1.4\n"u8);
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Position);
            pdf.Write(Encoding.ASCII.GetBytes($"{i + 1} 0 obj\n"));
            pdf.Write(objects[i]);
            pdf.Write("\nendobj\n"u8);
        }

        var xref = pdf.Position;
        var tail = new StringBuilder($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            tail.Append($"{offset:D10} 00000 n \n");
        }

        tail.Append($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        pdf.Write(Encoding.ASCII.GetBytes(tail.ToString()));
        return pdf.ToArray();

        static byte[] Stream(string dictionary, byte[] data) =>
            [.. Encoding.ASCII.GetBytes(dictionary + "\nstream\n"), .. data, .. "\nendstream"u8];
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

    // zlib data of <block> repeated until about <total> bytes.
    private static byte[] Deflate(byte[] block, long total)
    {
        using var packed = new MemoryStream();
        using (var zlib = new ZLibStream(packed, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (long written = 0; written < total; written += block.Length)
            {
                zlib.Write(block);
            }
        }

        return packed.ToArray();
    }

    private static void Write(ZipArchive zip, string name, string text)
    {
        using var entry = zip.CreateEntry(name).Open();
        entry.Write(Encoding.UTF8.GetBytes(text));
    }
}
