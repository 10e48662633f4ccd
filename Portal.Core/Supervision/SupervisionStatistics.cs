using Microsoft.EntityFrameworkCore;
using Portal.Core.Database;
using Portal.Core.Payments;
using Portal.Core.Regions;

namespace Portal.Core.Supervision;

/// <summary>
/// The public's view of supervision: counts per region and payment month, summed from the payments checked and the
/// clue ledger. It reads no name, no village's figures for the page, and no clue beyond its state and amount recovered.
/// </summary>
public sealed class SupervisionStatistics(PortalDb db, RegionCatalog regions, TimeProvider clock)
{
    private static readonly ClueState[] FoundTrue = [ClueState.Confirmed, ClueState.PartlyConfirmed, ClueState.Rectifying, ClueState.Rectified];

    /// <summary>Whether the public may see figures for this region: a township or above, never a village.</summary>
    public static bool IsPublicLevel(Region region) => region.Level is RegionLevel.Province or RegionLevel.City or RegionLevel.County or RegionLevel.Township;

    public async Task<SupervisionSummary> SummaryAsync(Region region, CancellationToken cancellationToken = default)
    {
        if (!IsPublicLevel(region)) throw new ArgumentException("Supervision figures are public from township up.", nameof(region));
        var to = PaymentIndexRules.CurrentPeriod(clock);
        var from = to.AddMonths(1 - SupervisionSummary.WindowMonths);
        // Rows are grouped by county for a province or a city and by village below, then folded into periods and parts here.
        var byCounty = region.Level <= RegionLevel.City;

        var subjects = await Within(db.PaymentSubjects.AsNoTracking(), region)
            .Where(s => s.Period >= from.Value && s.Period <= to.Value)
            .GroupBy(s => new { s.Period, Key = byCounty ? s.CountyCode : s.VillageCode })
            .Select(g => new Row(g.Key.Period, g.Key.Key, g.Count(), null, 0))
            .ToListAsync(cancellationToken);
        var clues = await Within(db.Clues.AsNoTracking(), region)
            .Where(c => c.Period >= from.Value && c.Period <= to.Value)
            .GroupBy(c => new { c.Period, c.State, Key = byCounty ? c.CountyCode : c.VillageCode })
            .Select(g => new Row(g.Key.Period, g.Key.Key, g.Count(), g.Key.State, g.Sum(c => c.RecoveredAmount ?? 0)))
            .ToListAsync(cancellationToken);

        var rows = subjects.Concat(clues).ToList();
        var periods = rows.GroupBy(r => r.Period).OrderByDescending(g => g.Key)
            .Select(g => new PeriodFigures(Period.FromValue(g.Key), Sum(g))).ToList();
        var parts = PartLength(region) is { } length
            ? rows.GroupBy(r => r.Key[..length]).Select(g => (Region: regions.Find(g.Key), Figures: Sum(g)))
                .Where(p => p.Region is not null).OrderBy(p => p.Region!.Code, StringComparer.Ordinal)
                .Select(p => new PartFigures(p.Region!, p.Figures)).ToList()
            : [];
        return new SupervisionSummary(region, from, to, Sum(rows), periods, parts);
    }

    private sealed record Row(int Period, string Key, int Count, ClueState? State, decimal Recovered);

    private static SupervisionFigures Sum(IEnumerable<Row> rows)
    {
        int checkedCount = 0, flagged = 0, confirmed = 0, rectified = 0;
        decimal recovered = 0;
        foreach (var row in rows)
        {
            if (row.State is not { } state)
            {
                checkedCount += row.Count;
                continue;
            }
            flagged += row.Count;
            if (FoundTrue.Contains(state)) confirmed += row.Count;
            if (state != ClueState.Rectified) continue;
            rectified += row.Count;
            recovered += row.Recovered;
        }
        return new SupervisionFigures(new(checkedCount), new(flagged), new(confirmed), new(rectified), recovered);
    }

    /// <summary>The code length of the parts one level down: a province's cities, a city's counties, a county's townships.</summary>
    private static int? PartLength(Region region) => region.Level switch
    {
        RegionLevel.Province => 4,
        RegionLevel.City => 6,
        RegionLevel.County => 9,
        _ => null,
    };

    /// <summary>Rows of a region, by the county and village codes that payment subjects and clues both carry.</summary>
    private static IQueryable<T> Within<T>(IQueryable<T> rows, Region region) where T : class
    {
        var code = region.Code;
        var county = code.Length >= 6 ? code[..6] : code;
        return region.Level switch
        {
            RegionLevel.County => rows.Where(r => EF.Property<string>(r, nameof(Clue.CountyCode)) == code),
            RegionLevel.Township => rows.Where(r => EF.Property<string>(r, nameof(Clue.CountyCode)) == county
                && EF.Property<string>(r, nameof(Clue.VillageCode)).StartsWith(code)),
            _ => rows.Where(r => EF.Property<string>(r, nameof(Clue.CountyCode)).StartsWith(code)),
        };
    }
}
