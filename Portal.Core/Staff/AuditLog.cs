using Microsoft.EntityFrameworkCore;
using Portal.Core.Database;

namespace Portal.Core.Staff;

public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Total, int Page, int PageSize);

/// <summary>
/// The append-only record of every staff read and action. Entries are added to the caller's unit of work,
/// so an action and its audit line commit together; the database refuses updates and deletes of them.
/// </summary>
public static class AuditLog
{
    /// <summary>Adds a line; a null actor is the command line (the first administrator is made there).</summary>
    public static void Append(PortalDb db, StaffActor? actor, string action, Guid? reportId, string? detail, DateTime at) =>
        db.AuditEntries.Add(new AuditEntry { At = at, StaffId = actor?.Id, StaffName = actor?.Name ?? "命令行", Action = action, ReportId = reportId, Detail = detail });

    /// <summary>Adds a line for what the Portal did by itself, such as a scheduled publication.</summary>
    public static void AppendSystem(PortalDb db, string name, string action, string? detail, DateTime at) =>
        db.AuditEntries.Add(new AuditEntry { At = at, StaffName = name, Action = action, Detail = detail });

    /// <summary>Adds a line on an office's side of something another office did to it, such as a report handed to it.</summary>
    public static void AppendOffice(PortalDb db, string officeName, string action, Guid reportId, string detail, DateTime at) =>
        db.AuditEntries.Add(new AuditEntry { At = at, StaffName = officeName, Action = action, ReportId = reportId, Detail = detail });

    /// <summary>Adds a line for what a reporter did by query code (催办); it names no one and holds no address.</summary>
    public static void AppendReporter(PortalDb db, string action, Guid reportId, string detail, DateTime at) =>
        db.AuditEntries.Add(new AuditEntry { At = at, StaffName = "举报人", Action = action, ReportId = reportId, Detail = detail });

    public static async Task<AuditPage> ReadAsync(PortalDb db, StaffActor reader, int page, Guid? reportId, DateTime now, CancellationToken cancellationToken = default)
    {
        if (!reader.Has(StaffRoles.Auditor)) throw new UnauthorizedAccessException("只有审计人员可以查看审计日志。");
        const int pageSize = 100;
        page = Math.Max(1, page);
        var query = db.AuditEntries.AsNoTracking();
        if (reportId is { } id) query = query.Where(e => e.ReportId == id);
        var total = await query.CountAsync(cancellationToken);
        var entries = await query.OrderByDescending(e => e.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        Append(db, reader, "查看审计日志", reportId, $"第 {page} 页", now);
        await db.SaveChangesAsync(cancellationToken);
        return new AuditPage(entries, total, page, pageSize);
    }
}
