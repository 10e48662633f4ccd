using Microsoft.EntityFrameworkCore;
using Portal.Core.Database;
using Portal.Core.Offices;
using Portal.Core.Staff;

namespace Portal.Core.Reports;

/// <summary>A staff step on a report: a note the reporter sees, a note only staff see.</summary>
public sealed record StaffStep(string? PublicNote, string? StaffNote);

/// <summary>
/// The steps staff take on a report, each checked against the status flow and the actor's role, each
/// written to the timeline and the audit log in the same commit.
/// </summary>
public sealed class ReportHandling(PortalDb db, ReportSeal seal, WorkingCalendarSource calendars, Deadlines deadlines, OfficeScope scope, TimeProvider clock)
{
    public const int MaxNote = 2_000;

    public Task<string?> AcceptAsync(Guid id, StaffActor actor, StaffStep step, CancellationToken cancellationToken = default) =>
        MoveAsync(id, actor, StaffRoles.Intake, ReportStatus.Accepted, step, "受理", cancellationToken);

    public Task<string?> RefuseAsync(Guid id, StaffActor actor, StaffStep step, CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(step.PublicNote)
            ? Task.FromResult<string?>("不予受理必须写明理由，举报人会看到它（例如：属于民事纠纷，请向人民法院起诉）。")
            : MoveAsync(id, actor, StaffRoles.Intake, ReportStatus.NotAccepted, step, "不予受理", cancellationToken);

    public async Task<string?> TransferAsync(Guid id, StaffActor actor, string? unit, Guid? assigneeId, StaffStep step, CancellationToken cancellationToken = default)
    {
        var cleanUnit = ReportValidator.Clean(unit);
        if (cleanUnit.Length is 0 or > 100) return "请填写承办单位（最多 100 个字）。";
        var assignee = assigneeId is { } aid ? await db.StaffAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == aid, cancellationToken) : null;
        if (assignee is null || assignee.Disabled || !assignee.Roles.HasFlag(StaffRoles.Handler) || assignee.OfficeCode != actor.Office) return "请选择本机关的一位承办人。";
        return await MoveAsync(id, actor, StaffRoles.Intake, ReportStatus.Transferred, step, "转办", cancellationToken, report =>
        {
            report.TransferUnit = cleanUnit;
            report.AssigneeId = assignee.Id;
            return $"转至{cleanUnit}，承办人 {assignee.DisplayName}";
        });
    }

    public Task<string?> StartAsync(Guid id, StaffActor actor, StaffStep step, CancellationToken cancellationToken = default) =>
        MoveAsync(id, actor, StaffRoles.Handler, ReportStatus.InProgress, step, "开始办理", cancellationToken);

    public Task<string?> ConcludeAsync(Guid id, StaffActor actor, Disposition? disposition, StaffStep step, CancellationToken cancellationToken = default)
    {
        if (disposition is null) return Task.FromResult<string?>($"请选择处置方式：{string.Join("、", ReportTerms.Dispositions.Values)}。");
        if (string.IsNullOrWhiteSpace(step.PublicNote)) return Task.FromResult<string?>("办结必须写明告知举报人的办理结果。");
        return MoveAsync(id, actor, StaffRoles.Handler, ReportStatus.Concluded, step, "办结", cancellationToken, report =>
        {
            report.ConcludedAt = clock.GetUtcNow().UtcDateTime;
            return $"处置方式：{disposition.Value.Name()}";
        }, disposition);
    }

