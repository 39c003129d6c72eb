using System.Buffers;
using AngleSharp.Html.Parser;
using NewsScraper.Extraction;

namespace NewsScraper.Benchmarks;

/// <summary>The two parse floors the benchmarks measure NewsScraper against.</summary>
internal static class ParseFloor
{
    /// <summary>AngleSharp's parse of the page's bytes as a stream (it decodes them itself): the floor the issue set.</summary>
    public static int ParseBytes(HtmlParser parser, byte[] bytes)
    {
        using var document = parser.ParseDocument(new MemoryStream(bytes, writable: false));
        return document.ChildNodes.Length;
    }

    /// <summary>The parse as NewsScraper runs it: the bytes decoded into a pooled buffer (PageDecoder), then parsed from it.</summary>
    public static int DecodeAndParse(HtmlParser parser, byte[] bytes)
    {
        var (buffer, length, _) = PageDecoder.DecodeRented(bytes, contentType: null);
        try
        {
            using var document = ArticleExtractor.Parse(parser, buffer, length);
            return document.ChildNodes.Length;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
