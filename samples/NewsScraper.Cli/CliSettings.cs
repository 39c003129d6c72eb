using NewsScraper.Sites;

namespace NewsScraper.Cli;

/// <summary>The library options a command line asks for (shared with the cluster sample, which runs the same batch).</summary>
internal static class CliSettings
{
    /// <summary>Loads the site profiles of <c>--profiles DIR</c> (none without it); on a bad profile, says why and gives <see langword="null"/>.</summary>
    public static async Task<IReadOnlyList<SiteProfile>?> LoadProfilesAsync(CliOptions cli, TextWriter error)
    {
        if (cli.Profiles is null)
        {
            return [];
        }

        try
        {
            return SiteProfileFiles.LoadDirectory(cli.Profiles);
        }
        catch (SiteProfileException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return null;
        }
    }

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
