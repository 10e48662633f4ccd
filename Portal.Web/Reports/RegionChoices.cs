using Portal.Core.Offices;
using Portal.Core.Regions;

namespace Portal.Web.Reports;

/// <summary>
/// The places the report form offers as one short list that works without JavaScript: each county this portal serves
/// that lies within the deployment's offices, with its townships (a county the offices don't cover would only be refused).
/// </summary>
public sealed class RegionChoices(RegionCatalog regions, ServedArea served, OfficeTree offices)
{
    public sealed record County(Region Region, string FullName, IReadOnlyList<Region> Townships);

    public IReadOnlyList<County> Counties { get; } = served.Counties
        .Where(county => offices.Covering(county).Count > 0)
        .Select(county => new County(county, string.Concat(regions.Path(county).Select(RegionCatalog.DisplayName)), regions.Children(county.Code)))
        .ToList();
}
