using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Database;
using Portal.Core.Reports;
using Portal.Core.Supervision;
using Portal.Core.Tests.Reports;

namespace Portal.Core.Tests.Supervision;

/// <summary>Clues put straight into the ledger's table, as the rules would find them, and small files for evidence.</summary>
internal static class LedgerClues
{
    public const string Village = "410221100201";
    public const string Township = "410221100";
    public const string County = "410221";

    public static Clue New(ClueLevel level = ClueLevel.Red, ClueState state = ClueState.Open, string village = Village, string fund = "dibao", int period = 202605,
        decimal amount = 600m) => new()
    {
        RuleCode = level == ClueLevel.Red ? "deceased" : "vehicle", RuleVersion = 1, Level = level, Reason = "死亡日期 2026-03",
        PaymentId = "p" + Guid.NewGuid().ToString("N")[..12], PersonKey = Guid.NewGuid().ToString("N"),
        CountyCode = village[..6], TownshipCode = village[..9], VillageCode = village, FundCode = fund, Period = period, Amount = amount,
        MaskedName = "张*明", Department = "杞县民政局", SourceFile = "2026-05低保.xlsx", SourceRow = 17, SealedIdentity = [1, 2, 3],
        FoundAt = DateTime.UtcNow, LastFoundAt = DateTime.UtcNow, State = state, StateChangedAt = DateTime.UtcNow,
    };

    public static async Task<Clue> AddAsync(this ReportsHarness h, Clue clue)
    {
        await h.With(async sp =>
        {
            var db = sp.GetRequiredService<PortalDb>();
            db.Clues.Add(clue);
            return await db.SaveChangesAsync();
        });
        return clue;
    }

    public static Task<Clue> ClueAsync(this ReportsHarness h, long id) =>
        h.With(sp => sp.GetRequiredService<PortalDb>().Clues.AsNoTracking().SingleAsync(c => c.Id == id));

    public static Task<string?> Ledger(this ReportsHarness h, Func<ClueLedger, Task<string?>> step) =>
        h.With(sp => step(sp.GetRequiredService<ClueLedger>()));

    public static IncomingFile Pdf(string name = "民政局回函.pdf", string text = "%PDF-1.4 回函：张某已于 2026 年 3 月死亡")
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        return new IncomingFile(name, bytes.Length, () => new MemoryStream(bytes));
    }
}
