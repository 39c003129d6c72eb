using Microsoft.Extensions.DependencyInjection;

namespace NewsScraper.Tests.TestDoubles;

/// <summary>The scraper's services as the HTTP tests use them: short timeouts and retry delays, no politeness delay.</summary>
internal static class TestServices
{
    public static ServiceProvider Build(Action<NewsScraperOptions>? configure = null, Action<NewsScraperBuilder>? http = null)
    {
        var services = new ServiceCollection();
        var builder = services.AddNewsScraper(options =>
        {
            options.RetryDelay = TimeSpan.FromMilliseconds(10);
            options.AttemptTimeout = TimeSpan.FromSeconds(5);
            options.TotalTimeout = TimeSpan.FromSeconds(20);
            options.MinDelayPerHost = TimeSpan.Zero;
            configure?.Invoke(options);
        });
        http?.Invoke(builder);
        return services.BuildServiceProvider();
    }
}
