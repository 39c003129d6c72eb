using NewsScraper;
using NewsScraper.Sites;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// What <c>AddNewsScraper</c> returns: add site profiles with it, and configure the scraper's named
/// <see cref="HttpClient"/> with it (it is that client's <see cref="IHttpClientBuilder"/>).
/// </summary>
public sealed class NewsScraperBuilder : IHttpClientBuilder
{
    private readonly IHttpClientBuilder http;

    internal NewsScraperBuilder(IHttpClientBuilder http) => this.http = http;

    /// <inheritdoc/>
    public string Name => http.Name;

    /// <inheritdoc/>
    public IServiceCollection Services => http.Services;

    /// <summary>Gets the HTTP client builder of the scraper's client (handlers, the resilience pipeline).</summary>
    public IHttpClientBuilder HttpClient => http;

    /// <summary>Adds a site profile; it takes precedence over the built-in ones for its hosts.</summary>
    /// <param name="profile">The profile.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="profile"/> is <see langword="null"/>.</exception>
    public NewsScraperBuilder AddSiteProfile(SiteProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Services.Configure<NewsScraperOptions>(options => options.SiteProfiles.Add(profile));
        return this;
    }

    /// <summary>Adds every profile file (*.json) of a directory, read now so a bad file fails at start-up.</summary>
    /// <param name="directory">The directory.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="SiteProfileException">Thrown when a file cannot be used; the message names the file and the field.</exception>
    public NewsScraperBuilder AddSiteProfiles(string directory)
    {
        foreach (var profile in SiteProfileFiles.LoadDirectory(directory))
        {
            AddSiteProfile(profile);
        }

        return this;
    }
}
