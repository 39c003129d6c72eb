using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using NewsScraper;
using NewsScraper.Extraction;
using NewsScraper.Fetching;
using NewsScraper.DependencyInjection;
using NewsScraper.Sites;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers NewsScraper's services.</summary>
public static class NewsScraperServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="INewsScraper"/>, <see cref="IPageFetcher"/> and <see cref="IArticleExtractor"/>, with a named
    /// <see cref="HttpClient"/> (<see cref="NewsScraperDefaults.HttpClientName"/>) that carries the standard resilience
    /// pipeline (total and per-attempt timeouts, jittered retries that honour <c>Retry-After</c>, a circuit breaker per host).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The scraper's builder: add site profiles with it; it is also the HTTP client builder of the scraper's client.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="services"/> is <see langword="null"/>.</exception>
    /// <remarks><para>Calling it twice registers the services once; both <paramref name="configure"/> delegates apply.</para></remarks>
    public static NewsScraperBuilder AddNewsScraper(this IServiceCollection services, Action<NewsScraperOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var optionsBuilder = services.AddOptions<NewsScraperOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NewsScraperOptions>, NewsScraperOptionsValidator>());
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<HostPoliteness>();
        services.TryAddSingleton<IHostGate>(sp => sp.GetRequiredService<HostPoliteness>());
        services.TryAddSingleton<IPageFetcher, HttpPageFetcher>();
        services.TryAddSingleton<IArticleExtractor>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<NewsScraperOptions>>().Value;
            return new ArticleExtractor(new SiteProfileResolver([.. options.SiteProfiles, .. SiteProfiles.BuiltIn]), options.Extraction);
        });
        services.TryAddSingleton<INewsScraper, DefaultNewsScraper>();

        var builder = services.AddHttpClient(NewsScraperDefaults.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => HttpPageFetcher.CreatePrimaryHandler(sp.GetRequiredService<IOptions<NewsScraperOptions>>().Value));
        if (!services.Any(d => d.ServiceType == typeof(NewsScraperResilienceMarker)))
        {
            services.AddSingleton<NewsScraperResilienceMarker>();
            // The standard handler's order (retry outside the breaker) lets every failed attempt count against the host,
            // even one a retry then recovered, and counts 429s: a host that serves every page after a retry could open its
            // circuit and innocent pages after it were refused. Here the breaker sits outside the retries and sees each
            // request's final outcome; only 5xx, 408, connection failures and timeouts of the whole request count.
            builder.AddResilienceHandler("newsscraper", (pipeline, context) =>
                {
                    var options = context.ServiceProvider.GetRequiredService<IOptions<NewsScraperOptions>>().Value;
                    pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                    {
                        SamplingDuration = TimeSpan.FromTicks(Math.Max(options.AttemptTimeout.Ticks * 2, TimeSpan.FromSeconds(30).Ticks)),

                        // A news site that fails now and then (one page in four timing out) keeps serving the rest; the
                        // breaker opens only when most requests to the host fail.
                        FailureRatio = 0.5,
                        MinimumThroughput = 20,
                        ShouldHandle = args => ValueTask.FromResult(HostFailure.Is(args.Outcome)),
                    });
                    pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.TotalTimeout });
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = Math.Max(1, options.MaxRetries),
                        ShouldRetryAfterHeader = true,
                        Delay = options.RetryDelay,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                    });
                    pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.AttemptTimeout });
                })
                .SelectPipelineByAuthority();

            // Innermost: each attempt tells its host turn that it goes on the wire now.
            builder.AddHttpMessageHandler(() => new TurnStartHandler());
        }

        return new NewsScraperBuilder(builder);
    }

    /// <summary>
    /// Adds NewsScraper with its options read from configuration (e.g. the "NewsScraper" section of appsettings.json):
    /// the option names as keys ("UserAgent", "MaxRetries", "AttemptTimeout": "00:00:30", "Extraction:MaxInputBytes", ...)
    /// and "SiteProfilesDirectory" for a folder of profile files. Values that cannot be read fail at start-up.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration section holding the options.</param>
    /// <returns>The scraper's builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    public static NewsScraperBuilder AddNewsScraper(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = services.AddNewsScraper(options => NewsScraperOptionsBinder.Bind(configuration, options));
        if (configuration["SiteProfilesDirectory"] is { Length: > 0 } directory)
        {
            builder.AddSiteProfiles(directory);
        }

        return builder;
    }

    private sealed class NewsScraperResilienceMarker;
}
