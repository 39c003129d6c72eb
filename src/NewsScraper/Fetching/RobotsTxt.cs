using System.Globalization;

namespace NewsScraper.Fetching;

/// <summary>
/// A parsed robots.txt (RFC 9309): groups of rules per user agent, Allow and Disallow with the longest match winning
/// (Allow wins a tie), <c>*</c> and <c>$</c> wildcards, and Crawl-delay. The group of the most specific user-agent token
/// that the crawler's product name contains applies, else the <c>*</c> group, else everything is allowed.
/// </summary>
public sealed class RobotsTxt
{
    private const int MaxBytes = 512 * 1024;

    private readonly List<Group> groups;

    private RobotsTxt(List<Group> groups, string text)
    {
        this.groups = groups;
        Text = text;
    }

    /// <summary>Gets a robots.txt that allows everything (no file, or a 4xx answer).</summary>
    public static RobotsTxt AllowAll { get; } = Parse(string.Empty);

    /// <summary>Gets a robots.txt that disallows everything (a 5xx answer, as RFC 9309 asks).</summary>
    public static RobotsTxt DisallowAll { get; } = Parse("User-agent: *\nDisallow: /\n");

    /// <summary>Gets the text the rules were read from (at most the first 512 KiB of the file): <see cref="Parse"/> of it gives the same rules, so the rules can be passed on as text.</summary>
    public string Text { get; }

    /// <summary>
    /// Fetches and parses the robots.txt of a URL's host as RFC 9309 says to read the answer: a 4xx means no rules, a 5xx
    /// means everything is disallowed for now; an unreachable host, a timeout (30 s) or an open circuit give no rules,
    /// since the page fetch that follows fails with its own, more telling, error. At most 512 KiB are read.
    /// </summary>
    /// <param name="client">The client to fetch with.</param>
    /// <param name="url">Any URL of the host.</param>
    /// <param name="userAgent">The User-Agent to send.</param>
    /// <param name="cancellationToken">Cancels the fetch.</param>
    /// <returns>The rules.</returns>
    public static async Task<RobotsTxt> FetchAsync(HttpClient client, Uri url, string userAgent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(url);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url.GetLeftPart(UriPartial.Authority) + "/robots.txt"));
            request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status >= 500)
            {
                return DisallowAll;
            }

            if (status is < 200 or >= 300)
            {
                return AllowAll;
            }

            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            var buffer = new byte[MaxBytes];
            var read = 0;
            int n;
            while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), timeout.Token).ConfigureAwait(false)) > 0)
            {
                read += n;
            }

            return Parse(System.Text.Encoding.UTF8.GetString(buffer, 0, read));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException or Polly.CircuitBreaker.BrokenCircuitException or Polly.Timeout.TimeoutRejectedException)
        {
            return AllowAll;
        }
    }

    /// <summary>Parses the text of a robots.txt; lines it cannot read are skipped.</summary>
    /// <param name="text">The file's text.</param>
    /// <returns>The rules.</returns>
    public static RobotsTxt Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var groups = new List<Group>();
        Group? current = null;
        var lastWasAgent = false;
        foreach (var raw in text.Split('\n').Take(10_000))
        {
            var line = raw;
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0)
            {
                line = line[..hash];
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "user-agent":
                    if (current is null || !lastWasAgent)
                    {
                        current = new Group([], [], null);
                        groups.Add(current);
                    }

                    current.Agents.Add(value.ToLowerInvariant());
                    lastWasAgent = true;
                    break;
                case "allow" or "disallow" when current is not null:
                    if (value.Length > 0 || key == "allow")
                    {
                        current.Rules.Add(new Rule(value, key == "allow"));
                    }

                    lastWasAgent = false;
                    break;
                case "crawl-delay" when current is not null:
                    if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0 and < 86_400)
                    {
                        current.CrawlDelay = TimeSpan.FromSeconds(seconds);
                    }

                    lastWasAgent = false;
                    break;
                default:
                    lastWasAgent = false;
                    break;
            }
        }

        return new RobotsTxt(groups, text);
    }

    /// <summary>Whether the crawler may fetch a path.</summary>
    /// <param name="pathAndQuery">The URL's path and query ("/news/a?id=1").</param>
    /// <param name="userAgent">The crawler's User-Agent; its product name (before the first slash) picks the group.</param>
    /// <returns><see langword="true"/> when no rule of the crawler's group disallows the path.</returns>
    public bool IsAllowed(string pathAndQuery, string userAgent)
    {
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        var group = GroupFor(userAgent);
        if (group is null)
        {
            return true;
        }

        var path = pathAndQuery.Length == 0 ? "/" : pathAndQuery;
        Rule? best = null;
        var bestLength = -1;
        foreach (var rule in group.Rules)
        {
            if (rule.Pattern.Length == 0)
            {
                continue;
            }

            if (Matches(rule.Pattern, path) && (rule.Pattern.Length > bestLength || (rule.Pattern.Length == bestLength && rule.Allow)))
            {
                best = rule;
                bestLength = rule.Pattern.Length;
            }
        }

        return best?.Allow ?? true;
    }

    /// <summary>The Crawl-delay of the crawler's group, if it names one.</summary>
    /// <param name="userAgent">The crawler's User-Agent.</param>
    /// <returns>The delay, or <see langword="null"/>.</returns>
    public TimeSpan? CrawlDelay(string userAgent) => GroupFor(userAgent)?.CrawlDelay;

    private Group? GroupFor(string userAgent)
    {
        var product = (userAgent ?? string.Empty).Split('/', ' ')[0].ToLowerInvariant();
        Group? wildcard = null;
        Group? best = null;
        var bestLength = 0;
        foreach (var group in groups)
        {
            foreach (var agent in group.Agents)
            {
                if (agent == "*")
                {
                    wildcard ??= group;
                }
                else if (product.Length > 0 && product.Contains(agent, StringComparison.Ordinal) && agent.Length > bestLength)
                {
                    best = group;
                    bestLength = agent.Length;
                }
            }
        }

        return best ?? wildcard;
    }

    /// <summary>Matches a rule pattern (<c>*</c> any run, <c>$</c> at the end anchors) against the start of a path, iteratively.</summary>
    private static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        var p = anchored ? pattern[..^1] : pattern;

        // Classic wildcard matching with backtracking to the last star: linear in practice, no recursion.
        int pi = 0, si = 0, star = -1, mark = 0;
        while (si < path.Length)
        {
            if (pi < p.Length && p[pi] == '*')
            {
                star = pi++;
                mark = si;
            }
            else if (pi < p.Length && p[pi] == path[si])
            {
                pi++;
                si++;
            }
            else if (pi == p.Length && !anchored)
            {
                return true;
            }
            else if (star >= 0)
            {
                pi = star + 1;
                si = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (pi < p.Length && p[pi] == '*')
        {
            pi++;
        }

        return pi == p.Length;
    }

    private sealed record Rule(string Pattern, bool Allow);

    private sealed class Group(List<string> agents, List<Rule> rules, TimeSpan? crawlDelay)
    {
        public List<string> Agents { get; } = agents;

        public List<Rule> Rules { get; } = rules;

        public TimeSpan? CrawlDelay { get; set; } = crawlDelay;
    }
}
