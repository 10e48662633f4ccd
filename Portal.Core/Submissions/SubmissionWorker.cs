using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Database;
using Portal.Core.Funds;
using Portal.Core.Ingest;
using Portal.Core.Payments;
using Portal.Core.Privacy;
using Portal.Core.Publication;
using Portal.Core.Regions;
using Portal.Core.Supervision;

namespace Portal.Core.Submissions;

/// <summary>
/// Applies queued submissions one at a time, through the same path as <c>portal-indexer sync</c> (<see cref="PartitionSync"/>:
/// validate → desensitize → replace partitions → commit). Any number of hosts may run it: a worker first takes the one
/// lease row by a conditional update, so only one file is applied at a time anywhere, and a file is committed whole or not
/// at all. A file that fails fails only itself; one left running by a host that died is marked failed, not tried again.
/// </summary>
public sealed class SubmissionWorker(
    IServiceScopeFactory scopes, SubmissionSpool spool, RegionCatalog regions, FundCatalog funds, OwnerKey owners, PaymentIndexProvider payments,
    IOptions<PortalOptions> portal, IOptions<SubmissionOptions> options, TimeProvider clock, ILogger<SubmissionWorker> log, SubjectIdentity identities)
{
    public const string Interrupted = "处理这个文件时服务中断（进程被终止或内存不足），为免再次中断、堵住队列，没有重试，也未公开任何数据；请检查文件后重新上传。";

    // Names this worker in the lease row: the host and process, for an operator, and a random part, so two workers of one process differ.
    private readonly string _me = $"{Environment.MachineName[..Math.Min(40, Environment.MachineName.Length)]}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Applies the oldest queued submission; false when there was none, or another worker has the turn.</summary>
    public async Task<bool> ProcessNextAsync(CancellationToken cancellationToken = default)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDb>();
        var ledger = scope.ServiceProvider.GetRequiredService<PublicationLedger>();
        var subjects = scope.ServiceProvider.GetRequiredService<PaymentSubjects>();
        if (!await TakeLeaseAsync(db, cancellationToken)) return false;
        try
        {
            await FailAbandonedAsync(db, cancellationToken);
            var next = await db.Submissions.AsNoTracking().Where(s => s.Status == SubmissionStatus.Queued).OrderBy(s => s.Id).FirstOrDefaultAsync(cancellationToken);
            if (next is null) return false;
            var started = clock.GetUtcNow().UtcDateTime;
            var claimed = await db.Submissions.Where(s => s.Id == next.Id && s.Status == SubmissionStatus.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SubmissionStatus.Running).SetProperty(x => x.StartedAt, started), cancellationToken);
            if (claimed == 1) await ApplyAsync(db, ledger, subjects, next);
            return true;
        }
        finally
        {
            await db.SubmissionLeases.Where(l => l.Id == 1 && l.Holder == _me)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, (string?)null).SetProperty(l => l.Until, (DateTime?)null), CancellationToken.None);
        }
    }

    private async Task<bool> TakeLeaseAsync(PortalDb db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + options.Value.Lease;
        return await db.SubmissionLeases.Where(l => l.Id == 1 && (l.Holder == null || l.Until < now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, _me).SetProperty(l => l.Until, until), cancellationToken) == 1;
    }

    /// <summary>With the lease in hand, a submission still running was left by a worker that died.</summary>
    private async Task FailAbandonedAsync(PortalDb db, CancellationToken cancellationToken)
    {
        var left = await db.Submissions.AsNoTracking().Where(s => s.Status == SubmissionStatus.Running).Select(s => new { s.Id, s.SpoolName }).ToListAsync(cancellationToken);
        foreach (var s in left)
        {
            log.LogWarning("Submission {Id} was left running by a worker that stopped; marked failed", s.Id);
            Finish(db, s.Id, x => x.SetProperty(r => r.Status, SubmissionStatus.Failed).SetProperty(r => r.Error, Interrupted));
            if (s.SpoolName is not null) await spool.DeleteAsync(s.SpoolName);
        }
    }

    /// <summary>Once begun, a file is finished even if the host is stopping: the lease would otherwise mark it interrupted.</summary>
    private async Task ApplyAsync(PortalDb db, PublicationLedger ledger, PaymentSubjects subjects, Submission submission)
    {
        var path = await spool.FetchAsync(submission.SpoolName!, submission.FileName, CancellationToken.None);
        if (path is null)
        {
            Finish(db, submission.Id, s => s.SetProperty(r => r.Status, SubmissionStatus.Failed)
                .SetProperty(r => r.Error, $"{submission.FileName}：暂存的上传文件已不在，未公开任何数据。请重新上传。"));
            return;
        }
        var done = await Task.Run(() => Apply(db, ledger, subjects, submission, path), CancellationToken.None);
        if (done) await spool.DeleteAsync(submission.SpoolName!);
        else spool.DropLocalCopy(submission.SpoolName!);
    }

    /// <summary>Applies the file; false when the index could not take it now and it went back to the queue.</summary>
    private bool Apply(PortalDb db, PublicationLedger ledger, PaymentSubjects subjects, Submission submission, string path)
    {
        var department = db.Departments.AsNoTracking().First(d => d.Id == submission.DepartmentId);
        var scope = new DepartmentScope(department, regions, funds);
        using var sync = new PartitionSync(new ExportValidation(regions, funds, owners, clock, submission.DryRun ? null : identities), () => payments.OpenStore(regions, clock), portal.Value.DataDirectory);
        try
        {
            var result = sync.Run(path, new SyncSettings(), null, submission.DryRun,
                new Progress(p => Report(db, submission.Id, p)), scope.Refusal, writeReport: false);
            sync.Commit();
            var unrecorded = Record(ledger, result, department.Name) ?? RecordSubjects(subjects, result);
            var v = result.Validation;
            Finish(db, submission.Id, s => s
                .SetProperty(r => r.Status, SubmissionStatus.Finished)
                .SetProperty(r => r.Error, unrecorded)
                .SetProperty(r => r.CountyName, v.County == null ? null : v.County.Name)
                .SetProperty(r => r.RowsRead, v.RowsRead)
                .SetProperty(r => r.RowsPublished, v.Payments.Count)
                .SetProperty(r => r.RowsRejected, v.RowsRejected)
                .SetProperty(r => r.Amount, v.AmountPublished)
                .SetProperty(r => r.PartitionsChanged, result.Replacement == null ? 0 : result.Replacement.Changed.Count)
                .SetProperty(r => r.PartitionsUnchanged, result.Replacement == null ? 0 : result.Replacement.Unchanged)
                .SetProperty(r => r.PartitionsKept, result.PartitionsKept)
                .SetProperty(r => r.Rejections, SubmissionRejections.ToJson(v)));
        }
        catch (Exception e) when (IndexBusy(e))
        {
            // The index, not the file, cannot take it now (a `sync` holds it, the cluster is down): it waits for the next turn.
            log.LogWarning(e, "Payment index busy; submission {Id} goes back to the queue", submission.Id);
            db.Submissions.Where(s => s.Id == submission.Id).ExecuteUpdate(s => s.SetProperty(r => r.Status, SubmissionStatus.Queued).SetProperty(r => r.RowsRead, 0));
            return false;
        }
        catch (ExportFileException e)
        {
            Finish(db, submission.Id, s => s.SetProperty(r => r.Status, SubmissionStatus.Failed).SetProperty(r => r.Error, e.Message));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Finish(db, submission.Id, s => s.SetProperty(r => r.Status, SubmissionStatus.Failed)
                .SetProperty(r => r.Error, $"{submission.FileName}：无法读取，未公开任何数据。请重新导出后上传。"));
        }
        catch (Exception e)
        {
            log.LogError(e, "Submission {Id} failed", submission.Id);
            Finish(db, submission.Id, s => s.SetProperty(r => r.Status, SubmissionStatus.Failed)
                .SetProperty(r => r.Error, $"{submission.FileName}：处理时出错（{e.GetType().Name}），未公开任何数据。请告诉运维人员。"));
        }
        return true;
    }

    /// <summary>The public record of what the file changed (公开情况). The index has it already, so a failure is said, not undone.</summary>
    private string? Record(PublicationLedger ledger, FileSyncResult result, string department)
    {
        try
        {
            ledger.RecordSyncAsync(result, department).GetAwaiter().GetResult();
            return null;
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException)
        {
            log.LogError(e, "The publication ledger was not written for a committed submission");
            return "数据已公开，但公开情况记录没有写入：请告诉运维人员（重新上传同一文件不会补记）。";
        }
    }

    /// <summary>Supervision's copy of what was published, and the rules run on it. The index has it already, so a failure is said, not undone.</summary>
    private string? RecordSubjects(PaymentSubjects subjects, FileSyncResult result)
    {
        try
        {
            subjects.RecordSyncAsync([result]).GetAwaiter().GetResult();
            return null;
        }
        // The rule cards unreadable is a deployment's fault, not the file's: the file is published, and said to be unchecked.
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException or IOException or InvalidDataException)
        {
            log.LogError(e, "Payment subjects were not written for a committed submission");
            return "数据已公开，但数据碰撞没有更新，这次的数据没有进入比对：请告诉运维人员（重新上传同一文件不会补上）。";
        }
    }

    private static bool IndexBusy(Exception e) =>
        e is HttpRequestException or TaskCanceledException or Payments.Elasticsearch.ElasticsearchException
        || e.InnerException is Lucene.Net.Store.LockObtainFailedException;

    /// <summary>Rows read so far, for the page the clerk may leave and reopen; each report also renews the lease.</summary>
    private void Report(PortalDb db, long id, SyncProgress progress)
    {
        var until = clock.GetUtcNow().UtcDateTime + options.Value.Lease;
        db.SubmissionLeases.Where(l => l.Id == 1 && l.Holder == _me).ExecuteUpdate(s => s.SetProperty(l => l.Until, until));
        if (progress.Stage == "校验")
            db.Submissions.Where(s => s.Id == id && s.Status == SubmissionStatus.Running).ExecuteUpdate(s => s.SetProperty(r => r.RowsRead, progress.Rows));
    }

    /// <summary>The one write that ends a record: after it the database refuses any change.</summary>
    private void Finish(PortalDb db, long id,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<Submission>> set)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.Submissions.Where(s => s.Id == id && s.Status == SubmissionStatus.Running)
            .ExecuteUpdate(s =>
            {
                set(s);
                s.SetProperty(r => r.FinishedAt, now).SetProperty(r => r.SpoolName, (string?)null);
            });
    }

    private sealed class Progress(Action<SyncProgress> report) : IProgress<SyncProgress>
    {
        public void Report(SyncProgress value) => report(value);
    }
}
