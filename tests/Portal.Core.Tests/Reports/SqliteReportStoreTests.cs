using Portal.Core.Blobs;

namespace Portal.Core.Tests.Reports;

/// <summary>The report store behaviours on the embedded defaults: a SQLite file and a blob folder.</summary>
public sealed class SqliteReportStoreTests : ReportStoreBehaviour
{
    protected override Task<ReportsHarness> StartAsync(Func<IBlobStore, IBlobStore>? watchBlobs = null) =>
        ReportsHarness.StartAsync(postgres: false, azurite: false, watchBlobs);
}
