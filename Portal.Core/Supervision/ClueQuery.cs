using Microsoft.EntityFrameworkCore;
using Portal.Core.Database;
using Portal.Core.Offices;
using Portal.Core.Reports;
using Portal.Core.Staff;

namespace Portal.Core.Supervision;

/// <summary>The ledger's filters, as the GET form sends them; each is optional.</summary>
public sealed record ClueFilter(string? Rule = null, ClueLevel? Level = null, string? Township = null, string? Village = null, string? Fund = null,
    int? Period = null, ClueState? State = null, int Page = 1);

public sealed record CluePage(IReadOnlyList<Clue> Clues, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>One evidence file as the page lists it (its name opened, its bytes not).</summary>
public sealed record EvidenceItem(Guid Id, long EventId, string FileName, AttachmentKind Kind, long Length, DateTime AddedAt);

/// <summary>One step of the history as the page shows it, its note opened.</summary>
public sealed record ClueStep(long Id, DateTime At, string ActorName, string Action, ClueState From, ClueState To, string? Note);

public sealed record ClueDetails(Clue Clue, IReadOnlyList<ClueStep> History, IReadOnlyList<EvidenceItem> Evidence);

/// <summary>An evidence file opened for download; the stream is the plaintext.</summary>
public sealed record EvidenceFile(string FileName, AttachmentKind Kind, long Length, Stream Content);

/// <summary>
/// Reading the ledger: the filtered list, one clue in full, its evidence, and the clues on a payment. A 监督 reads the clues
/// of the counties within their office's region (<see cref="OfficeRegion"/>): 杞县's its own, the city's every county's.
/// Reads of clues are audited, and so is a clue asked for beyond the region, answered as one that does not exist.
/// </summary>
public sealed class ClueQuery(PortalDb db, ClueSeal seal, [Microsoft.Extensions.DependencyInjection.FromKeyedServices(ReportBlobs.Container)] Blobs.IBlobStore blobs,
    OfficeRegion offices, TimeProvider clock)
{
    public const int PageSize = 50;

    public async Task<CluePage> ListAsync(ClueFilter filter, StaffActor actor, CancellationToken cancellationToken = default)
    {
        RequireSupervisor(actor);
        var query = Filtered(filter, actor);
        var total = await query.CountAsync(cancellationToken);
        var page = Math.Clamp(filter.Page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var clues = await query.OrderBy(c => c.State == ClueState.Rectified || c.State == ClueState.Unfounded).ThenBy(c => c.Level).ThenByDescending(c => c.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        AuditLog.Append(db, actor, "查看线索台账", null, $"第 {page} 页", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return new CluePage(clues, total, page, PageSize);
    }

    /// <summary>The colours' input for the same filters, without the state filter (a colour is over every state).</summary>
    public Task<List<ClueMark>> MarksAsync(ClueFilter filter, StaffActor actor, CancellationToken cancellationToken = default) =>
        Filtered(filter with { State = null, Rule = null, Level = null }, actor)
            .Select(c => new ClueMark(c.CountyCode, c.TownshipCode, c.VillageCode, c.FundCode, c.Period, c.Level, c.State)).ToListAsync(cancellationToken);

    public async Task<ClueDetails?> OpenAsync(long id, StaffActor actor, CancellationToken cancellationToken = default)
    {
        RequireSupervisor(actor);
        var clue = await Reachable(actor).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (clue is null)
        {
            // Whether it is another county's or none at all, the answer is the same; a guessed address is still on record.
            AuditLog.Append(db, actor, "查看线索被拒", null, $"线索 #{id}：不存在或不在本机关辖区", clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        var history = (await db.ClueEvents.AsNoTracking().Where(e => e.ClueId == id).OrderBy(e => e.Id).ToListAsync(cancellationToken))
            .Select(e => new ClueStep(e.Id, e.At, e.ActorName, e.Action, e.From, e.To, e.SealedNote is null ? null : seal.OpenNote(id, e.SealedNote))).ToList();
        var evidence = (await db.ClueEvidence.AsNoTracking().Where(e => e.ClueId == id).OrderBy(e => e.AddedAt).ToListAsync(cancellationToken))
            .Select(e => new EvidenceItem(e.Id, e.EventId, seal.OpenName(e.Id, e.SealedName), e.Kind, e.Length, e.AddedAt)).ToList();
        AuditLog.Append(db, actor, "查看线索", null, $"线索 #{id}", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return new ClueDetails(clue, history, evidence);
    }

    public async Task<EvidenceFile?> EvidenceAsync(long clueId, Guid evidenceId, StaffActor actor, CancellationToken cancellationToken = default)
    {
        RequireSupervisor(actor);
        if (!await Reachable(actor).AnyAsync(c => c.Id == clueId, cancellationToken))
        {
            AuditLog.Append(db, actor, "下载证明材料被拒", null, $"线索 #{clueId}：不存在或不在本机关辖区", clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        var record = await db.ClueEvidence.AsNoTracking().FirstOrDefaultAsync(e => e.Id == evidenceId && e.ClueId == clueId, cancellationToken);
        if (record is null || await blobs.OpenAsync(record.BlobName, cancellationToken) is not { } sealedStream) return null;
        var content = await seal.OpenFileAsync(record.Id, sealedStream, cancellationToken);
        try
        {
            AuditLog.Append(db, actor, "下载证明材料", null, $"线索 #{clueId}", clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return new EvidenceFile(seal.OpenName(record.Id, record.SealedName), record.Kind, record.Length, content);
        }
        catch
        {
            await content.DisposeAsync();
            throw;
        }
    }

    /// <summary>Every township and village within the actor's region that has a clue, for the filter's choices.</summary>
    public async Task<List<(string Township, string Village)>> PlacesAsync(StaffActor actor, CancellationToken cancellationToken = default) =>
        (await Reachable(actor).Select(c => new { c.TownshipCode, c.VillageCode }).Distinct().ToListAsync(cancellationToken))
            .Select(p => (p.TownshipCode, p.VillageCode)).OrderBy(p => p.VillageCode, StringComparer.Ordinal).ToList();

    /// <summary>The clues on a disputed payment, for a report's page; only a 监督 sees them.</summary>
    public Task<List<Clue>> OnPaymentAsync(string? paymentId, StaffActor actor, CancellationToken cancellationToken = default) =>
        paymentId is null || !actor.Has(StaffRoles.Supervisor)
            ? Task.FromResult(new List<Clue>())
            : Reachable(actor).Where(c => c.PaymentId == paymentId).OrderBy(c => c.Id).ToListAsync(cancellationToken);

    /// <summary>The 监督 a clue can be assigned to: those of the offices whose region holds its county.</summary>
    public Task<List<StaffAccount>> SupervisorsAsync(Clue clue, CancellationToken cancellationToken = default)
    {
        var reaching = offices.OfficesReaching(clue.CountyCode);
        return db.StaffAccounts.AsNoTracking().Where(a => !a.Disabled && (a.Roles & StaffRoles.Supervisor) == StaffRoles.Supervisor && reaching.Contains(a.OfficeCode))
            .OrderBy(a => a.DisplayName).ToListAsync(cancellationToken);
    }

    /// <summary>The clues of the counties within the actor's office's region; none for an actor of no office.</summary>
    private IQueryable<Clue> Reachable(StaffActor actor) =>
        offices.Prefix(actor) is { } prefix ? db.Clues.AsNoTracking().Where(c => c.CountyCode.StartsWith(prefix)) : db.Clues.AsNoTracking().Where(c => false);

    private IQueryable<Clue> Filtered(ClueFilter f, StaffActor actor)
    {
        var query = Reachable(actor);
        if (!string.IsNullOrWhiteSpace(f.Rule)) query = query.Where(c => c.RuleCode == f.Rule);
        if (f.Level is { } level) query = query.Where(c => c.Level == level);
        if (!string.IsNullOrWhiteSpace(f.Township)) query = query.Where(c => c.TownshipCode == f.Township);
        if (!string.IsNullOrWhiteSpace(f.Village)) query = query.Where(c => c.VillageCode == f.Village);
        if (!string.IsNullOrWhiteSpace(f.Fund)) query = query.Where(c => c.FundCode == f.Fund);
        if (f.Period is { } period) query = query.Where(c => c.Period == period);
        if (f.State is { } state) query = query.Where(c => c.State == state);
        return query;
    }

    private static void RequireSupervisor(StaffActor actor)
    {
        if (!actor.Has(StaffRoles.Supervisor)) throw new UnauthorizedAccessException("只有监督人员可以查看线索台账。");
    }
}
