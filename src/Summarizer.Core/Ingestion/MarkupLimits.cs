using System.Globalization;
using System.Text;
using System.Xml;

namespace Summarizer.Ingestion;

/// <summary>
/// Enforces <see cref="LoadOptions.MaxMarkupDepth"/>, <see cref="LoadOptions.MaxMarkupElements"/> and
/// <see cref="LoadOptions.MaxMarkupAttributes"/> before a page or feed reaches a parser whose time grows faster than
/// its input (the HTML tree builder and page extraction slow down sharply with depth, element count and attribute
/// count).
/// </summary>
internal static class MarkupLimits
{
    // Elements that never have content, and those whose content is text up to their own end tag.
    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
    };

    private static readonly HashSet<string> RawTextElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext",
    };

    // Elements whose end tag may be left out: an open one is closed by the start of the next of its group
    // (<p>one<p>two, <li>, <td>, ...).
    private static readonly Dictionary<string, int> SiblingGroups = new(StringComparer.OrdinalIgnoreCase)
    {
        ["p"] = 1, ["li"] = 2, ["dt"] = 3, ["dd"] = 3, ["option"] = 4, ["optgroup"] = 4, ["tr"] = 5, ["td"] = 6, ["th"] = 6,
        ["thead"] = 7, ["tbody"] = 7, ["tfoot"] = 7, ["rb"] = 8, ["rt"] = 8, ["rp"] = 8,
    };

    // Block elements whose start tag closes an open paragraph.
    private static readonly HashSet<string> ClosesParagraph = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figcaption", "figure", "footer",
        "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "main", "menu", "nav", "ol", "pre",
        "section", "table", "ul",
    };

    /// <summary>
    /// Scans <paramref name="html"/> once, in linear time, and throws <see cref="LoadException"/> naming
    /// <paramref name="source"/> when it is over a limit. Nesting is counted as a browser would build it for the
    /// common cases (void elements, raw text, paragraphs, list items and table cells closed by their next sibling),
    /// so ordinary tag soup does not count as depth.
    /// </summary>
    public static void CheckHtml(string html, string source, LoadOptions options, CancellationToken ct)
    {
        var open = new List<string>();
        var openCounts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var lookup = openCounts.GetAlternateLookup<ReadOnlySpan<char>>();
        var elements = 0;
        var steps = 0;
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0 && i + 1 < html.Length)
        {
            if ((++steps & 0x3FF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            var next = html[i + 1];
            if (html.AsSpan(i).StartsWith("<!--"))
            {
                i = After(html, "-->", i + 4);
            }
            else if (next is '!' or '?')
            {
                i = After(html, ">", i + 2);
            }
            else if (next == '/')
            {
                var name = Name(html, i + 2);
                if (name.Length > 0 && lookup.TryGetValue(name, out var count) && count > 0)
                {
                    // Close up to the nearest open element of that name.
                    while (open.Count > 0)
                    {
                        var top = Pop(open, openCounts);
                        if (top.AsSpan().Equals(name, StringComparison.OrdinalIgnoreCase))
                        {
                            break;
                        }
                    }
                }

                i = After(html, ">", i + 2);
            }
            else if (char.IsAsciiLetter(next))
            {
                var start = i;
                var name = Name(html, i + 1).ToString().ToLowerInvariant();
                i = SkipAttributes(html, i + 1 + name.Length, out var attributes, out var selfClosing);
                if (attributes > options.MaxMarkupAttributes)
                {
                    throw new LoadException($"{source}: an element at line {LineOf(html, start)} has over {options.MaxMarkupAttributes} attributes (LoadOptions.MaxMarkupAttributes)");
                }

                if (++elements > options.MaxMarkupElements)
                {
                    throw new LoadException($"{source}: over {options.MaxMarkupElements} elements (LoadOptions.MaxMarkupElements)");
                }

                if (RawTextElements.Contains(name))
                {
                    i = SkipRawText(html, name, i);
                    continue;
                }

                if (VoidElements.Contains(name) || selfClosing)
                {
                    continue;
                }

                if (SiblingGroups.TryGetValue(name, out var group))
                {
                    // Close the open sibling and what its end implies inside it (<tr><td>one<tr> closes td and tr).
                    for (var k = open.Count - 1; k >= 0 && SiblingGroups.TryGetValue(open[k], out var g); k--)
                    {
                        if (g == group)
                        {
                            while (open.Count > k)
                            {
                                Pop(open, openCounts);
                            }

                            break;
                        }
                    }
                }
                else if (ClosesParagraph.Contains(name) && open.Count > 0 && open[^1] == "p")
                {
                    Pop(open, openCounts);
                }

                open.Add(name);
                openCounts[name] = openCounts.GetValueOrDefault(name) + 1;
                if (open.Count > options.MaxMarkupDepth)
                {
                    throw new LoadException($"{source}: elements nested over {options.MaxMarkupDepth} deep at line {LineOf(html, start)} (LoadOptions.MaxMarkupDepth)");
                }
            }
            else
            {
                i++;
            }
        }
    }

    /// <summary>
    /// Reads a feed as XML with DTDs ignored (so no entity is ever expanded and nothing is fetched), within the markup
    /// limits, and returns it rewritten without its DTD, for a feed parser to read safely.
    /// </summary>
    public static string CopyXml(byte[] bytes, string source, LoadOptions options, CancellationToken ct)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            // With DTDs ignored no entity is declared; the bound is a second line of defence.
            MaxCharactersFromEntities = 1024 * 1024,
        };
        var output = new StringBuilder();
        var elements = 0;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes, writable: false), settings);
            using var writer = XmlWriter.Create(output, new XmlWriterSettings { OmitXmlDeclaration = true });
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        if ((++elements & 0x3FF) == 0)
                        {
                            ct.ThrowIfCancellationRequested();
                        }

                        if (elements > options.MaxMarkupElements)
                        {
                            throw new LoadException($"{source}: over {options.MaxMarkupElements} elements (LoadOptions.MaxMarkupElements)");
                        }

                        if (reader.Depth >= options.MaxMarkupDepth)
                        {
                            throw new LoadException($"{source}: elements nested over {options.MaxMarkupDepth} deep at line {LineOf(reader)} (LoadOptions.MaxMarkupDepth)");
                        }

                        if (reader.AttributeCount > options.MaxMarkupAttributes)
                        {
                            throw new LoadException($"{source}: an element at line {LineOf(reader)} has over {options.MaxMarkupAttributes} attributes (LoadOptions.MaxMarkupAttributes)");
                        }

                        var empty = reader.IsEmptyElement;
                        writer.WriteStartElement(reader.Prefix, reader.LocalName, reader.NamespaceURI);
                        writer.WriteAttributes(reader, defattr: false);
                        if (empty)
                        {
                            writer.WriteEndElement();
                        }

                        break;
                    case XmlNodeType.EndElement:
                        writer.WriteFullEndElement();
                        break;
                    case XmlNodeType.Text:
                        writer.WriteString(reader.Value);
                        break;
                    case XmlNodeType.CDATA:
                        writer.WriteCData(reader.Value);
                        break;
                    case XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                        writer.WriteWhitespace(reader.Value);
                        break;
                }
            }
        }
        catch (XmlException ex)
        {
            // With DTDs ignored, an entity declared in one is undeclared: say why rather than leave it a riddle.
            var dtd = Encoding.UTF8.GetString(bytes.AsSpan(0, Math.Min(bytes.Length, 64 * 1024))).Contains("<!ENTITY", StringComparison.Ordinal)
                ? "; entities declared in a DTD are not expanded"
                : "";
            throw new LoadException($"{source}: not a readable RSS or Atom feed ({ex.Message}{dtd})");
        }

        return output.ToString();
    }

    private static ReadOnlySpan<char> Name(string html, int start)
    {
        var end = start;
        while (end < html.Length && (char.IsAsciiLetterOrDigit(html[end]) || html[end] is '-' or ':' or '_' or '.'))
        {
            end++;
        }

        return html.AsSpan(start, end - start);
    }

    /// <summary>Skips a start tag's attributes to just past its closing <c>&gt;</c>, counting them.</summary>
    private static int SkipAttributes(string html, int i, out int attributes, out bool selfClosing)
    {
        attributes = 0;
        selfClosing = false;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '>')
            {
                return i + 1;
            }

            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (c == '/')
            {
                selfClosing = i + 1 < html.Length && html[i + 1] == '>';
                i++;
                continue;
            }

            // An attribute name, then an optional value: quoted, or up to white space or '>'.
            selfClosing = false;
            attributes++;
            while (i < html.Length && html[i] != '=' && html[i] != '>' && html[i] != '/' && !char.IsWhiteSpace(html[i]))
            {
                i++;
            }

            while (i < html.Length && char.IsWhiteSpace(html[i]))
            {
                i++;
            }

            if (i < html.Length && html[i] == '=')
            {
                i++;
                while (i < html.Length && char.IsWhiteSpace(html[i]))
                {
                    i++;
                }

                if (i < html.Length && html[i] is '"' or '\'')
                {
                    var close = html.IndexOf(html[i], i + 1);
                    i = close < 0 ? html.Length : close + 1;
                }
                else
                {
                    while (i < html.Length && html[i] != '>' && !char.IsWhiteSpace(html[i]))
                    {
                        i++;
                    }
                }
            }
        }

        return i;
    }

    private static int SkipRawText(string html, string name, int i)
    {
        while ((i = html.IndexOf("</", i, StringComparison.Ordinal)) >= 0)
        {
            if (html.AsSpan(i + 2).StartsWith(name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }

            i += 2;
        }

        return html.Length;
    }

    private static int After(string html, string end, int start)
    {
        var at = html.IndexOf(end, start, StringComparison.Ordinal);
        return at < 0 ? html.Length : at + end.Length;
    }

    private static string Pop(List<string> open, Dictionary<string, int> counts)
    {
        var top = open[^1];
        open.RemoveAt(open.Count - 1);
        counts[top]--;
        return top;
    }

    private static int LineOf(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;

    private static string LineOf(XmlReader reader) =>
        reader is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber.ToString(CultureInfo.InvariantCulture) : "?";
}