    /// <summary>A reply to the reporter while the report is being handled, without a change of status.</summary>
    public async Task<string?> ReplyAsync(Guid id, StaffActor actor, string? reply, CancellationToken cancellationToken = default)
    {
        var text = ReportValidator.Clean(reply);
        if (text.Length == 0) return "请填写回复内容。";
        if (text.Length > MaxNote) return $"回复最多 {MaxNote} 个字。";
        var report = await db.Reports.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null) return "没有这个举报。";
        if (Refusal(report, actor, StaffRoles.Handler) is { } refusal) return refusal;
        if (report.Status is not (ReportStatus.Transferred or ReportStatus.InProgress)) return $"举报当前状态为“{report.Status.Name()}”，此时不能回复。";
        var now = clock.GetUtcNow().UtcDateTime;
        report.Version++;
        db.ReportEvents.Add(new ReportEvent
        {
            ReportId = id, At = now, Kind = ReportEventKind.Reply, ActorId = actor.Id, ActorName = actor.Name, OfficeCode = report.OfficeCode,
            SealedPublicNote = seal.SealText(SealedField.PublicNote, id, text),
        });
        AuditLog.Append(db, actor, "回复举报人", id, null, now);
        return await SaveAsync(cancellationToken);
    }

    /// <summary>
    /// 交办 to an office below, or 报送 to the office above, with a reason staff read. Only before the report is given to a
    /// handler: the receiving office accepts (or has accepted for it) and hands it to its own handler. Its deadlines start
    /// again on the day it receives the report; the reporter sees which office handles it now.
    /// </summary>
    public async Task<string?> HandOverAsync(Guid id, StaffActor actor, string? officeCode, string? reason, CancellationToken cancellationToken = default)
    {
        var why = ReportValidator.Clean(reason);
        if (why.Length == 0) return "请写明交办或报送的理由（例如：被反映人为村干部，按管理权限由县纪委监委办理）。";
        if (why.Length > MaxNote) return $"理由最多 {MaxNote} 个字。";
        var report = await db.Reports.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null) return "没有这个举报。";
        if (Refusal(report, actor, StaffRoles.Intake) is { } refusal) return refusal;
        if (report.Status is not (ReportStatus.Submitted or ReportStatus.Accepted))
            return $"举报当前状态为“{report.Status.Name()}”：已转给承办人或已结束办理，不能再交办或报送。";
        var targets = scope.HandOverTargets(actor);
        var target = scope.Office(officeCode);
        if (target is null || target.Code == actor.Office || !targets.Contains(target))
        {
            var choices = string.Join("、", targets.Select(o => o.Name));
            return target?.Code == actor.Office ? "不能交办给本机关。请选择：" + choices + "。"
                : target is null ? $"没有这个机关（{ReportValidator.Clean(officeCode)}）。请选择：{choices}。"
                : $"{target.Name}不是本机关的上级或下级，不能交办或报送。请选择：{choices}。";
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var from = report.OfficeCode;
        var action = scope.HandOverName(from, target.Code);
        report.OfficeCode = target.Code;
        report.ReceivedAt = now;
        report.DueOn = deadlines.DueOn(report, await calendars.CurrentAsync(db, cancellationToken));
        report.Version++;
        db.ReportEvents.Add(new ReportEvent
        {
            ReportId = id, At = now, Kind = ReportEventKind.Handover, ActorId = actor.Id, ActorName = actor.Name, OfficeCode = from, ToOfficeCode = target.Code,
            SealedStaffNote = seal.SealText(SealedField.StaffNote, id, why),
        });
        var sides = $"{report.ReceiptNumber}：{scope.Name(from)} → {target.Name}";
        AuditLog.Append(db, actor, action, id, sides, now);
        AuditLog.AppendOffice(db, target.Name, "收到" + action, id, sides, now);
        return await SaveAsync(cancellationToken);
    }

    /// <summary>
    /// 督办: a superior office presses a subordinate to handle a report, with what it asks for. Once per step; the
    /// subordinate sees it in its queue and on the report, and it changes nothing the subordinate must do.
    /// </summary>
    public async Task<string?> SuperviseAsync(Guid id, StaffActor actor, string? demand, CancellationToken cancellationToken = default)
    {
        var text = ReportValidator.Clean(demand);
        if (text.Length == 0) return "请写明督办要求（例如：请于 5 个工作日内受理并报告进展）。";
        if (text.Length > MaxNote) return $"督办要求最多 {MaxNote} 个字。";
        var report = await db.Reports.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null || !scope.Oversees(actor, report.OfficeCode)) return report?.OfficeCode == actor.Office ? "督办由上级机关对下级机关的举报提出。" : "没有这个举报。";
        if (!actor.Has(StaffRoles.Intake)) return "只有受理员可以督办下级机关的举报。";
        if (StatusFlow.IsClosed(report.Status)) return $"该举报已{report.Status.Name()}，无需督办。";
        var stepSince = report.StepSince;
        var earlier = await db.ReportEvents.Where(e => e.ReportId == id && e.Kind == ReportEventKind.Supervision && e.At >= stepSince)
            .Select(e => (DateTime?)e.At).FirstOrDefaultAsync(cancellationToken);
        if (earlier is { } at) return $"已于 {StepDeadline.Date(ChinaTime.Date(at))} 督办过这一步（{report.Status.Name()}），下一步开始后才能再督办。";

        var now = clock.GetUtcNow().UtcDateTime;
        db.ReportEvents.Add(new ReportEvent
        {
            ReportId = id, At = now, Kind = ReportEventKind.Supervision, ActorId = actor.Id, ActorName = actor.Name, OfficeCode = actor.Office, ToOfficeCode = report.OfficeCode,
            SealedStaffNote = seal.SealText(SealedField.StaffNote, id, text),
        });
        var sides = $"{report.ReceiptNumber}：{scope.Name(actor.Office)} 督办 {scope.Name(report.OfficeCode)}";
        AuditLog.Append(db, actor, "督办", id, sides, now);
        AuditLog.AppendOffice(db, scope.Name(report.OfficeCode), "收到督办", id, sides, now);
        return await SaveAsync(cancellationToken);
    }

    private async Task<string?> MoveAsync(Guid id, StaffActor actor, StaffRoles role, ReportStatus to, StaffStep step, string action,
        CancellationToken cancellationToken, Func<Report, string?>? apply = null, Disposition? disposition = null)
    {
        var publicNote = ReportValidator.Clean(step.PublicNote);
        var staffNote = ReportValidator.Clean(step.StaffNote);
        if (publicNote.Length > MaxNote || staffNote.Length > MaxNote) return $"说明最多 {MaxNote} 个字。";
        var report = await db.Reports.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null) return "没有这个举报。";
        if (Refusal(report, actor, role) is { } refusal) return refusal;
        if (!StatusFlow.Allows(report.Status, to)) return StatusFlow.Refusal(report.Status, to);

        var now = clock.GetUtcNow().UtcDateTime;
        var detail = apply?.Invoke(report);
        report.Status = to;
        report.StatusChangedAt = now;
        if (to == ReportStatus.Accepted) report.AcceptedAt = now;
        report.DueOn = deadlines.DueOn(report, await calendars.CurrentAsync(db, cancellationToken));
        report.Version++;
        db.ReportEvents.Add(new ReportEvent
        {
            ReportId = id, At = now, Kind = ReportEventKind.StatusChange, ToStatus = to, ActorId = actor.Id, ActorName = actor.Name, Disposition = disposition,
            OfficeCode = report.OfficeCode,
            SealedPublicNote = publicNote.Length > 0 ? seal.SealText(SealedField.PublicNote, id, publicNote) : null,
            SealedStaffNote = staffNote.Length > 0 ? seal.SealText(SealedField.StaffNote, id, staffNote) : null,
        });
        AuditLog.Append(db, actor, action, id, detail, now);
        return await SaveAsync(cancellationToken);
    }

    /// <summary>Intake staff act on the reports of their own office; a handler only on what was transferred to them.</summary>
    private string? Refusal(Report report, StaffActor actor, StaffRoles role)
    {
        if (report.OfficeCode != actor.Office)
            return scope.Oversees(actor, report.OfficeCode) ? $"这件举报由{scope.Name(report.OfficeCode)}办理，上级机关只能查阅，不能办理。" : "没有这个举报。";
        if (!actor.Has(role)) return role == StaffRoles.Intake ? "只有受理员可以受理、不予受理或转办。" : "只有承办人可以办理、回复和办结。";
        if (role == StaffRoles.Handler && report.AssigneeId != actor.Id) return "这件举报没有转给您承办。";
        return null;
    }

    private Task<string?> SaveAsync(CancellationToken cancellationToken) => db.SaveOrRefuseAsync("这件举报刚刚被其他人处理过。请刷新页面，看清最新状态后再操作。", cancellationToken);
}
