namespace Portal.Core.Supervision;

/// <summary>萧山's warning colours, worst last so that the worst of several is their maximum.</summary>
public enum ClueColour { Green, Yellow, Red }

/// <summary>A clue as colours see it: where, which fund and month, its level and its state. Nothing else.</summary>
public sealed record ClueMark(string CountyCode, string TownshipCode, string VillageCode, string FundCode, int Period, ClueLevel Level, ClueState State);

/// <summary>A region's colour for one fund and month, with how many clues are open of how many.</summary>
public sealed record RegionColour(string RegionCode, string FundCode, int Period, ClueColour Colour, int Open, int Total);

/// <summary>
/// Red, yellow and green from the ledger alone ("整改不完成，预警不变色"): a region is red while it has a red clue not yet
/// verified or any clue found true and not rectified, yellow while it has other clues under verification, green otherwise.
/// 不属实 and 已整改 close a clue; a proposal waiting for its second person changes nothing.
/// </summary>
public static class ClueColours
{
    public static ClueColour Of(ClueLevel level, ClueState state) => state switch
    {
        ClueState.Confirmed or ClueState.PartlyConfirmed or ClueState.Rectifying => ClueColour.Red,
        ClueState.Open or ClueState.Verifying => level == ClueLevel.Red ? ClueColour.Red : ClueColour.Yellow,
        _ => ClueColour.Green,
    };

    public static ClueColour Worst(IEnumerable<ClueColour> colours) => colours.DefaultIfEmpty(ClueColour.Green).Max();

    /// <summary>Every village, township and county with a clue, per fund and month.</summary>
    public static IReadOnlyList<RegionColour> PerFundAndMonth(IEnumerable<ClueMark> marks)
    {
        var list = marks as IReadOnlyCollection<ClueMark> ?? marks.ToList();
        return Levels(list)
            .GroupBy(x => (x.Region, x.Mark.FundCode, x.Mark.Period))
            .Select(g => Colour(g.Key.Region, g.Key.FundCode, g.Key.Period, g.Select(x => x.Mark)))
            .ToList();
    }

    /// <summary>Each region's worst colour over the funds and months given, worst first, then most open clues: the county at a glance.</summary>
    public static IReadOnlyList<RegionColour> Overview(IEnumerable<ClueMark> marks)
    {
        var list = marks as IReadOnlyCollection<ClueMark> ?? marks.ToList();
        return Levels(list)
            .GroupBy(x => x.Region)
            .Select(g => Colour(g.Key, "", 0, g.Select(x => x.Mark)))
            .OrderByDescending(r => r.Colour).ThenByDescending(r => r.Open).ThenBy(r => r.RegionCode, StringComparer.Ordinal)
            .ToList();
    }

    private static IEnumerable<(string Region, ClueMark Mark)> Levels(IEnumerable<ClueMark> marks) =>
        marks.SelectMany(m => new[] { (m.CountyCode, m), (m.TownshipCode, m), (m.VillageCode, m) });

    private static RegionColour Colour(string region, string fund, int period, IEnumerable<ClueMark> marks)
    {
        var list = marks.ToList();
        return new RegionColour(region, fund, period, Worst(list.Select(m => Of(m.Level, m.State))), list.Count(m => !ClueStates.IsClosed(m.State)), list.Count);
    }
}
