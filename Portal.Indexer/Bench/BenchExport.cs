using Portal.Core.Ingest.Samples;

namespace Portal.Indexer.Bench;

/// <summary>The benchmarks' one large department export of 杞县 (8 funds, 12 months), made once per size and reused.</summary>
internal static class BenchExport
{
    public const string County = "410221";

    public static string Ensure(IndexerContext context, string directory, int rows)
    {
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, $"bench-{rows}.csv");
        if (File.Exists(file)) return file;
        var sample = new SampleExport(context.Regions, context.Funds);
        var months = SampleExport.RecentMonths(12, TimeProvider.System);
        var county = context.Regions.Find(County)!;
        var people = sample.People(county, Math.Max(1, rows / months.Count));
        sample.Write(file, county, sample.Rows(people, sample.Funds(SampleExport.DefaultFunds), months).ToList(), SampleFormat.Utf8Csv, "杞县惠民资金发放花名册");
        return file;
    }
}
