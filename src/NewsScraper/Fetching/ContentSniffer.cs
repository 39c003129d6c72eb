using System.Text;

namespace NewsScraper.Fetching;

/// <summary>
/// Whether a response's bytes are an HTML page, after its Content-Type let them through: a response without a
/// Content-Type is sniffed as the HTML standard's MIME sniffing does (markup openers, binary signatures); an XML
/// response is a page only when its root is <c>html</c> (an RSS or Atom feed is not); bytes of which more than one in twenty are control
/// characters are not text at all, whatever the header says.
/// </summary>
internal static class ContentSniffer
{
    /// <summary>How many bytes are looked at (the standard's resource header is 1,445 bytes).</summary>
    private const int Window = 1445;

    private static readonly string[] HtmlOpeners =
    [
        "<!doctype html", "<html", "<head", "<script", "<iframe", "<h1", "<div", "<font", "<table", "<a", "<style", "<title", "<b",
        "<body", "<br", "<p", "<!--", "<meta", "<link", "<article", "<main", "<section", "<center", "<span",
    ];

    /// <summary>What the bytes are when they are not an HTML page ("a PDF document", "an RSS or Atom feed", ...), else <see langword="null"/>.</summary>
    public static string? NotHtml(ReadOnlySpan<byte> body, string? mediaType)
    {
        var head = body[..Math.Min(body.Length, Window)];
        if (Binary(head) is { } binary)
        {
            return binary;
        }

        if (mediaType is null || mediaType.EndsWith("xml", StringComparison.OrdinalIgnoreCase))
        {
            var text = Encoding.UTF8.GetString(head).TrimStart('\uFEFF', ' ', '\t', '\r', '\n', '\f');
            var declaredXml = mediaType is not null || text.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase);
            if (XmlRoot(text) is { } root && !root.Equals("html", StringComparison.OrdinalIgnoreCase)
                && (declaredXml || root is "rss" or "feed" or "rdf:RDF"))
            {
                return root is "rss" or "feed" or "rdf:RDF" ? "an RSS or Atom feed" : $"an XML document (root <{root}>)";
            }

            if (mediaType is null && !text.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase)
                && !HtmlOpeners.Any(o => text.StartsWith(o, StringComparison.OrdinalIgnoreCase) && (text.Length == o.Length || text[o.Length] is ' ' or '>' or '\t' or '\n' or '\r' || o == "<!--"))
                && !text.Contains("<html", StringComparison.OrdinalIgnoreCase) && !text.Contains("<body", StringComparison.OrdinalIgnoreCase))
            {
                return "text without HTML markup";
            }
        }

        return null;
    }

    /// <summary>A binary signature, or bytes of which more than one in twenty are control characters (text has next to none).</summary>
    private static string? Binary(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8))
        {
            return "a PDF document";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]) || head.StartsWith("GIF8"u8) || head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])
            || head.StartsWith("PK\u0003\u0004"u8) || head.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]))
        {
            return "binary data (an image or an archive)";
        }

        // UTF-16 pages (with a byte order mark) hold NULs by design.
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || head.Length == 0)
        {
            return null;
        }

        var control = 0;
        foreach (var b in head)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f' or 0x1B))
            {
                control++;
            }
        }

        return control * 20 > head.Length ? "binary data (control characters, not text)" : null;
    }

    /// <summary>The name of the first element of an XML text, after its declaration, comments, processing instructions and doctype.</summary>
    private static string? XmlRoot(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var lt = text.IndexOf('<', i);
            if (lt < 0 || lt + 1 >= text.Length)
            {
                return null;
            }

            if (text[lt + 1] is '?' or '!')
            {
                var end = text.AsSpan(lt).StartsWith("<!--") ? text.IndexOf("-->", lt, StringComparison.Ordinal) : text.IndexOf('>', lt);
                if (end < 0)
                {
                    return null;
                }

                i = end + 1;
                continue;
            }

            var nameEnd = lt + 1;
            while (nameEnd < text.Length && text[nameEnd] is not (' ' or '>' or '/' or '\t' or '\r' or '\n'))
            {
                nameEnd++;
            }

            return nameEnd > lt + 1 ? text[(lt + 1)..nameEnd] : null;
        }

        return null;
    }
}
