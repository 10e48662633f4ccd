using Portal.Core.Regions;
using Portal.Core.Reports;

namespace Portal.Core.Offices;

public enum RoutingRefusal { None, UnknownPlace, OutsideDeployment, AboveTopOffice }

/// <summary>The office a report goes to, or why the deployment does not take it in and where the reporter should go instead.</summary>
public sealed record Routing(Office? Office, RoutingRefusal Refusal, string? Message)
{
    public bool Accepted => Office is not null;
}

/// <summary>
/// 管理权限: a report goes to the most local office that covers the accused's place and handles the accused's level
/// (a village cadre of 杞县 to 杞县纪委监委, a 县处级 official there to 开封市纪委监委). When no covering office lists the
/// level (其他, or a 乡科级 cadre of a city unit) the most local covering office takes it. A level above every level the
/// top office handles, or a place outside its region, is not taken in.
/// </summary>
public sealed class Jurisdiction(OfficeTree offices, RegionCatalog regions)
{
    /// <summary>The national site, always open to any report.</summary>
    public const string NationalSite = "https://www.12388.gov.cn";

    /// <summary>Lowest first: a level is "above" the top office when it outranks everything the top office handles.</summary>
    private static readonly OfficialLevel[] Rank = [OfficialLevel.Village, OfficialLevel.TownshipAndBelow, OfficialLevel.County, OfficialLevel.DepartmentalAndAbove];

    public Routing Route(string? placeCode, OfficialLevel level)
    {
        if (regions.Find(placeCode?.Trim()) is not { Level: not RegionLevel.Country } place)
            return new Routing(null, RoutingRefusal.UnknownPlace, "所选地区不存在，请从列表中选择，或填写 6 位县级或 9/12 位乡村行政区划代码。");
        var chain = offices.Covering(place);
        if (chain.Count == 0)
            return new Routing(null, RoutingRefusal.OutsideDeployment,
                $"{string.Concat(regions.Path(place).Select(RegionCatalog.DisplayName))}不在本平台受理范围（{RegionCatalog.DisplayName(regions.Find(offices.Top.RegionCode)!)}）。" +
                $"请向当地纪委监委或中央纪委国家监委网站（{NationalSite}）举报。");
        if (IsAboveTop(level))
            return new Routing(null, RoutingRefusal.AboveTopOffice,
                $"本平台由{offices.Top.Name}及其下级纪委监委受理，{level.Name()}干部不在受理范围。请向{offices.Elsewhere.Name}（{offices.Elsewhere.Site}）" +
                $"或中央纪委国家监委网站（{NationalSite}）举报。");
        var handling = chain.LastOrDefault(o => o.Levels.Contains(level)) ?? chain[^1];
        return new Routing(handling, RoutingRefusal.None, null);
    }

    private bool IsAboveTop(OfficialLevel level)
    {
        var rank = Array.IndexOf(Rank, level);
        if (rank < 0) return false;
        var highest = offices.Top.Levels.Select(l => Array.IndexOf(Rank, l)).DefaultIfEmpty(-1).Max();
        return highest >= 0 && rank > highest;
    }
}
