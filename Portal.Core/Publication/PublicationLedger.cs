using Microsoft.EntityFrameworkCore;
using Portal.Core.Database;
using Portal.Core.Funds;
using Portal.Core.Ingest;
using Portal.Core.Payments;

namespace Portal.Core.Publication;

/// <summary>
/// The publication ledger: every partition a sync published or corrected and every withdrawal, appended after the
/// index committed it. The one way in for <c>portal-indexer sync</c>, its inbox worker and departments' own submissions.
/// </summary>
public sealed class PublicationLedger(PortalDb db, FundCatalog funds, TimeProvider clock)
{
    /// <summary>
    /// Records what a committed sync changed: each changed partition as published, or as corrected when it was public
    /// already. <paramref name="department"/> is who published; without one, each fund's department in the catalogue.
    /// </summary>
    public async Task<IReadOnlyList<PublicationEvent>> RecordSyncAsync(FileSyncResult result, string? department, CancellationToken cancellationToken = default)
    {
        if (result.Replacement is not { Changed.Count: > 0 } replacement) return [];
        var rows = result.Validation.Payments.GroupBy(p => p.Partition).ToDictionary(g => g.Key, g => g.Count());
        var live = await LiveAsync(replacement.Changed, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var events = replacement.Changed.Select(key => new PublicationEvent
        {
            CountyCode = key.VillageCode[..6],
            VillageCode = key.VillageCode,
            FundCode = key.FundCode,
            Period = key.Period.Value,
            Kind = live.Contains(key) ? PublicationKind.Corrected : PublicationKind.Published,
            At = now,
            Department = DepartmentName(department, key.FundCode),
            Rows = rows.GetValueOrDefault(key),
            RowsRejected = result.Validation.RejectedRows.GetValueOrDefault(key),
        }).ToList();
        db.PublicationEvents.AddRange(events);
        await db.SaveChangesAsync(cancellationToken);
        return events;
    }

    /// <summary>Records that a partition was taken off the index, with the department's public reason.</summary>
    public async Task<PublicationEvent> RecordWithdrawalAsync(PartitionKey key, string reason, string? department, CancellationToken cancellationToken = default)
    {
        var last = await History(key).OrderByDescending(e => e.Id).FirstOrDefaultAsync(cancellationToken);
        var withdrawal = new PublicationEvent
        {
            CountyCode = key.VillageCode[..6],
            VillageCode = key.VillageCode,
            FundCode = key.FundCode,
            Period = key.Period.Value,
            Kind = PublicationKind.Withdrawn,
            At = clock.GetUtcNow().UtcDateTime,
            Department = DepartmentName(department, key.FundCode),
            Rows = last is { Kind: not PublicationKind.Withdrawn } ? last.Rows : 0,
            Reason = reason.Trim(),
        };
        db.PublicationEvents.Add(withdrawal);
        await db.SaveChangesAsync(cancellationToken);
        return withdrawal;
    }

    /// <summary>The county's public record now (<see cref="PublicationRecord"/>): per fund it has published, the last twelve months.</summary>
    public async Task<IReadOnlyList<FundRecord>> RecordOfAsync(string countyCode, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var start = PublicationRecord.WindowStart(now);
        var events = new List<PublicationEvent>();
        // Each fund from the first month of its period that reaches into the window (a yearly fund's from January), one
        // query per fund so that each is a range on the (county, fund, period) index.
        foreach (var fund in funds.All)
        {
            var from = fund.Schedule.PeriodOf(start).First.Value;
            events.AddRange(await db.PublicationEvents.AsNoTracking()
                .Where(e => e.CountyCode == countyCode && e.FundCode == fund.Code && e.Period >= from)
                .ToListAsync(cancellationToken));
        }
        return PublicationRecord.Build(funds, await FirstPublishedAsync(countyCode, cancellationToken), events.OrderBy(e => e.Id).ToList(), now);
    }

    /// <summary>Funds a county has ever published, with the first month of each: the record counts what is late from there on.</summary>
    public async Task<IReadOnlyDictionary<string, Period>> FirstPublishedAsync(string countyCode, CancellationToken cancellationToken = default) =>
        (await db.PublicationEvents.AsNoTracking().Where(e => e.CountyCode == countyCode)
            .GroupBy(e => e.FundCode).Select(g => new { Fund = g.Key, First = g.Min(e => e.Period) }).ToListAsync(cancellationToken))
        .ToDictionary(f => f.Fund, f => Payments.Period.FromValue(f.First));

    /// <summary>A village's partitions that are withdrawn now (nothing published after), newest first; optionally one fund and one month.</summary>
    public async Task<IReadOnlyList<PublicationEvent>> WithdrawnAsync(string villageCode, string? fundCode, Period? period, CancellationToken cancellationToken = default)
    {
        var events = db.PublicationEvents.AsNoTracking().Where(e => e.VillageCode == villageCode);
        if (fundCode is not null) events = events.Where(e => e.FundCode == fundCode);
        if (period is { } p) events = events.Where(e => e.Period == p.Value);
        var all = await events.OrderBy(e => e.Id).ToListAsync(cancellationToken);
        return all.GroupBy(e => e.Partition).Select(g => g.Last()).Where(e => e.Kind == PublicationKind.Withdrawn)
            .OrderByDescending(e => e.Id).ToList();
    }

    /// <summary>The newest event's id (0 when empty): the hosts watch it to evict cached pages.</summary>
    public async Task<long> LastIdAsync(CancellationToken cancellationToken = default) =>
        await db.PublicationEvents.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;

    /// <summary>Counties with events after <paramref name="id"/>.</summary>
    public async Task<IReadOnlyList<string>> CountiesSinceAsync(long id, CancellationToken cancellationToken = default) =>
        await db.PublicationEvents.Where(e => e.Id > id).Select(e => e.CountyCode).Distinct().ToListAsync(cancellationToken);

    /// <summary>Of these partitions, those whose last event left them public.</summary>
    private async Task<HashSet<PartitionKey>> LiveAsync(IReadOnlyList<PartitionKey> keys, CancellationToken cancellationToken)
    {
        var live = new HashSet<PartitionKey>();
        var wanted = keys.ToHashSet();
        // One query per county × fund × month, not per village: a county file changes hundreds of villages at once.
        foreach (var group in keys.GroupBy(k => (County: k.VillageCode[..6], k.FundCode, k.Period.Value)))
        {
            var events = await db.PublicationEvents.AsNoTracking()
                .Where(e => e.CountyCode == group.Key.County && e.FundCode == group.Key.FundCode && e.Period == group.Key.Value)
                .OrderBy(e => e.Id).ToListAsync(cancellationToken);
            foreach (var last in events.GroupBy(e => e.Partition).Select(g => g.Last()))
                if (last.Kind != PublicationKind.Withdrawn && wanted.Contains(last.Partition)) live.Add(last.Partition);
        }
        return live;
    }

    private IQueryable<PublicationEvent> History(PartitionKey key) =>
        db.PublicationEvents.Where(e => e.VillageCode == key.VillageCode && e.FundCode == key.FundCode && e.Period == key.Period.Value);

    private string DepartmentName(string? department, string fundCode)
    {
        var name = string.IsNullOrWhiteSpace(department) ? funds.ByCode(fundCode)?.Department ?? "" : department.Trim();
        return name.Length <= PublicationEvent.MaxDepartmentLength ? name : name[..PublicationEvent.MaxDepartmentLength];
    }
}
