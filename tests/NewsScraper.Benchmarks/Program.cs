using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using NewsScraper.Benchmarks;

// NewsScraper's speed next to the AngleSharp parse floor and SmartReader, on ../shared/corpora.
//   dotnet run -c Release --project tests/NewsScraper.Benchmarks -- [--corpora DIR] [--corpus a,b]
//       [--throughput] [--rounds N] [--batch N] [--profile SECONDS] [--quick] [BenchmarkDotNet arguments]
// With no mode: the BenchmarkDotNet per-page benchmarks (PageBenchmarks). --throughput: whole corpora, one thread and
// every core. --batch N: N pages through one extractor, printing the working set. --profile S: extraction alone, one
// thread, for S seconds (run it under dotnet-trace or dotnet-counters; the corpora are loaded before it starts). --quick: a seconds-long run of each,
// for CI, that only checks they still run.
var rest = new List<string>();
var throughput = false;
var quick = false;
int? batch = null;
int? profile = null;
var rounds = 3;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--corpora": RunSettings.CorporaRoot = Path.GetFullPath(args[++i]); break;
        case "--corpus": RunSettings.Only = args[++i].Split(','); break;
        case "--throughput": throughput = true; break;
        case "--quick": quick = true; break;
        case "--rounds": rounds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--batch": batch = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--profile": profile = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        default: rest.Add(args[i]); break;
    }
}

if (!Directory.Exists(RunSettings.CorporaRoot))
{
    await Console.Error.WriteLineAsync($"no corpora at {RunSettings.CorporaRoot} (set --corpora or NEWSSCRAPER_CORPORA)");
    return 2;
}

var corpora = RunSettings.SelectedCorpora;
if (quick)
{
    // Seconds, not minutes: one in-process dry pass of the benchmarks, a small throughput table and a short batch.
    var config = ManualConfig.CreateMinimumViable().AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance));
    var summary = BenchmarkRunner.Run<PageBenchmarks>(config);
    Throughput.Run(RunSettings.CorporaRoot, corpora, limit: 10, rounds: 1);
    var bounded = Throughput.Batch(RunSettings.CorporaRoot, corpora, 200);
    return summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success) || !bounded ? 1 : 0;
}

if (batch is { } count)
{
    return Throughput.Batch(RunSettings.CorporaRoot, corpora, count) ? 0 : 1;
}

if (profile is { } seconds)
{
    Throughput.Profile(RunSettings.CorporaRoot, corpora, TimeSpan.FromSeconds(seconds));
    return 0;
}

if (throughput)
{
    Throughput.Run(RunSettings.CorporaRoot, corpora, limit: null, rounds);
    return 0;
}

BenchmarkSwitcher.FromTypes([typeof(PageBenchmarks)]).Run([.. rest]);
return 0;
