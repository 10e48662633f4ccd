using Microsoft.EntityFrameworkCore;
using Portal.Core.Database;
using Portal.Core.Ingest;
using Portal.Core.Offices;
using Portal.Core.Staff;

namespace Portal.Core.Submissions;

/// <summary>
/// Takes a department's file into the queue (spooled, recorded as queued, the worker woken) and reads the records back:
/// a clerk reads their own department's, the 纪委's staff those of the departments within their office's region.
/// </summary>
public sealed class SubmissionQueue(PortalDb db, Departments departments, SubmissionSpool spool, SubmissionWakeUp wakeUp, OfficeRegion offices, TimeProvider clock)
{
    public const int PageSize = 50;

    /// <summary>A clerk's upload from the browser.</summary>
    public async Task<(Submission? Submission, string? Problem)> SubmitAsync(StaffActor clerk, string? fileName, Stream content, bool dryRun, CancellationToken cancellationToken = default)
    {
        if (!clerk.Has(StaffRoles.Submitter)) return (null, "只有数据报送账号可以上传数据。");
        if (await departments.ScopeOfAsync(clerk.Id, cancellationToken) is not { } scope)
            return (null, "本账号还没有绑定报送部门，请联系管理员在“账号管理”中选择部门。");
        return await EnqueueAsync(new SubmissionSource(scope.Department, clerk.Id, null, clerk.Name, SubmissionChannel.Web, null), fileName, content, dryRun, cancellationToken);
    }

    /// <summary>The first submission made with this key and Idempotency-Key, which a replay answers with.</summary>
    public Task<Submission?> ReplayOfAsync(KeyHolder holder, string idempotencyKey, CancellationToken cancellationToken = default) =>
        db.Submissions.AsNoTracking().FirstOrDefaultAsync(s => s.ApiKeyId == holder.Key.Id && s.IdempotencyKey == idempotencyKey, cancellationToken);

    /// <summary>A record of the key's department, for its status address.</summary>
    public Task<Submission?> FindAsync(KeyHolder holder, long id, CancellationToken cancellationToken = default) =>
        db.Submissions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.DepartmentId == holder.Department.Id, cancellationToken);

    public async Task<(Submission? Submission, string? Problem)> EnqueueAsync(SubmissionSource source, string? fileName, Stream content, bool dryRun, CancellationToken cancellationToken = default)
    {
        var department = source.Department;
        if (SubmissionSpool.SafeName(fileName) is not { } name)
            return (null, $"“{Path.GetFileName(fileName ?? "")}”不是 CSV 或 XLSX 文件：请从原系统导出为 .xlsx 或 .csv 后上传。");
        SpooledFile spooled;
        try { spooled = await spool.SaveAsync(name, content, cancellationToken); }
        catch (ExportFileException e) { return (null, e.Message); }
        var submission = new Submission
        {
            DepartmentId = department.Id, DepartmentName = department.Name, StaffId = source.StaffId, SubmittedBy = source.SubmittedBy, Channel = source.Channel,
            ApiKeyId = source.ApiKeyId, IdempotencyKey = source.IdempotencyKey,
            SubmittedAt = clock.GetUtcNow().UtcDateTime, FileName = name, FileBytes = spooled.Bytes, Sha256 = spooled.Sha256, DryRun = dryRun,
            SpoolName = spooled.Name, Status = SubmissionStatus.Queued,
        };
        db.Submissions.Add(submission);
        try { await db.SaveChangesAsync(cancellationToken); }
        catch (DbUpdateException) when (source is { ApiKeyId: { } keyId, IdempotencyKey: { } replayed })
        {
            // The same request sent twice at once: the one that came second answers with the first.
            await spool.DeleteAsync(spooled.Name);
            db.ChangeTracker.Clear();
            return (await db.Submissions.AsNoTracking().FirstAsync(s => s.ApiKeyId == keyId && s.IdempotencyKey == replayed, cancellationToken), null);
        }
        catch
        {
            await spool.DeleteAsync(spooled.Name);
            throw;
        }
        wakeUp.Ring();
        return (submission, null);
    }

    /// <summary>Newest first; a clerk sees their department's only.</summary>
    public async Task<(List<Submission> Items, int Total)> ListAsync(StaffActor reader, int page, CancellationToken cancellationToken = default)
    {
        var query = await ReadableAsync(reader, cancellationToken);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(s => s.Id).Skip((Math.Max(1, page) - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return (items, total);
    }

    public async Task<Submission?> FindAsync(StaffActor reader, long id, CancellationToken cancellationToken = default) =>
        await (await ReadableAsync(reader, cancellationToken)).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);

    /// <summary>
    /// The 纪委's staff (受理员, 承办人, 审计, 管理员) read the records of the departments whose every county lies within their
    /// office's region (<see cref="OfficeRegion"/>): 杞县's staff those of 杞县民政局, the top office's every department's.
    /// A department's file may hold any of its counties, so a department reaching past the region is not read there.
    /// A clerk reads their department's only; anyone else none.
    /// </summary>
    public static bool ReadsForOffice(StaffActor reader) =>
        reader.Has(StaffRoles.Intake) || reader.Has(StaffRoles.Handler) || reader.Has(StaffRoles.Auditor) || reader.Has(StaffRoles.Admin);

    private async Task<IQueryable<Submission>> ReadableAsync(StaffActor reader, CancellationToken cancellationToken)
    {
        var all = db.Submissions.AsNoTracking();
        if (ReadsForOffice(reader))
        {
            var within = (await departments.ListAsync(cancellationToken)).Where(d => offices.ReachesAll(reader, d.CountyCodes)).Select(d => d.Id).ToList();
            return all.Where(s => within.Contains(s.DepartmentId));
        }
        if (reader.Has(StaffRoles.Submitter) && await departments.ScopeOfAsync(reader.Id, cancellationToken) is { } scope)
            return all.Where(s => s.DepartmentId == scope.Department.Id);
        return all.Where(s => false);
    }
}

/// <summary>Who sends a file: a clerk of the department, or its system with an API key (and, then, the client's Idempotency-Key).</summary>
public sealed record SubmissionSource(Department Department, Guid? StaffId, Guid? ApiKeyId, string SubmittedBy, SubmissionChannel Channel, string? IdempotencyKey);

/// <summary>Wakes this host's worker at once when a file is queued here; other hosts' workers find it at their next look.</summary>
public sealed class SubmissionWakeUp
{
    private readonly SemaphoreSlim _bell = new(0, 1);

    public void Ring()
    {
        try { _bell.Release(); }
        catch (SemaphoreFullException) { } // already ringing
    }

    /// <summary>True when rung, false when the wait ran out.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _bell.WaitAsync(timeout, cancellationToken);
}
