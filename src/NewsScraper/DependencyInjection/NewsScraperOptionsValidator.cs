using Microsoft.Extensions.Options;

namespace NewsScraper.DependencyInjection;

/// <summary>Validates <see cref="NewsScraperOptions"/> at start-up and lists every problem at once.</summary>
internal sealed class NewsScraperOptionsValidator : IValidateOptions<NewsScraperOptions>
{
    public ValidateOptionsResult Validate(string? name, NewsScraperOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        if (string.IsNullOrWhiteSpace(options.UserAgent))
        {
            builder.AddError("must not be empty", nameof(options.UserAgent));
        }

        if (options.MaxResponseBytes is < 1024 or > (1L << 31))
        {
            builder.AddError("must be between 1 KiB and 2 GiB", nameof(options.MaxResponseBytes));
        }

        if (options.MaxRedirects is < 0 or > 20)
        {
            builder.AddError("must be between 0 and 20", nameof(options.MaxRedirects));
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            builder.AddError("must be between 0 and 10", nameof(options.MaxRetries));
        }

        if (options.AttemptTimeout < TimeSpan.FromMilliseconds(100) || options.AttemptTimeout > TimeSpan.FromMinutes(10))
        {
            builder.AddError("must be between 100 ms and 10 minutes", nameof(options.AttemptTimeout));
        }

        if (options.TotalTimeout < options.AttemptTimeout || options.TotalTimeout > TimeSpan.FromHours(1))
        {
            builder.AddError("must be at least AttemptTimeout and at most 1 hour", nameof(options.TotalTimeout));
        }

        if (options.RetryDelay < TimeSpan.Zero || options.RetryDelay > TimeSpan.FromMinutes(5))
        {
            builder.AddError("must be between 0 and 5 minutes", nameof(options.RetryDelay));
        }

        if (options.MaxConcurrencyPerHost is < 1 or > 64)
        {
            builder.AddError("must be between 1 and 64", nameof(options.MaxConcurrencyPerHost));
        }

        if (options.MinDelayPerHost < TimeSpan.Zero || options.MinDelayPerHost > TimeSpan.FromMinutes(5))
        {
            builder.AddError("must be between 0 and 5 minutes", nameof(options.MinDelayPerHost));
        }

        if (options.Extraction.MaxInputBytes < 64 * 1024)
        {
            builder.AddError("must be at least 64 KiB", $"{nameof(options.Extraction)}.{nameof(options.Extraction.MaxInputBytes)}");
        }

        if (options.Extraction.MaxNestingDepth is < 64 or > 100_000)
        {
            builder.AddError("must be between 64 and 100,000", $"{nameof(options.Extraction)}.{nameof(options.Extraction.MaxNestingDepth)}");
        }

        if (options.Extraction.Timeout < TimeSpan.FromMilliseconds(100) || options.Extraction.Timeout > TimeSpan.FromMinutes(10))
        {
            builder.AddError("must be between 100 ms and 10 minutes", $"{nameof(options.Extraction)}.{nameof(options.Extraction.Timeout)}");
        }

        foreach (var profile in options.SiteProfiles)
        {
            if (profile is null || string.IsNullOrWhiteSpace(profile.Name) || profile.Hosts.Count == 0)
            {
                builder.AddError("every site profile needs a name and at least one host", nameof(options.SiteProfiles));
            }
        }

        return builder.Build();
    }
}
