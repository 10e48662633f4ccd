using Portal.Core.Ingest.Samples;

namespace Portal.Indexer.Bench;

/// <summary>
/// The benchmarks' department exports: one file per county the region data has villages for (8 funds, 12 months),
/// as each county's office would send its year, made once per size and reused. Rows are written as they are made, so
/// a province's year (10,000,000 rows) needs no more memory than a county's people.
/// </summary>
internal static class BenchExport
{
    /// <summary>The files of an export of about <paramref name="rows"/> rows in all.</summary>
    public static IReadOnlyList<string> Ensure(IndexerContext context, string directory, int rows)
    {
        var folder = Path.Combine(directory, $"bench-{rows}");
        var sample = new SampleExport(context.Regions, context.Funds);
        var counties = sample.Counties();
        var files = counties.Select(c => Path.Combine(folder, $"{c.Code}.csv")).ToList();
        if (files.All(File.Exists)) return files;
        Directory.CreateDirectory(folder);
        var months = SampleExport.RecentMonths(12, TimeProvider.System);
        var funds = sample.Funds(SampleExport.DefaultFunds);
        var peoplePerCounty = Math.Max(1, rows / months.Count / counties.Count);
        for (var i = 0; i < counties.Count; i++)
        {
            // Written beside and renamed, so an interrupted run never leaves a short file that looks finished.
            var partial = files[i] + ".partial";
            sample.Write(partial, counties[i], sample.Rows(sample.People(counties[i], peoplePerCounty), funds, months), SampleFormat.Utf8Csv, $"{counties[i].Name}惠民资金发放花名册");
            File.Move(partial, files[i], overwrite: true);
        }
        return files;
    }
}
