namespace NewsScraper.Evaluation;

/// <summary>
/// The site-disjoint split: every page goes to the train or the validation half by a hash of its site's registrable
/// domain, so all pages of one site (on any corpus) land on the same side. A heuristic is developed on one half and
/// judged on the other. Pages without an address are split by their id.
/// </summary>
internal static class Split
{
    public const string Train = "train";
    public const string Validation = "validation";

    // Second-level labels under which country-code domains are registered (news.bbc.co.uk -> bbc.co.uk).
    private static readonly HashSet<string> SecondLevels = new(StringComparer.Ordinal)
    {
        "co", "com", "net", "org", "gov", "ac", "edu", "ne", "or", "go", "gob", "gouv", "nic", "mil", "info", "biz", "news",
    };

    /// <summary>The half a page belongs to.</summary>
    public static string Of(GoldPage page) => Of(page.Url, page.Id);

    /// <summary>The half of a page given by its address (or, without one, its id).</summary>
    public static string Of(string? url, string id)
    {
        var key = Uri.TryCreate(url, UriKind.Absolute, out var address) && address.Host.Length > 0 ? RegistrableDomain(address.Host) : id;
        return (System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key))[0] & 1) == 0 ? Train : Validation;
    }

    /// <summary>The domain a site is registered under: the last two labels, or three under a country's second level.</summary>
    public static string RegistrableDomain(string host)
    {
        var labels = host.ToLowerInvariant().TrimEnd('.').Split('.');
        if (labels.Length <= 2)
        {
            return string.Join('.', labels);
        }

        var take = labels[^1].Length == 2 && SecondLevels.Contains(labels[^2]) ? 3 : 2;
        return string.Join('.', labels[^take..]);
    }
}
