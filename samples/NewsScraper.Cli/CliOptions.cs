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
    public const string Usage = """
        Usage: newsscraper [<url | file.html[.gz] | directory>] [options]

          <url>              fetch the page and print its record as JSON
          <file.html[.gz]>   extract a saved page offline (give its address with --url)
          <directory>        extract every *.html and *.html.gz in it, one JSON line each
          (nothing)          extract the Devdiscourse page bundled with the sample

        Options:
          --url <url>                 the saved page's original address (site profile, relative links)
          --format json|jsonl|text|markdown
          --output <file>             write there instead of stdout
          --user-agent <text>         the User-Agent to send
          -h, --help                  show this help

        Examples:
          newsscraper
          newsscraper https://www.devdiscourse.com/article/headlines/3383911-high-stakes-diplomacy
          newsscraper page.html --url https://www.devdiscourse.com/article/headlines/3383911-high-stakes-diplomacy
          newsscraper saved-pages/ --output records.jsonl

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
                default:
                    if (arg.StartsWith("--", StringComparison.Ordinal))
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

        return new CliOptions(input, url, format, output, userAgent, help);

        string Next(ref int i, string option) =>
            ++i < args.Length ? args[i] : throw new ArgumentException($"{option} needs a value");
    }
}
