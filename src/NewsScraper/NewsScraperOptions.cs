using NewsScraper.Extraction;
using NewsScraper.Sites;

namespace NewsScraper;

/// <summary>Options of the scraper: how pages are fetched and which site profiles are used.</summary>
public sealed class NewsScraperOptions
{
    /// <summary>Gets or sets the User-Agent sent with every request.</summary>
    /// <value>The default value is <see cref="NewsScraperDefaults.UserAgent"/>.</value>
    public string UserAgent { get; set; } = NewsScraperDefaults.UserAgent;

    /// <summary>Gets or sets the largest response body accepted, in bytes, after decompression.</summary>
    /// <value>The default value is 16 MiB.</value>
    public long MaxResponseBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>Gets or sets the most redirects followed for one page.</summary>
    /// <value>The default value is 5.</value>
    public int MaxRedirects { get; set; } = 5;

    /// <summary>Gets or sets the timeout of one attempt.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the timeout of a whole fetch, retries included.</summary>
    /// <value>The default value is 2 minutes.</value>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Gets or sets the most retries of a failed attempt (connection failures, 408, 429, 5xx); the standard pipeline retries at least once, so 0 acts as 1.</summary>
    /// <value>The default value is 3.</value>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Gets or sets the base delay between retries; it grows exponentially with jitter, and a <c>Retry-After</c> header overrides it.</summary>
    /// <value>The default value is 2 seconds.</value>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets or sets a value indicating whether robots.txt is fetched and honoured (Allow/Disallow for the User-Agent's product name, Crawl-delay).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool RespectRobotsTxt { get; set; } = true;

    /// <summary>Gets or sets the most requests run at once against one host.</summary>
    /// <value>The default value is 2.</value>
    public int MaxConcurrencyPerHost { get; set; } = 2;

    /// <summary>Gets or sets the least time between the starts of two requests to one host (a longer robots.txt Crawl-delay, up to 30 s, wins).</summary>
    /// <value>The default value is 1 second.</value>
    public TimeSpan MinDelayPerHost { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Gets or sets a value indicating whether hosts that resolve to loopback, private, link-local or carrier-grade NAT
    /// addresses are refused (checked after DNS resolution, on every connection). Turn it on in a server that fetches
    /// URLs its users supply.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool BlockPrivateNetworks { get; set; }

    /// <summary>Gets the guard rails of extraction: the most bytes parsed, the deepest nesting kept and the time one page may take.</summary>
    public ExtractionLimits Extraction { get; } = new();

    /// <summary>Gets the site profiles used besides the built-in ones; they take precedence for their hosts.</summary>
    public IList<SiteProfile> SiteProfiles { get; } = [];
}

/// <summary>Names and defaults of NewsScraper.</summary>
public static class NewsScraperDefaults
{
    /// <summary>The name of the <see cref="System.Net.Http.HttpClient"/> the scraper uses.</summary>
    public const string HttpClientName = "NewsScraper";

    /// <summary>The default User-Agent: it names the library and where to learn about it.</summary>
    public const string UserAgent = "NewsScraper/0.1 (+https://www.nuget.org/packages/NewsScraper; news article extraction library)";
}
