using System.Globalization;
using System.Net;
using System.Text;

namespace NewsScraper.Internal;

/// <summary>Small text helpers shared by the extractors.</summary>
internal static class Text
{
    /// <summary>Collapses runs of white space (NBSP and zero-width spaces included) to one space and trims.</summary>
    public static string Normalize(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var c in value)
        {
            if (IsSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00AD')
            {
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
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
}
