namespace NewsScraper.Cli;

internal enum OutputFormat
{
    Json,
    Jsonl,
    Text,
    Markdown,
}

/// <summary>The command line, parsed.</summary>
internal sealed record CliOptions(string? Input, Uri? Url, OutputFormat? Format, string? Output, string? UserAgent, bool Help)
{
    /// <summary>Gets the most inputs in flight in a batch.</summary>
    public int Concurrency { get; init; } = 4;

    /// <summary>Gets the timeout of one HTTP attempt, if set.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Gets the least time between two requests to one host, if set.</summary>
    public TimeSpan? Delay { get; init; }

    /// <summary>Gets a value indicating whether robots.txt is ignored.</summary>
    public bool NoRobots { get; init; }

    /// <summary>Gets a value indicating whether the sources of each field are shown.</summary>
    public bool Explain { get; init; }

    /// <summary>Gets the directory of site profile files (*.json), if given.</summary>
    public string? Profiles { get; init; }

    public const string Usage = """
        Usage: newsscraper [<url | file.html[.gz] | directory | list.txt | ->] [options]

          <url>              fetch the page and print its record as JSON
          <file.html[.gz]>   extract a saved page offline (give its address with --url)
          <directory>        extract every *.html and *.html.gz in it, one JSON line each
          <list.txt> | -     a batch: one URL or saved-page path per line (# comments), from a file or stdin
          (nothing)          extract the Devdiscourse page bundled with the sample

        A batch writes one JSON line per input, with "source" and, for a failed input, "error": {"kind", "message"};
        a progress bar goes to stderr when it is a terminal, and a summary line at the end.

        Options:
          --url <url>                 the saved page's original address (site profile, relative links)
          --format json|jsonl|text|markdown
          --output <file>             write there instead of stdout
          --user-agent <text>         the User-Agent to send
          --concurrency <n>           batch: inputs in flight at once (default 4; each host still gets at most 2)
          --timeout <seconds>         timeout of one HTTP attempt (default 30)
          --delay <seconds>           least time between two requests to one host (default 1)
          --no-robots                 do not fetch or honour robots.txt
          --profiles <dir>            site profiles as JSON files (see samples/profiles/devdiscourse.json)
          --explain                   show where each field came from and what could not be done
                                      (after the text; on stderr for json)
          -h, --help                  show this help

        Examples:
          newsscraper
          newsscraper https://www.devdiscourse.com/article/headlines/3383911-high-stakes-diplomacy
          newsscraper page.html --url https://www.devdiscourse.com/article/headlines/3383911-high-stakes-diplomacy
          newsscraper saved-pages/ --output records.jsonl
          newsscraper urls.txt --concurrency 8 --output records.jsonl

        Exit codes: 0 all good, 1 some inputs failed, 2 usage error.
        """;

    public static CliOptions Parse(string[] args)
    {
        string? input = null;
        Uri? url = null;
        OutputFormat? format = null;
        string? output = null;
        string? userAgent = null;
        var help = false;
        var concurrency = 4;
        TimeSpan? timeout = null;
        TimeSpan? delay = null;
        var noRobots = false;
        string? profiles = null;
        var explain = false;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "-h" or "--help":
                    help = true;
                    break;
                case "--url":
                    var value = Next(ref i, arg);
                    if (!Uri.TryCreate(value, UriKind.Absolute, out url) || url.Scheme is not ("http" or "https"))
                    {
                        throw new ArgumentException($"--url needs an absolute http(s) URL, not '{value}'");
                    }

                    break;
                case "--format":
                    var name = Next(ref i, arg);
                    format = Enum.TryParse<OutputFormat>(name, ignoreCase: true, out var f) && !int.TryParse(name, out _)
                        ? f
                        : throw new ArgumentException($"--format must be json, jsonl, text or markdown, not '{name}'");
                    break;
                case "--output" or "-o":
                    output = Next(ref i, arg);
                    break;
                case "--user-agent":
                    userAgent = Next(ref i, arg);
                    break;
                case "--concurrency":
                    concurrency = int.TryParse(Next(ref i, arg), out var c) && c is >= 1 and <= 64 ? c : throw new ArgumentException("--concurrency must be a number from 1 to 64");
                    break;
                case "--timeout":
                    timeout = Seconds(Next(ref i, arg), arg, minimum: 0.1);
                    break;
                case "--delay":
                    delay = Seconds(Next(ref i, arg), arg, minimum: 0);
                    break;
                case "--no-robots":
                    noRobots = true;
                    break;
                case "--profiles":
                    profiles = Next(ref i, arg);
                    break;
                case "--explain":
                    explain = true;
                    break;
                default:
                    if (arg.StartsWith("--", StringComparison.Ordinal) || (arg.StartsWith('-') && arg != "-"))
                    {
                        throw new ArgumentException($"unknown option '{arg}'");
                    }

                    if (input is not null)
                    {
                        throw new ArgumentException($"one input at a time ('{input}' and '{arg}' given)");
                    }

                    input = arg;
                    break;
            }
        }

        return new CliOptions(input, url, format, output, userAgent, help)
        {
            Concurrency = concurrency,
            Timeout = timeout,
            Delay = delay,
            NoRobots = noRobots,
            Profiles = profiles,
            Explain = explain,
        };

        static TimeSpan Seconds(string value, string option, double minimum) =>
            double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var s) && s >= minimum && s <= 3600
                ? TimeSpan.FromSeconds(s)
                : throw new ArgumentException($"{option} must be a number of seconds from {minimum} to 3600");

        string Next(ref int i, string option) =>
            ++i < args.Length ? args[i] : throw new ArgumentException($"{option} needs a value");
    }
}
