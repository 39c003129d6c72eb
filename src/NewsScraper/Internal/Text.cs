using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;

namespace NewsScraper.Internal;

/// <summary>Small text helpers shared by the extractors.</summary>
internal static class Text
{
    /// <summary>
    /// The characters <see cref="Normalize(string?)"/> changes wherever they stand: white space other than the plain space
    /// (<see cref="IsSpace"/>), and the invisible characters it drops. Derived from those two tests, so the fast path and
    /// the collapsing loop cannot disagree.
    /// </summary>
    private static readonly SearchValues<char> Untidy = SearchValues.Create(Matching(c => (c != ' ' && IsSpace(c)) || IsInvisible(c)));

    /// <summary>
    /// Every BMP character whose NFC quick check is not "yes" lies in these ranges (Unicode's DerivedNormalizationProps:
    /// combining marks, Indic and Tibetan nukta forms, Hangul jamo, Greek extended, a few symbols, compatibility
    /// ideographs, Hebrew presentation forms), and so do surrogates. Text with none of them is already NFC, so ICU is
    /// only asked about the rest: most news text never reaches it.
    /// </summary>
    private static readonly SearchValues<char> MayNeedComposition = SearchValues.Create(Ranges(
        ('\u0300', '\u036F'), ('\u0374', '\u0374'), ('\u037E', '\u037E'), ('\u0387', '\u0387'), ('\u0653', '\u0655'),
        ('\u0900', '\u0DFF'), ('\u0F00', '\u0FFF'), ('\u1000', '\u109F'), ('\u1100', '\u11FF'), ('\u1B00', '\u1B7F'),
        ('\u1F00', '\u1FFF'), ('\u2000', '\u2001'), ('\u2126', '\u2126'), ('\u212A', '\u212B'), ('\u2329', '\u232A'),
        ('\u2ADC', '\u2ADC'), ('\u3099', '\u309A'), ('\uD800', '\uDFFF'), ('\uF900', '\uFAFF'), ('\uFB1D', '\uFB4F')));

    /// <summary>
    /// Collapses runs of white space (NBSP and zero-width spaces included) to one space, trims, and composes to NFC.
    /// Text that is already tidy comes back as the same string, without a copy.
    /// </summary>
    public static string Normalize(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] != ' ' && value[^1] != ' ' && value.AsSpan().IndexOfAny(Untidy) < 0 && !value.Contains("  ", StringComparison.Ordinal))
        {
            return Compose(value);
        }

        var rented = value.Length > 1024 ? ArrayPool<char>.Shared.Rent(value.Length) : null;
        var buffer = rented ?? stackalloc char[value.Length];
        var length = 0;
        var pendingSpace = false;
        Collapse(value, buffer, ref length, ref pendingSpace);
        var result = new string(buffer[..length]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return Compose(result);
    }

    /// <summary><see cref="Normalize(string?)"/> of a builder's text, read from its chunks without building the raw string first.</summary>
    public static string Normalize(StringBuilder builder)
    {
        if (builder.Length == 0)
        {
            return string.Empty;
        }

        var buffer = ArrayPool<char>.Shared.Rent(builder.Length);
        var length = 0;
        var pendingSpace = false;
        foreach (var chunk in builder.GetChunks())
        {
            Collapse(chunk.Span, buffer, ref length, ref pendingSpace);
        }

        var result = new string(buffer, 0, length);
        ArrayPool<char>.Shared.Return(buffer);
        return Compose(result);
    }

    /// <summary>Decodes HTML entities, then normalises white space.</summary>
    public static string DecodeAndNormalize(string? value) =>
        string.IsNullOrEmpty(value) ? string.Empty : Normalize(WebUtility.HtmlDecode(value));

    /// <summary>Returns <see langword="null"/> for empty text.</summary>
    public static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>Whether a character is white space for our purposes.</summary>
    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || c == '\u00A0';

    /// <summary>Counts words (runs of letters or digits).</summary>
    public static int CountWords(string value)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in value)
        {
            var word = char.IsLetterOrDigit(c);
            if (word && !inWord)
            {
                count++;
            }

            inWord = word;
        }

        return count;
    }

    /// <summary>Case-folds and unifies quotes and dashes, for comparisons.</summary>
    public static string Fold(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in Normalize(value))
        {
            builder.Append(c switch
            {
                '\u2018' or '\u2019' or '\u201A' or '\u2032' or '`' or '\u00B4' => '\'',
                '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB' => '"',
                '\u2013' or '\u2014' or '\u2012' or '\u2015' or '\u2212' => '-',
                _ => char.ToLowerInvariant(c),
            });
        }

        return builder.ToString();
    }

    /// <summary>Folds and drops diacritics ("Solcyré" and "Solcyre" compare equal), for matching names.</summary>
    public static string FoldName(string value)
    {
        var decomposed = Fold(value).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && c != '.')
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Trims the punctuation that frames a value ("(PTI)" gives "PTI").</summary>
    public static string TrimFraming(string value) => value.Trim().Trim('(', ')', '[', ']', ':', '-', '|', ',', ';', ' ', '\u2013', '\u2014');

    /// <summary>Parses an integer, invariant culture.</summary>
    public static int? ParseInt(string? value) =>
        int.TryParse(value?.Trim().TrimEnd('.'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>Appends <paramref name="source"/> to <paramref name="target"/> with white space collapsed and invisible characters dropped.</summary>
    private static void Collapse(ReadOnlySpan<char> source, Span<char> target, ref int length, ref bool pendingSpace)
    {
        foreach (var c in source)
        {
            if (IsSpace(c))
            {
                pendingSpace = length > 0;
                continue;
            }

            if (IsInvisible(c))
            {
                continue;
            }

            if (pendingSpace)
            {
                target[length++] = ' ';
                pendingSpace = false;
            }

            target[length++] = c;
        }
    }

    /// <summary>Zero-width characters and the soft hyphen: dropped from text.</summary>
    private static bool IsInvisible(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00AD';

    /// <summary>Every BMP character that passes <paramref name="test"/>.</summary>
    private static string Matching(Func<char, bool> test)
    {
        var builder = new StringBuilder();
        for (var code = 0; code <= char.MaxValue; code++)
        {
            if (test((char)code))
            {
                builder.Append((char)code);
            }
        }

        return builder.ToString();
    }

    private static string Compose(string value)
    {
        if (value.AsSpan().IndexOfAny(MayNeedComposition) < 0)
        {
            return value;
        }

        try
        {
            return value.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // ICU refuses text with a lone surrogate (JSON-LD "\ud800" escapes can make one): such text stays as it is.
            return value;
        }
    }

    private static string Ranges(params ReadOnlySpan<(char First, char Last)> ranges)
    {
        var builder = new StringBuilder();
        foreach (var (first, last) in ranges)
        {
            for (var c = first; c <= last; c++)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
