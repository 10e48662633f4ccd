using Portal.Core.Regions;

namespace Portal.Web.Reports;

/// <summary>
/// The places the report form offers as one short list that works without JavaScript: each county whose townships and
/// villages are in content (the counties this portal serves), with its townships. Anywhere else is given by its code.
/// </summary>
public sealed class RegionChoices(RegionCatalog regions)
{
    public sealed record County(Region Region, string FullName, IReadOnlyList<Region> Townships);

    public IReadOnlyList<County> Counties { get; } = regions.AtLevel(RegionLevel.County)
        .Where(county => regions.Children(county.Code).Any(township => regions.Children(township.Code).Count > 0))
        .OrderBy(county => county.Code, StringComparer.Ordinal)
        .Select(county => new County(county, string.Concat(regions.Path(county).Select(RegionCatalog.DisplayName)), regions.Children(county.Code)))
        .ToList();
}
