using Microsoft.EntityFrameworkCore;
using Portal.Core.Database;
using Portal.Core.Offices;
using Portal.Core.Reports;
using Portal.Core.Staff;

namespace Portal.Core.Supervision;

/// <summary>A request as the clue's page lists it, its reason opened.</summary>
public sealed record IdentityRequestLine(long Id, Guid RequesterId, string RequesterName, string Reason, DateTime RequestedAt, bool? Approved, string? DeciderName,
    DateTime? RevealedAt);

/// <summary>What a reveal gives: the identity, or why not.</summary>
public sealed record IdentityReveal(RecipientIdentity? Identity, string? Refusal);

/// <summary>
/// Seeing a clue's recipient in full: a 监督 asks with a reason, ANOTHER 监督 approves (or refuses), and only then the requester
/// sees it, once. Both work within their office's region, as for the clue itself. Each step is in the audit log; the identity
/// itself is never stored in clear, logged or kept after the answer.
/// </summary>
public sealed class IdentityRequests(PortalDb db, ClueSeal seal, SubjectIdentity identities, OfficeRegion offices, TimeProvider clock)
{
    public async Task<string?> RequestAsync(long clueId, StaffActor actor, string? reason, CancellationToken cancellationToken = default)
    {
        if (!actor.Has(StaffRoles.Supervisor)) return "只有监督人员可以申请查看身份。";
        var text = ReportValidator.Clean(reason);
        if (text.Length == 0) return "请写明为什么需要查看领取人的完整身份（例如：向民政局发核查函）。";
        if (text.Length > ClueLimits.MaxReason) return $"申请理由最多 {ClueLimits.MaxReason} 个字（现在 {text.Length} 个）。";
        if (!await ReachesAsync(actor, clueId, cancellationToken)) return ClueLedger.NoSuchClue;
        if (await db.IdentityRequests.AnyAsync(r => r.ClueId == clueId && r.RequesterId == actor.Id && r.RevealedAt == null && r.Approved != false, cancellationToken))
            return "您对这条线索已有一份未用完的申请，请等待批准或先查看。";
        var now = clock.GetUtcNow().UtcDateTime;
        db.IdentityRequests.Add(new IdentityRequest { ClueId = clueId, RequesterId = actor.Id, RequesterName = actor.Name, SealedReason = seal.SealReason(clueId, text), RequestedAt = now });
        AuditLog.Append(db, actor, "申请查看身份", null, $"线索 #{clueId}", now);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<string?> DecideAsync(long requestId, StaffActor actor, bool approve, CancellationToken cancellationToken = default)
    {
        if (!actor.Has(StaffRoles.Supervisor)) return "只有监督人员可以审批查看身份的申请。";
        var request = await db.IdentityRequests.FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null || !await ReachesAsync(actor, request.ClueId, cancellationToken)) return "没有这份申请。";
        if (request.RequesterId == actor.Id) return "不能审批自己的申请，请由另一位监督人员审批。";
        if (request.Approved is not null) return $"这份申请已由 {request.DeciderName} {(request.Approved == true ? "批准" : "驳回")}。";
        var now = clock.GetUtcNow().UtcDateTime;
        (request.Approved, request.DeciderId, request.DeciderName, request.DecidedAt) = (approve, actor.Id, actor.Name, now);
        request.Version++;
        AuditLog.Append(db, actor, approve ? "批准查看身份" : "驳回查看身份", null, $"线索 #{request.ClueId}，申请人 {request.RequesterName}", now);
        return await SaveAsync(cancellationToken);
    }

    /// <summary>The identity for the requester of an approved request, the first time only: it is handed out only after the request is saved as used.</summary>
    public async Task<IdentityReveal> RevealAsync(long requestId, StaffActor actor, CancellationToken cancellationToken = default)
    {
        var request = await db.IdentityRequests.FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null || request.RequesterId != actor.Id || !actor.Has(StaffRoles.Supervisor)) return new(null, "没有您的这份申请。");
        if (request.Approved != true) return new(null, request.Approved is null ? "申请还没有批准，请等待另一位监督人员审批。" : "申请已被驳回。");
        if (request.RevealedAt is not null) return new(null, "这份申请已经用过一次。如需再次查看，请重新申请。");
        var clue = await db.Clues.AsNoTracking().SingleAsync(c => c.Id == request.ClueId, cancellationToken);
        // A requester since moved to another county's office no longer sees this county's recipients.
        if (!offices.Reaches(actor, clue.CountyCode)) return new(null, "没有您的这份申请。");
        if (identities.Open(clue) is not { } identity) return new(null, "这条线索的身份信息暂时无法打开，请联系管理员。申请没有用掉。");
        var now = clock.GetUtcNow().UtcDateTime;
        request.RevealedAt = now;
        request.Version++;
        AuditLog.Append(db, actor, "查看身份", null, $"线索 #{request.ClueId}，批准人 {request.DeciderName}", now);
        return await SaveAsync(cancellationToken) is { } refusal ? new(null, refusal) : new(identity, null);
    }

    public async Task<List<IdentityRequestLine>> ForClueAsync(long clueId, CancellationToken cancellationToken = default) =>
        (await db.IdentityRequests.AsNoTracking().Where(r => r.ClueId == clueId).OrderBy(r => r.Id).ToListAsync(cancellationToken))
            .Select(r => new IdentityRequestLine(r.Id, r.RequesterId, r.RequesterName, seal.OpenReason(clueId, r.SealedReason), r.RequestedAt, r.Approved, r.DeciderName, r.RevealedAt))
            .ToList();

    private async Task<bool> ReachesAsync(StaffActor actor, long clueId, CancellationToken cancellationToken) =>
        await db.Clues.Where(c => c.Id == clueId).Select(c => c.CountyCode).FirstOrDefaultAsync(cancellationToken) is { } county && offices.Reaches(actor, county);

    private Task<string?> SaveAsync(CancellationToken cancellationToken) => db.SaveOrRefuseAsync("这份申请已被他人更新，请刷新页面。", cancellationToken);
}
