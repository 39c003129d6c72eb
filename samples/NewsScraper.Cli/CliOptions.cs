using System.CommandLine;
using System.CommandLine.Parsing;

namespace NewsScraper.Cli;

internal enum OutputFormat
{
    Json,
    Jsonl,
    Text,
    Markdown,
}

/// <summary>The command line, parsed with System.CommandLine.</summary>
internal sealed record CliOptions(string? Input, Uri? Url, OutputFormat? Format, string? Output, string? UserAgent)
{
    public const string Description = """
        Extracts news articles: headline, dateline, timestamps with their time zone, body, disclaimers, trending links
        and the rest of the record, as JSON.

          <url>              fetch the page and print its record
          <file.html[.gz]>   extract a saved page offline (give its address with --url)
          <directory>        a batch: every *.html and *.html.gz in it
          <list.txt> | -     a batch: one URL or saved-page path per line (# comments), from a file or stdin
          (nothing)          extract the Devdiscourse page bundled with the sample

        A batch writes one JSON line per input, with "source" and, for a failed input, "error": {"kind", "message"};
        a progress bar goes to stderr when it is a terminal, and a summary line at the end.

        Examples:
          newsscraper
          newsscraper https://www.devdiscourse.com/article/headlines/3383911-high-stakes-diplomacy
          newsscraper page.html --url https://www.devdiscourse.com/article/headlines/3383911-high-stakes-diplomacy --format text --explain
          newsscraper saved-pages/ --output records.jsonl
          newsscraper urls.txt --concurrency 8 --output records.jsonl

        Exit codes: 0 all good, 1 some inputs failed, 2 usage error.
        """;

    private static readonly Argument<string?> InputArgument = new("input")
    {
        Description = "A URL, a saved page, a directory, a list file, or - for stdin; nothing for the bundled page.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private static readonly Option<Uri?> UrlOption = new("--url")
    {
        Description = "The saved page's original address (site profile, relative links).",
        CustomParser = result =>
        {
            var value = result.Tokens.Single().Value;
            if (Inputs.TryHttpUrl(value, out var url))
            {
                return url;
            }

            result.AddError($"--url needs an absolute http(s) URL, not '{value}'");
            return null;
        },
    };

    private static readonly Option<OutputFormat?> FormatOption = new("--format")
    {
        Description = "json (default), jsonl, or text and markdown for people.",
    };

    private static readonly Option<string?> OutputOption = new("--output", "-o") { Description = "Write there instead of stdout." };

    private static readonly Option<string?> UserAgentOption = new("--user-agent") { Description = "The User-Agent to send." };

    private static readonly Option<int> ConcurrencyOption = new("--concurrency")
    {
        Description = "Batch: inputs in flight at once (each host still gets at most 2).",
        DefaultValueFactory = _ => 4,
    };

    private static readonly Option<double?> TimeoutOption = new("--timeout") { Description = "Timeout of one HTTP attempt, in seconds (default 30)." };

    private static readonly Option<double?> DelayOption = new("--delay") { Description = "Least time between two requests to one host, in seconds (default 1)." };

    private static readonly Option<bool> NoRobotsOption = new("--no-robots") { Description = "Do not fetch or honour robots.txt." };

    private static readonly Option<string?> ProfilesOption = new("--profiles") { Description = "A directory of site profiles as JSON files (see samples/profiles/devdiscourse.json)." };

    private static readonly Option<bool> ResumeOption = new("--resume") { Description = "Continue a batch that stopped: skip the inputs whose lines --output already holds, append the rest." };

    private static readonly Option<bool> ExplainOption = new("--explain") { Description = "Show where each field came from and what could not be done (after text; on stderr for json)." };

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

    /// <summary>Gets a value indicating whether a stopped batch is continued from its output file.</summary>
    public bool Resume { get; init; }

    /// <summary>Gets the directory of site profile files (*.json), if given.</summary>
    public string? Profiles { get; init; }

    static CliOptions()
    {
        // The checks are registered once: the options are shared by every command this class creates.
        InputArgument.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1 && result.Tokens[0].Value is { } input && input.StartsWith('-') && input != "-")
            {
                result.AddError($"unknown option '{input}'");
            }
        });
        ConcurrencyOption.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1 && (!int.TryParse(result.Tokens[0].Value, out var n) || n is < 1 or > 64))
            {
                result.AddError("--concurrency must be a number from 1 to 64");
            }
        });
        TimeoutOption.Validators.Add(result => Seconds(result, "--timeout", 0.1));
        DelayOption.Validators.Add(result => Seconds(result, "--delay", 0));

        static void Seconds(OptionResult result, string name, double minimum)
        {
            if (result.Tokens.Count == 1
                && (!double.TryParse(result.Tokens[0].Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)
                    || value < minimum || value > 3600))
            {
                result.AddError($"{name} must be a number of seconds from {minimum} to 3600");
            }
        }
    }

    /// <summary>The name the tool is installed under (<c>dotnet tool install -g NewsScraper.Cli</c>), and the one its help shows.</summary>
    public const string CommandName = "newsscraper";

    /// <summary>
    /// The command: its arguments and options. A plain command named <see cref="CommandName"/> with the help and version
    /// options a root command has: a <see cref="RootCommand"/> would take its name from the executable, which is
    /// NewsScraper.Cli when run from the build (the assembly cannot be called newsscraper beside the NewsScraper library,
    /// as assembly names ignore case).
    /// </summary>
    public static Command CreateCommand() => new(CommandName, Description)
    {
        InputArgument, UrlOption, FormatOption, OutputOption, UserAgentOption, ConcurrencyOption, TimeoutOption, DelayOption,
        NoRobotsOption, ProfilesOption, ExplainOption, ResumeOption, new System.CommandLine.Help.HelpOption(), new VersionOption(),
    };

    /// <summary>Reads the options of a successful parse.</summary>
    public static CliOptions From(ParseResult result) =>
        new(result.GetValue(InputArgument), result.GetValue(UrlOption), result.GetValue(FormatOption), result.GetValue(OutputOption), result.GetValue(UserAgentOption))
        {
            Concurrency = result.GetValue(ConcurrencyOption),
            Timeout = result.GetValue(TimeoutOption) is { } timeout ? TimeSpan.FromSeconds(timeout) : null,
            Delay = result.GetValue(DelayOption) is { } delay ? TimeSpan.FromSeconds(delay) : null,
            NoRobots = result.GetValue(NoRobotsOption),
            Profiles = result.GetValue(ProfilesOption),
            Explain = result.GetValue(ExplainOption),
            Resume = result.GetValue(ResumeOption),
        };

    /// <summary>Parses a command line; a usage error is an <see cref="ArgumentException"/> with every message.</summary>
    public static CliOptions Parse(string[] args)
    {
        var result = CreateCommand().Parse(args);
        return result.Errors.Count > 0 ? throw new ArgumentException(string.Join("; ", result.Errors.Select(e => e.Message))) : From(result);
    }
}
