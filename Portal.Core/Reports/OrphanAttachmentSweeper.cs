using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Blobs;
using Portal.Core.Database;

namespace Portal.Core.Reports;

/// <summary>
/// Removes sealed attachment blobs that no record names: what a crash between upload and commit, or a
/// refused double submit, leaves behind, and the temporary files of writes a killed process cut short. Only
/// blobs older than Portal:Reports:OrphanBlobMinutes are touched, so an upload whose report is still being
/// committed is never taken.
/// </summary>
public sealed class OrphanAttachmentSweeper(IServiceScopeFactory scopes, IOptions<ReportRules> rules, TimeProvider clock, ILogger<OrphanAttachmentSweeper> log) : BackgroundService
{
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDb>();
        var blobs = scope.ServiceProvider.GetRequiredKeyedService<IBlobStore>(ReportBlobs.Container);
        var cutoff = clock.GetUtcNow() - TimeSpan.FromMinutes(rules.Value.OrphanBlobMinutes);
        var old = new List<string>();
        await foreach (var blob in blobs.ListAsync("reports/", cancellationToken))
            if (blob.LastModified < cutoff) old.Add(blob.Name);

        var removed = 0;
        foreach (var batch in old.Chunk(500))
        {
            var known = (await db.ReportAttachments.AsNoTracking().Where(a => batch.Contains(a.BlobName)).Select(a => a.BlobName).ToListAsync(cancellationToken)).ToHashSet();
            foreach (var name in batch.Where(n => !known.Contains(n)))
            {
                await blobs.DeleteAsync(name, cancellationToken);
                removed++;
            }
        }
        var unfinished = await blobs.RemoveUnfinishedAsync(cutoff, cancellationToken);
        if (removed > 0) log.LogInformation("Swept {Count} orphaned attachment blobs", removed);
        if (unfinished > 0) log.LogInformation("Swept {Count} unfinished attachment writes", unfinished);
        return removed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, rules.Value.OrphanBlobMinutes)), clock);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Sweeping orphaned attachment blobs failed; will try again");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
