using System.Text;

namespace NewsScraper.Extraction;

/// <summary>
/// Prepares a page's bytes for the parser within <see cref="Extraction.ExtractionLimits"/>: cuts pages over the size limit
/// (at a tag boundary) and drops start tags nested deeper than the depth limit. One pass over the bytes, no decoding: tag
/// syntax is ASCII in every encoding a page can be served in except UTF-16, which is left as it is.
/// </summary>
internal static class InputGuard
{
    private static readonly HashSet<string> VoidOrSelfClosing = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param",
        "keygen", "command", "basefont", "bgsound", "frame", "image", "isindex", "spacer",

        // Elements the parser closes by itself when the next one starts: they never nest deeply.
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot", "rb", "rt", "rp",
    };

    private static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NotNesting = VoidOrSelfClosing.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> RawTextTags = RawText.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The bytes to parse, and a warning for each thing that was cut.</summary>
    public static ReadOnlyMemory<byte> Prepare(ReadOnlyMemory<byte> content, int maxBytes, int maxDepth, List<string> warnings)
    {
        if (content.Length > maxBytes)
        {
            var cut = content.Span[..maxBytes].LastIndexOf((byte)'<');
            var length = cut > maxBytes / 2 ? cut : maxBytes;
            warnings.Add($"the page is {content.Length:N0} bytes; only the first {length:N0} were parsed (limit {maxBytes:N0})");
            content = content[..length];
        }

        var span = content.Span;
        if (span.Length >= 2 && ((span[0] == 0xFF && span[1] == 0xFE) || (span[0] == 0xFE && span[1] == 0xFF)))
        {
            return content;
        }

        var dropped = FindTooDeep(span, maxDepth);
        if (dropped.Count == 0)
        {
            return content;
        }

        warnings.Add($"markup nested deeper than {maxDepth:N0} levels was flattened ({dropped.Count:N0} start tags dropped)");
        var total = 0;
        foreach (var (_, length) in dropped)
        {
            total += length;
        }

        var result = new byte[span.Length - total];
        var from = 0;
        var to = 0;
        foreach (var (start, length) in dropped)
        {
            span[from..start].CopyTo(result.AsSpan(to));
            to += start - from;
            from = start + length;
        }

        span[from..].CopyTo(result.AsSpan(to));
        return result;
    }

    /// <summary>The byte ranges of start tags that would open an element deeper than <paramref name="maxDepth"/>.</summary>
    private static List<(int Start, int Length)> FindTooDeep(ReadOnlySpan<byte> span, int maxDepth)
    {
        var dropped = new List<(int, int)>();
        var depth = 0;
        var i = 0;
        Span<char> name = stackalloc char[16];
        while (i < span.Length)
        {
            var lt = span[i..].IndexOf((byte)'<');
            if (lt < 0)
            {
                break;
            }

            i += lt;
            if (span[i..].StartsWith("<!--"u8))
            {
                var end = span[(i + 4)..].IndexOf("-->"u8);
                i = end < 0 ? span.Length : i + 4 + end + 3;
                continue;
            }

            var closing = i + 1 < span.Length && span[i + 1] == (byte)'/';
            var nameStart = i + (closing ? 2 : 1);
            var nameLength = 0;
            while (nameStart + nameLength < span.Length && IsNameByte(span[nameStart + nameLength]))
            {
                if (nameLength < name.Length)
                {
                    name[nameLength] = (char)(span[nameStart + nameLength] | 0x20);
                }

                nameLength++;
            }

            if (nameLength == 0 || !IsAsciiLetter(span[nameStart]))
            {
                i++;
                continue;
            }

            var gt = span[(nameStart + nameLength)..].IndexOf((byte)'>');
            var tagEnd = gt < 0 ? span.Length : nameStart + nameLength + gt + 1;
            ReadOnlySpan<char> tag = nameLength <= name.Length ? name[..nameLength] : [];
            if (closing)
            {
                if (!NotNesting.Contains(tag))
                {
                    depth = Math.Max(0, depth - 1);
                }
            }
            else if (RawTextTags.Contains(tag))
            {
                // Skip to the matching end tag: what is inside is text, not markup.
                var close = IndexOfEndTag(span, tagEnd, tag);
                tagEnd = close < 0 ? span.Length : close;
            }
            else if (!NotNesting.Contains(tag) && !(tagEnd >= 2 && span[tagEnd - 2] == (byte)'/'))
            {
                if (depth >= maxDepth)
                {
                    dropped.Add((i, tagEnd - i));
                }
                else
                {
                    depth++;
                }
            }

            i = tagEnd;
        }

        return dropped;
    }

    /// <summary>Where the end tag <c>&lt;/tag</c> (any case) starts at or after <paramref name="from"/>, or -1.</summary>
    internal static int IndexOfEndTag(ReadOnlySpan<byte> span, int from, ReadOnlySpan<char> tag)
    {
        var position = from;
        while (position < span.Length)
        {
            var next = span[position..].IndexOf("</"u8);
            if (next < 0)
            {
                return -1;
            }

            position += next;
            var candidate = span[(position + 2)..];
            if (candidate.Length >= tag.Length && Ascii.EqualsIgnoreCase(candidate[..tag.Length], tag))
            {
                return position;
            }

            position += 2;
        }

        return -1;
    }

    private static bool IsNameByte(byte b) => IsAsciiLetter(b) || (b >= (byte)'0' && b <= (byte)'9') || b == (byte)'-' || b == (byte)':';

    /// <summary>Whether a byte is an ASCII letter (a tag name starts with one).</summary>
    internal static bool IsAsciiLetter(byte b) => (b | 0x20) is >= (byte)'a' and <= (byte)'z';
}
