using System.Globalization;
using System.Text;

namespace NewsScraper.Evaluation;

/// <summary>The metadata metrics of the corpora README: headline exact and relaxed, authors as a set, published same day.</summary>
internal static class MetadataMetrics
{
    public static bool HeadlineExact(string gold, string? predicted) =>
        predicted is not null && Clean(gold) == Clean(predicted);

    public static bool HeadlineRelaxed(string gold, string? predicted) =>
        predicted is not null && Relax(gold) == Relax(predicted);

    public static bool AuthorsEqual(IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        var g = gold.Select(a => Clean(a).ToLowerInvariant()).Where(a => a.Length > 0).ToHashSet();
        var p = predicted.Select(a => Clean(a).ToLowerInvariant()).Where(a => a.Length > 0).ToHashSet();
        return g.SetEquals(p);
    }

    /// <summary>
    /// The names a record credits: its people, or, when it names none, the desk or agency of its byline. The record keeps
    /// people and organisations apart (DESIGN.md); references such as fundus list "dpa" or "DER SPIEGEL" as the author of
    /// an agency or desk story, and this is the figure that compares with them.
    /// </summary>
    public static IReadOnlyList<string> Credited(IReadOnlyList<string> authors, string? organization) =>
        authors.Count == 0 && organization is { Length: > 0 } ? [organization] : authors;

    /// <summary>Same calendar day: the predicted instant's own date (in the offset the page meant) against the gold date.</summary>
    public static bool SameDay(string gold, DateTimeOffset? predicted) =>
        predicted is not null && gold.Length >= 10 && predicted.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) == gold[..10];

    /// <summary>Exact instant, where the gold has a time and an offset.</summary>
    public static bool? ExactInstant(string gold, DateTimeOffset? predicted)
    {
        if (gold.Length <= 10 || !DateTimeOffset.TryParse(gold, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            || !(gold.Contains('+', StringComparison.Ordinal) || gold.EndsWith('Z') || gold.LastIndexOf('-') > 10))
        {
            return null;
        }

        return predicted is not null && predicted.Value == instant;
    }

    private static string Clean(string value)
    {
        var builder = new StringBuilder(value.Length);
        var space = false;
        foreach (var c in value.Normalize(NormalizationForm.FormC))
        {
            if (char.IsWhiteSpace(c) || c == '\u00A0')
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static string Relax(string value)
    {
        var builder = new StringBuilder();
        foreach (var c in Clean(value).ToLowerInvariant())
        {
            builder.Append(c switch
            {
                '\u2018' or '\u2019' or '\u201A' or '\u2032' or '`' => '\'',
                '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB' => '"',
                '\u2013' or '\u2014' or '\u2012' or '\u2212' => '-',
                _ => c,
            });
        }

        return builder.ToString();
    }
}
