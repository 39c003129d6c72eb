using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsScraper.Fetching;
using Orleans.Configuration;

namespace NewsScraper.Orleans;

/// <summary>Wires NewsScraper into Orleans silos and clients.</summary>
public static class NewsScraperOrleansHosting
{
    /// <summary>
    /// How long a scrape call may take end to end: its wait for the host's turn (which can be long behind a slow host) and
    /// its fetch with retries. Orleans' default of 30 s would cut off pages that are only waiting their turn.
    /// </summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Adds NewsScraper to a silo: the library's services with these options (site profiles, Polly pipeline, telemetry
    /// included), the host grains, and a host gate that asks them, so every silo's fetches share one limit, one delay,
    /// one robots.txt and one failure state per host.
    /// </summary>
    /// <param name="silo">The silo builder.</param>
    /// <param name="configure">Configures the options, as <see cref="NewsScraperServiceCollectionExtensions.AddNewsScraper(IServiceCollection, Action{NewsScraperOptions}?)"/> does.</param>
    /// <returns>The library's builder, to add site profiles or configure the HTTP client.</returns>
    public static NewsScraperBuilder AddNewsScraper(this ISiloBuilder silo, Action<NewsScraperOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var builder = silo.Services.AddNewsScraper(configure);
        silo.Services.TryAddSingleton<ClusterHostGate>();
        silo.Services.Replace(ServiceDescriptor.Singleton<IHostGate>(sp => sp.GetRequiredService<ClusterHostGate>()));
        silo.Configure<SiloMessagingOptions>(options => options.ResponseTimeout = Longest(options.ResponseTimeout));
        return builder;
    }

    /// <summary>Prepares a cluster client for <see cref="NewsScraperCluster"/>: a response timeout long enough for a page that waits its host's turn.</summary>
    /// <param name="client">The client builder.</param>
    /// <returns>The client builder.</returns>
    public static IClientBuilder AddNewsScraper(this IClientBuilder client)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.Configure<ClientMessagingOptions>(options => options.ResponseTimeout = Longest(options.ResponseTimeout));
        return client;
    }

    private static TimeSpan Longest(TimeSpan configured) => configured > ResponseTimeout ? configured : ResponseTimeout;
}
