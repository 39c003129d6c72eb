using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace NewsScraper.DependencyInjection;

/// <summary>
/// Reads <see cref="NewsScraperOptions"/> from configuration by name, without reflection (so the library stays
/// trimming- and AOT-safe); a value that cannot be read is an error that names its key.
/// </summary>
internal static class NewsScraperOptionsBinder
{
    public static void Bind(IConfiguration configuration, NewsScraperOptions options)
    {
        Read(configuration, "UserAgent", v => options.UserAgent = v);
        Read(configuration, "MaxResponseBytes", v => options.MaxResponseBytes = long.Parse(v, CultureInfo.InvariantCulture));
        Read(configuration, "MaxRedirects", v => options.MaxRedirects = int.Parse(v, CultureInfo.InvariantCulture));
        Read(configuration, "AttemptTimeout", v => options.AttemptTimeout = TimeSpan.Parse(v, CultureInfo.InvariantCulture));
        Read(configuration, "TotalTimeout", v => options.TotalTimeout = TimeSpan.Parse(v, CultureInfo.InvariantCulture));
        Read(configuration, "MaxRetries", v => options.MaxRetries = int.Parse(v, CultureInfo.InvariantCulture));
        Read(configuration, "RetryDelay", v => options.RetryDelay = TimeSpan.Parse(v, CultureInfo.InvariantCulture));
        Read(configuration, "RespectRobotsTxt", v => options.RespectRobotsTxt = bool.Parse(v));
        Read(configuration, "MaxConcurrencyPerHost", v => options.MaxConcurrencyPerHost = int.Parse(v, CultureInfo.InvariantCulture));
        Read(configuration, "MinDelayPerHost", v => options.MinDelayPerHost = TimeSpan.Parse(v, CultureInfo.InvariantCulture));
        Read(configuration, "BlockPrivateNetworks", v => options.BlockPrivateNetworks = bool.Parse(v));
        Read(configuration, "Extraction:MaxInputBytes", v => options.Extraction.MaxInputBytes = int.Parse(v, CultureInfo.InvariantCulture));
        Read(configuration, "Extraction:MaxNestingDepth", v => options.Extraction.MaxNestingDepth = int.Parse(v, CultureInfo.InvariantCulture));
        Read(configuration, "Extraction:Timeout", v => options.Extraction.Timeout = TimeSpan.Parse(v, CultureInfo.InvariantCulture));
    }

    private static void Read(IConfiguration configuration, string key, Action<string> set)
    {
        if (configuration[key] is not { } value)
        {
            return;
        }

        try
        {
            set(value.Trim());
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            throw new InvalidOperationException($"NewsScraper configuration: '{key}' = '{value}' cannot be read ({ex.Message})", ex);
        }
    }
}
