namespace NewsScraper.Sites;

/// <summary>Picks the profile of a page's host: an exact host or a dot-suffix match, else <see cref="SiteProfiles.Generic"/>.</summary>
public sealed class SiteProfileResolver
{
    private readonly IReadOnlyList<SiteProfile> profiles;

    /// <summary>Initializes a new instance of the <see cref="SiteProfileResolver"/> class.</summary>
    /// <param name="profiles">The profiles to match, in priority order; later duplicates of a host lose.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="profiles"/> is <see langword="null"/>.</exception>
    public SiteProfileResolver(IEnumerable<SiteProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        this.profiles = [.. profiles];
    }

    /// <summary>Gets a resolver over the built-in profiles.</summary>
    public static SiteProfileResolver Default { get; } = new(SiteProfiles.BuiltIn);

    /// <summary>Finds the profile for a URL.</summary>
    /// <param name="url">The page's URL.</param>
    /// <returns>The matching profile, or <see cref="SiteProfiles.Generic"/>.</returns>
    public SiteProfile Resolve(Uri? url)
    {
        if (url is null || !url.IsAbsoluteUri)
        {
            return SiteProfiles.Generic;
        }

        var host = url.IdnHost.TrimEnd('.');
        SiteProfile? best = null;
        var bestLength = -1;
        foreach (var profile in profiles)
        {
            foreach (var candidate in profile.Hosts)
            {
                var h = candidate.Trim().TrimEnd('.');
                var matches = host.Equals(h, StringComparison.OrdinalIgnoreCase)
                    || (host.Length > h.Length && host.EndsWith(h, StringComparison.OrdinalIgnoreCase) && host[host.Length - h.Length - 1] == '.');
                if (matches && h.Length > bestLength)
                {
                    best = profile;
                    bestLength = h.Length;
                }
            }
        }

        return best ?? SiteProfiles.Generic;
    }
}
