using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Blobs;
using Portal.Core.Reports;

namespace Portal.Core.Tests.Reports;

/// <summary>The report store behaviours on the embedded defaults: a SQLite file and a blob folder.</summary>
public sealed class SqliteReportStoreTests : ReportStoreBehaviour
{
    protected override Task<ReportsHarness> StartAsync(Func<IBlobStore, IBlobStore>? watchBlobs = null) =>
        ReportsHarness.StartAsync(postgres: false, azurite: false, watchBlobs);

    [Fact]
    public async Task The_hourly_sweep_removes_temporary_files_of_writes_a_killed_process_cut_short()
    {
        await using var h = await StartAsync();
        await h.FileAsync(ReportsHarness.Anonymous(), ReportsHarness.Jpeg());
        var container = Path.Combine(h.Data.DataDirectory, "blobs", h.Settings["Portal:Blobs:ContainerPrefix"] + ReportBlobs.Container);
        var folder = Directory.CreateDirectory(Path.Combine(container, "reports", Guid.NewGuid().ToString("N"))).FullName;
        var leftover = Path.Combine(folder, $"{Guid.NewGuid():N}.partial-{Guid.NewGuid():N}");
        File.WriteAllBytes(leftover, []);
        var sweeper = h.Services.GetRequiredService<OrphanAttachmentSweeper>();

        await sweeper.SweepAsync();
        var keptWhileRecent = File.Exists(leftover);
        h.Clock.SetUtcNow(DateTimeOffset.UtcNow.AddHours(2));
        await sweeper.SweepAsync();

        Assert.True(keptWhileRecent);
        Assert.False(File.Exists(leftover));
        Assert.Single(await h.BlobListAsync());
    }
}
