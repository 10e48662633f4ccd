using Portal.Core.Offices;
using Portal.Core.Regions;

namespace Portal.Core.Reports.Statistics;

/// <summary>Which offices a public record covers: nothing finer than a county, and only offices of this deployment.</summary>
public static class StatisticsScope
{
    /// <summary>The offices whose region lies within a province, city or county; the problem, in Chinese, for any other code.</summary>
    public static (Region? Region, IReadOnlyList<Office> Offices, string? Problem) OfRegion(string? code, RegionCatalog regions, OfficeTree tree)
    {
        if (string.IsNullOrWhiteSpace(code))
            return (null, [], $"请用 region 指定一个市或县（区）的代码，例如 ?region={tree.Top.RegionCode}（{tree.Top.Name}）。");
        if (regions.Find(code.Trim()) is not { } region)
            return (null, [], $"“{code.Trim()}”不是已知的区划代码。请使用 2、4 或 6 位代码，例如 {tree.Top.RegionCode}。");
        if (region.Level > RegionLevel.County)
            return (null, [], "举报办理情况只按县（区）及以上公布：更小的地方的数字可能指向具体的举报人。请改用所在县（区）的 6 位代码" +
                (region.Code.Length >= 6 ? $"（{region.Code[..6]}）" : "") + "。");
        var offices = tree.WithinRegion(region.Code);
        return offices.Count == 0
            ? (null, [], $"本平台没有{RegionCatalog.DisplayName(region)}的纪委监委，请使用 {tree.Top.RegionCode}（{tree.Top.Name}）之内的区划代码。")
            : (region, offices, null);
    }

    /// <summary>The offices a visitor can pick one by one: those of a county or larger, since a smaller one names its place.</summary>
    public static IReadOnlyList<Office> Listed(OfficeTree tree, RegionCatalog regions) => Named(tree.All, regions);

    /// <summary>
    /// The offices a record may name: a township 纪委 is counted in its county's figures but not named, since its name is
    /// its township's.
    /// </summary>
    public static IReadOnlyList<Office> Named(IEnumerable<Office> offices, RegionCatalog regions) =>
        offices.Where(o => regions.Find(o.RegionCode) is { Level: <= RegionLevel.County }).ToList();
}
