using Portal.Core.Regions;

namespace Portal.Web.Reports;

/// <summary>
/// The places the report form offers as one short list that works without JavaScript: each county this portal serves,
/// with its townships. Anywhere else in China is given by its code.
/// </summary>
public sealed class RegionChoices(RegionCatalog regions, ServedArea served)
{
    public sealed record County(Region Region, string FullName, IReadOnlyList<Region> Townships);

    public IReadOnlyList<County> Counties { get; } = served.Counties
        .Select(county => new County(county, string.Concat(regions.Path(county).Select(RegionCatalog.DisplayName)), regions.Children(county.Code)))
        .ToList();
}
