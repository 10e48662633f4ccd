using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Portal.Core.Regions;
using Portal.Indexer.Sync;

namespace Portal.Indexer.Bench;

/// <summary>
/// `bench regions`: what the region tree costs a host: loading it (provinces down to townships; villages wait), and the
/// first and repeated look-up of each county's villages for one city, with the managed memory each step keeps.
/// </summary>
public static class RegionBenchCommand
{
    public static Command Create()
    {
        var city = new Option<string>("--city") { Description = "市（或省、县）级代码，默认 4102 开封市", DefaultValueFactory = _ => "4102" };
        var command = new Command("regions", "基准：区划载入的时间与内存，一个市各县村级区划首次与再次查询的时间与内存") { city };
        command.SetAction(parse =>
        {
            using var host = IndexerHost.Build(parse);
            var directory = Path.Combine(host.Context().Portal.ResolveContentDirectory(), "regions");
            var empty = KeptBytes();
            var load = Stopwatch.StartNew();
            var regions = RegionCatalog.Load(directory);
            load.Stop();
            var tree = KeptBytes();
            var counties = new ServedArea(regions, parse.GetValue(city)!).Counties;
            var (first, villages) = LookUp(regions, counties);
            var withCity = KeptBytes();
            var (again, _) = LookUp(regions, counties);
            var figures = new
            {
                loadMilliseconds = Math.Round(load.Elapsed.TotalMilliseconds, 1),
                treeMegabytes = Megabytes(tree - empty),
                counties = counties.Count,
                villages,
                firstLookupMilliseconds = Math.Round(first.Average(), 2),
                firstLookupMaxMilliseconds = Math.Round(first.Max(), 2),
                repeatedLookupMilliseconds = Math.Round(again.Average(), 3),
                cityVillagesMegabytes = Megabytes(withCity - tree),
            };
            GC.KeepAlive(regions);
            Console.WriteLine(JsonSerializer.Serialize(figures, SyncSummary.JsonOptions));
            return 0;
        });
        return command;
    }

    /// <summary>Milliseconds to list every village of each county, and how many there are.</summary>
    private static (List<double> Milliseconds, int Villages) LookUp(RegionCatalog regions, IReadOnlyList<Region> counties)
    {
        var times = new List<double>();
        var villages = 0;
        foreach (var county in counties)
        {
            var started = Stopwatch.GetTimestamp();
            villages += regions.Children(county.Code).Sum(township => regions.Children(township.Code).Count);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return (times, villages);
    }

    private static long KeptBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static double Megabytes(long bytes) => Math.Round(bytes / 1024.0 / 1024.0, 1);
}
