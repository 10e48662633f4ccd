using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Portal.Core.Ingest;
using Portal.Core.Ingest.Samples;
using Portal.Core.Payments;
using Portal.Core.Regions;
using Portal.Indexer.Sync;

namespace Portal.Indexer.Bench;

/// <summary>
/// `bench`: sync throughput on one large generated export (end to end, and beside it merely parsing the
/// same file), then village-page query latency on the index it built. A measurement, not a test.
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var rows = new Option<int>("--rows") { Description = "生成的导出总行数（每个有村级区划的县一个文件）", DefaultValueFactory = _ => 1_000_000 };
        var work = new Option<string>("--work") { Description = "放生成文件和临时索引的文件夹", DefaultValueFactory = _ => Path.Combine(Path.GetTempPath(), "portal-bench") };
        var queries = new Option<int>("--queries") { Description = "村页面查询次数", DefaultValueFactory = _ => 5_000 };
        var command = new Command("bench", "基准：按县分文件的导出（默认 100 万行，可到 1000 万行）的同步吞吐（与单纯解析对比）和村页面查询延迟 p50/p99") { rows, work, queries, RegionBenchCommand.Create() };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = IndexerHost.Build(parse);
            var context = host.Context();
            var dir = parse.GetValue(work)!;
            var count = parse.GetValue(rows);
            var files = BenchExport.Ensure(context, dir, count);

            var parse1 = Stopwatch.StartNew();
            var parsed = files.Sum(file => DepartmentExport.Open(file).Rows().LongCount());
            parse1.Stop();

            var data = Path.Combine(dir, "data-" + Guid.NewGuid().ToString("N")[..8]);
            // The configured engine, but a throw-away folder or alias: a benchmark never touches the live index.
            var engine = context.Payments.Elsewhere(Path.Combine(data, "payments-index"), "-bench-" + Path.GetFileName(data)[5..]);
            var key = new byte[32];
            var owners = new Portal.Core.Privacy.OwnerKey(key);
            using var sync = new PartitionSync(new ExportValidation(context.Regions, context.Funds, owners, TimeProvider.System),
                () => engine.OpenStore(context.Regions, TimeProvider.System), data);
            var report = Path.Combine(dir, "bench.rejected.csv");
            var sync1 = Stopwatch.StartNew();
            var published = files.Sum(file => (long)sync.Run(file, new SyncSettings(), report, dryRun: false).Validation.Payments.Count);
            sync.Commit();
            sync1.Stop();

            var resync = Stopwatch.StartNew();
            var changed = files.Sum(file => sync.Run(file, new SyncSettings(), report, dryRun: false).Replacement?.Changed.Count ?? 0);
            sync.Commit();
            resync.Stop();

            using var index = engine.OpenIndex(context.Funds, TimeProvider.System);
            var villages = new SampleExport(context.Regions, context.Funds).Counties()
                .SelectMany(c => context.Regions.Children(c.Code)).SelectMany(t => context.Regions.Children(t.Code)).Select(v => v.Code).ToList();
            var random = new Random(1);
            var latencies = new List<double>();
            var n = parse.GetValue(queries);
            for (var i = 0; i < n + 200; i++)
            {
                var query = new PaymentQuery { RegionCode = villages[random.Next(villages.Count)], PageSize = 50, Sort = (PaymentSort)(i % 3) };
                var t = Stopwatch.GetTimestamp();
                await index.SearchAsync(query, cancellationToken);
                await index.SummarizeAsync(query.RegionCode!, null, null, SummaryGrouping.Fund, cancellationToken);
                if (i >= 200) latencies.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
            latencies.Sort();
            var figures = new
            {
                rows = parsed,
                files = files.Count,
                published,
                parseSeconds = Math.Round(parse1.Elapsed.TotalSeconds, 2),
                parseRowsPerSecond = Math.Round(parsed / parse1.Elapsed.TotalSeconds),
                syncSeconds = Math.Round(sync1.Elapsed.TotalSeconds, 2),
                syncRowsPerSecond = Math.Round(parsed / sync1.Elapsed.TotalSeconds),
                syncOverParse = Math.Round(sync1.Elapsed / parse1.Elapsed, 2),
                resyncSameFileSeconds = Math.Round(resync.Elapsed.TotalSeconds, 2),
                resyncPartitionsChanged = changed,
                villagePageQueries = latencies.Count,
                villagePageP50Ms = Math.Round(latencies[latencies.Count / 2], 3),
                villagePageP99Ms = Math.Round(latencies[(int)(latencies.Count * 0.99)], 3),
                engine = engine.Location,
                dataDirectory = data,
                peakMemoryMegabytes = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024),
            };
            Console.WriteLine(JsonSerializer.Serialize(figures, SyncSummary.JsonOptions));
            return 0;
        });
        return command;
    }
}
