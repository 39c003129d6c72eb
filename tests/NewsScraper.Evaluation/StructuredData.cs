using System.Text;
using System.Text.RegularExpressions;

namespace NewsScraper.Evaluation;

/// <summary>Takes a page's structured data away (JSON-LD blocks, meta tags other than the charset), to measure the fallbacks.</summary>
internal static partial class StructuredData
{
    public static byte[] Strip(byte[] page)
    {
        // Latin-1 maps every byte to one character and back, so the page's own encoding survives untouched.
        var text = Encoding.Latin1.GetString(page);
        text = JsonLdRegex().Replace(text, string.Empty);
        text = MetaRegex().Replace(text, m => m.Value.Contains("charset", StringComparison.OrdinalIgnoreCase) ? m.Value : string.Empty);
        return Encoding.Latin1.GetBytes(text);
    }

    [GeneratedRegex(@"<script[^>]*application/ld\+json[^>]*>.*?</script\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex JsonLdRegex();

    [GeneratedRegex(@"<meta\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaRegex();
}
