namespace Portal.Core.Regions;

/// <summary>
/// The counties this deployment serves (Portal:ServedRegions, county, city or province codes): the places the report form
/// lists first and whose villages a bare village name in a WeChat message can mean. Any other county is still reached by
/// its name or code.
/// </summary>
public sealed class ServedArea
{
    public ServedArea(RegionCatalog regions, string codes)
    {
        var counties = new List<Region>();
        foreach (var code in codes.Split([',', '，', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            var region = regions.Find(code);
            if (region is null or { Level: RegionLevel.Country or RegionLevel.Township or RegionLevel.Village })
                throw new InvalidOperationException($"Portal:ServedRegions 中的“{code}”不是省、市或县级区划代码（如 410221、4102、41）。");
            counties.AddRange(region.Level == RegionLevel.County ? [region] : CountiesUnder(regions, region));
        }
        Counties = counties.DistinctBy(c => c.Code).OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<Region> Counties { get; }

    private static IEnumerable<Region> CountiesUnder(RegionCatalog regions, Region region) =>
        regions.Children(region.Code).SelectMany(child => child.Level == RegionLevel.County ? [child] : CountiesUnder(regions, child));
}
