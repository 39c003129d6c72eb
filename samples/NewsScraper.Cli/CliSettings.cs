using NewsScraper.Sites;

namespace NewsScraper.Cli;

/// <summary>The library options a command line asks for (shared with the cluster sample, which runs the same batch).</summary>
internal static class CliSettings
{
    /// <summary>Applies the command line's options and site profiles to the library's options.</summary>
    public static void Apply(CliOptions cli, NewsScraperOptions options, IReadOnlyList<SiteProfile> profiles)
    {
        if (cli.UserAgent is not null)
        {
            options.UserAgent = cli.UserAgent;
        }

        if (cli.Timeout is { } timeout)
        {
            options.AttemptTimeout = timeout;
            options.TotalTimeout = timeout * (options.MaxRetries + 2);
        }

        if (cli.Delay is { } delay)
        {
            options.MinDelayPerHost = delay;
        }

        options.RespectRobotsTxt = !cli.NoRobots;
        foreach (var profile in profiles)
        {
            options.SiteProfiles.Add(profile);
        }
    }
}
