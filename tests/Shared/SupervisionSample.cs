using Portal.Core.Database;
using Portal.Core.Supervision;

namespace Portal.Tests;

/// <summary>
/// Payments checked and clues in given states, written straight to the database: how the public figures are given
/// something to count without running the rules.
/// </summary>
public static class SupervisionSample
{
    public static async Task AddPaymentsAsync(PortalDb db, string villageCode, int period, int count)
    {
        for (var i = 0; i < count; i++)
            db.PaymentSubjects.Add(new PaymentSubject
            {
                CountyCode = villageCode[..6], VillageCode = villageCode, FundCode = "rural-dibao", Period = period,
                PaymentId = $"{villageCode}{period}{i:D2}", PersonKey = $"{i:x32}", MaskedName = "张*", Amount = 400,
                Department = "民政", SourceFile = "may.csv", SourceRow = i + 4, SealedIdentity = [1],
            });
        await db.SaveChangesAsync();
    }

    public static async Task AddClueAsync(PortalDb db, string villageCode, int period, ClueState state, decimal? recovered = null)
    {
        var now = DateTime.UtcNow;
        db.Clues.Add(new Clue
        {
            RuleCode = "deceased", RuleVersion = 1, Level = ClueLevel.Red, Reason = "死亡日期 2026-01", PaymentId = Guid.NewGuid().ToString("N")[..20],
            PersonKey = Guid.NewGuid().ToString("N"), CountyCode = villageCode[..6], TownshipCode = villageCode[..9], VillageCode = villageCode,
            FundCode = "rural-dibao", Period = period, Amount = 400, MaskedName = "张*", Department = "民政", SourceFile = "may.csv", SourceRow = 5,
            SealedIdentity = [1], State = state, RecoveredAmount = recovered, FoundAt = now, LastFoundAt = now, StateChangedAt = now,
        });
        await db.SaveChangesAsync();
    }
}
