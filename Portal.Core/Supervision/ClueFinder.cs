using Microsoft.EntityFrameworkCore;
using Portal.Core.Database;
using Portal.Core.Ingest;

namespace Portal.Core.Supervision;

/// <summary>Which payments a run checks: the partitions a sync changed, one county's (after an import for it), or all.</summary>
public sealed record ClueScope(IReadOnlyCollection<PartitionKey>? Partitions, string? CountyCode)
{
    public static ClueScope All { get; } = new(null, null);
    public static ClueScope Of(IReadOnlyCollection<PartitionKey> partitions) => new(partitions, null);
    public static ClueScope County(string countyCode) => new(null, countyCode);
}

/// <summary>What a run checked and the clues it found, new or found again.</summary>
public sealed record ClueRun(int Checked, IReadOnlyList<Clue> Clues);

/// <summary>
/// Runs the rule cards: joins the payment subjects in scope with the reference lists on the person key in the database,
/// lets each rule read the few matches, and records a clue per rule and payment. A clue found again is the same clue
/// (its state is kept, <see cref="Clue.LastFoundAt"/> moves on); a new one starts <see cref="ClueState.Open"/>.
/// Runs record one at a time (<see cref="ClueRunLock"/>), so runs at the same moment all succeed and a clue is recorded once.
/// </summary>
public sealed class ClueFinder(PortalDb db, RuleCards cards, TimeProvider clock)
{
    private const int Chunk = 500;

    public async Task<ClueRun> RunAsync(ClueScope scope, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var found = new Dictionary<(string Rule, string PaymentId), Hit>();
        var checkedCount = 0;
        foreach (var subjects in Subjects(scope))
        {
            checkedCount += await subjects.CountAsync(cancellationToken);
            var matches = await (from s in subjects
                                 join e in db.ReferenceEntries on s.PersonKey equals e.PersonKey
                                 select new { Subject = s, e.Kind, e.Date, e.Detail, e.Relation }).AsNoTracking().ToListAsync(cancellationToken);
            foreach (var m in matches)
                foreach (var (card, rule) in cards.Rules)
                {
                    if (rule.Kind != m.Kind || !card.AppliesTo(m.Subject.FundCode) || found.ContainsKey((card.Code, m.Subject.PaymentId))) continue;
                    if (rule.Reason(new ReferenceMatch(m.Subject.Period, m.Kind, m.Date, m.Detail, m.Relation)) is not { } reason) continue;
                    found[(card.Code, m.Subject.PaymentId)] = new Hit(card, reason, m.Subject);
                }
        }
        return new ClueRun(checkedCount, await RecordAsync(found, now, cancellationToken));
    }

    private IEnumerable<IQueryable<PaymentSubject>> Subjects(ClueScope scope)
    {
        if (scope.Partitions is { } partitions)
        {
            // One query per fund and month, each a range on the (village, fund, period) index.
            foreach (var group in partitions.GroupBy(k => (k.FundCode, k.Period.Value)))
                foreach (var villages in group.Select(k => k.VillageCode).Chunk(Chunk))
                    yield return db.PaymentSubjects.Where(s => s.FundCode == group.Key.FundCode && s.Period == group.Key.Value && villages.Contains(s.VillageCode));
        }
        else if (scope.CountyCode is { Length: > 0 } county) yield return db.PaymentSubjects.Where(s => s.CountyCode == county);
        else yield return db.PaymentSubjects;
    }

    private sealed record Hit(RuleCard Card, string Reason, PaymentSubject Subject);

    /// <summary>
    /// Moves clues found again on and adds the new ones, in one transaction that first takes the run lock; returns every clue of
    /// the run with its id. On PostgreSQL a transient failure retries the whole of it, from the hits.
    /// </summary>
    private async Task<IReadOnlyList<Clue>> RecordAsync(Dictionary<(string Rule, string PaymentId), Hit> found, DateTime now, CancellationToken cancellationToken) =>
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Held to the commit: a run at the same moment waits here, then reads this run's clues as found again.
            await db.ClueRunLocks.Where(l => l.Id == ClueRunLock.Row).ExecuteUpdateAsync(s => s.SetProperty(l => l.Runs, l => l.Runs + 1), cancellationToken);
            var result = await RecordLockedAsync(found.ToDictionary(h => h.Key, h => NewClue(h.Value.Card, h.Value.Reason, h.Value.Subject, now)), now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        });

    private async Task<IReadOnlyList<Clue>> RecordLockedAsync(Dictionary<(string Rule, string PaymentId), Clue> found, DateTime now, CancellationToken cancellationToken)
    {
        var result = new List<Clue>(found.Count);
        var again = new List<long>();
        foreach (var chunk in found.Keys.Select(k => k.PaymentId).Distinct().Chunk(Chunk))
        {
            var existing = await db.Clues.AsNoTracking().Where(c => chunk.Contains(c.PaymentId)).ToListAsync(cancellationToken);
            foreach (var clue in existing)
                if (found.Remove((clue.RuleCode, clue.PaymentId)))
                {
                    again.Add(clue.Id);
                    clue.LastFoundAt = now;
                    result.Add(clue);
                }
        }
        foreach (var ids in again.Chunk(Chunk))
            await db.Clues.Where(c => ids.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.LastFoundAt, now), cancellationToken);

        var tracking = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var batch in found.Values.Chunk(5_000))
            {
                db.Clues.AddRange(batch);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                result.AddRange(batch);
            }
        }
        finally { db.ChangeTracker.AutoDetectChangesEnabled = tracking; }
        return result.OrderBy(c => c.Id).ToList();
    }

    private static Clue NewClue(RuleCard card, string reason, PaymentSubject s, DateTime now) => new()
    {
        RuleCode = card.Code,
        RuleVersion = card.Version,
        Level = card.Level,
        Reason = reason.Length <= Clue.MaxReasonLength ? reason : reason[..Clue.MaxReasonLength],
        PaymentId = s.PaymentId,
        PersonKey = s.PersonKey,
        CountyCode = s.CountyCode,
        TownshipCode = s.VillageCode[..9],
        VillageCode = s.VillageCode,
        FundCode = s.FundCode,
        Period = s.Period,
        Amount = s.Amount,
        MaskedName = s.MaskedName,
        Department = s.Department,
        SourceFile = s.SourceFile,
        SourceRow = s.SourceRow,
        SealedIdentity = s.SealedIdentity,
        FoundAt = now,
        LastFoundAt = now,
        State = ClueState.Open,
        StateChangedAt = now,
    };
}
