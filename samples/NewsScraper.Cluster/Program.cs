using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsScraper.Cli;
using NewsScraper.Extraction;
using NewsScraper.Orleans;
using Orleans.Configuration;

// NewsScraper on an Orleans cluster: the CLI's batch, run through a cluster whose host grains hold each host's limits.
//
//   dotnet run --project samples/NewsScraper.Cluster                       one local silo; extracts the bundled page
//   dotnet run --project samples/NewsScraper.Cluster -- urls.txt -o out.jsonl   one local silo; the batch through it
//   ... -- --silo-only [--instance N] [--cluster redis://HOST:PORT] [--address IP]   a silo that serves until Ctrl+C
//   ... -- --client-only [--cluster redis://HOST:PORT] urls.txt -o out.jsonl    the batch through running silos
//
// Without --cluster, silos use development clustering on this machine: instance N listens on ports 11111+N (silos) and
// 30000+N (clients), instance 0 is the primary and must start first. With --cluster redis://HOST:PORT, the membership
// lives in Redis and silos on any machines that reach it form one cluster (instance N only shifts the ports, so that
// several silos can share a machine; --address is the address other silos and clients reach it at, by default this
// machine's). --call-timeout S: how long a page's answer is awaited before it is sent again (default 180). Every other argument is the CLI's: input, --output, --resume, --concurrency,
// --delay, --timeout, --no-robots, --user-agent, --profiles, --format.
var own = ClusterArguments.Parse(args);
CliOptions cli;
try
{
    cli = CliOptions.Parse(own.Rest);
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync($"error: {ex.Message}");
    return 2;
}

if (await CliSettings.LoadProfilesAsync(cli, Console.Error) is not { } profiles)
{
    return 2;
}

var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Logging.ClearProviders();
builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace); // records on stdout, logs on stderr
if (own.ClientOnly)
{
    builder.UseOrleansClient(client =>
    {
        client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = ("newsscraper", "newsscraper"));
        if (own.Redis is { } redis)
        {
            client.UseRedisClustering(redis);
        }
        else
        {
            client.UseLocalhostClustering([.. Enumerable.Range(30000, 3)]);
        }

        client.AddNewsScraper();
    });
}
else
{
    builder.UseOrleans(silo =>
    {
        silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = ("newsscraper", "newsscraper"));

        // A silo that dies is noticed in seconds rather than the default half minute, so the pages it held are sent again soon.
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(2);
            o.NumMissedProbesLimit = 2;
        });
        if (own.Redis is { } redis)
        {
            silo.UseRedisClustering(redis);
            if (own.Address is { } address)
            {
                silo.ConfigureEndpoints(address, 11111 + own.Instance, 30000 + own.Instance, listenOnAnyHostAddress: true);
            }
            else
            {
                silo.ConfigureEndpoints(11111 + own.Instance, 30000 + own.Instance, listenOnAnyHostAddress: true);
            }
        }
        else
        {
            silo.UseLocalhostClustering(11111 + own.Instance, 30000 + own.Instance, new IPEndPoint(IPAddress.Loopback, 11111));
        }

        silo.AddNewsScraper(options => CliSettings.Apply(cli, options, profiles));
    });
}

using var host = builder.Build();
await host.StartAsync();
try
{
    if (own.SiloOnly)
    {
        await Console.Error.WriteLineAsync($"silo {own.Instance} up (silo port {11111 + own.Instance}, gateway {30000 + own.Instance}); Ctrl+C stops it");
        await host.WaitForShutdownAsync();
        return 0;
    }

    var grains = host.Services.GetRequiredService<IGrainFactory>();
    var scraper = new ClusterNewsScraper(grains) { CallTimeout = own.CallTimeout ?? NewsScraperCluster.DefaultCallTimeout };
    var extractor = new ArticleExtractor();
    using var cancel = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        cancel.Cancel();
    };

    if (cli.Input is null)
    {
        // Nothing to fetch: the bundled page, extracted here, shows the cluster started.
        await Console.Error.WriteLineAsync("cluster up; no input given, so the bundled page is extracted (give a URL list to run a batch)");
        Console.WriteLine(Render.Article(await extractor.ExtractAsync(BundledPage.Load(), cancel.Token), cli.Format ?? OutputFormat.Json));
        return 0;
    }

    if (!Batch.IsBatch(cli.Input))
    {
        var single = await Inputs.RunAsync(cli.Input, cli.Url, scraper, extractor, cancel.Token);
        if (single.Error is { } error)
        {
            await Console.Error.WriteLineAsync($"error ({Render.KindName(error.Kind)}): {error.Message}");
            return 1;
        }

        Console.WriteLine(Render.Article(single.Article!, cli.Format ?? OutputFormat.Json));
        return 0;
    }

    var inputs = await Batch.ReadInputsAsync(cli.Input, cancel.Token);
    if (cli.Resume && cli.Output is not null)
    {
        var done = await Resume.ReadDoneAsync(cli.Output, cancel.Token);
        inputs.RemoveAll(i => done.Contains(i.Source));
    }

    await using var output = cli.Output is null ? Console.Out : new StreamWriter(cli.Output, append: cli.Resume);
    return await Batch.RunAsync(inputs, cli, scraper, extractor, output, cancel.Token);
}
finally
{
    await host.StopAsync();
}

/// <summary>The sample's own arguments; the rest are the CLI's.</summary>
internal sealed record ClusterArguments(bool SiloOnly, bool ClientOnly, int Instance, string? Redis, IPAddress? Address, TimeSpan? CallTimeout, string[] Rest)
{
    public static ClusterArguments Parse(string[] args)
    {
        var rest = new List<string>();
        var (siloOnly, clientOnly, instance, redis, address, callTimeout) = (false, false, 0, (string?)null, (IPAddress?)null, (TimeSpan?)null);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--silo-only": siloOnly = true; break;
                case "--client-only": clientOnly = true; break;
                case "--address" when i + 1 < args.Length: address = IPAddress.Parse(args[++i]); break;
                case "--call-timeout" when i + 1 < args.Length: callTimeout = TimeSpan.FromSeconds(double.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture)); break;
                case "--instance" when i + 1 < args.Length: instance = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--cluster" when i + 1 < args.Length:
                    var store = args[++i];
                    redis = store.StartsWith("redis://", StringComparison.OrdinalIgnoreCase) ? store["redis://".Length..] : store;
                    break;
                default: rest.Add(args[i]); break;
            }
        }

        return new ClusterArguments(siloOnly, clientOnly, instance, redis, address, callTimeout, [.. rest]);
    }
}
