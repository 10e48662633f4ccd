using Portal.Core.Payments;
using Portal.Core.Regions;

namespace Portal.Core.Payments;

/// <summary>
/// Output-cache tags of payment pages and answers. A page below a county carries its county's tag; a page
/// above carries its own region's; a sync evicts the changed counties and every region above them.
/// </summary>
public static class PaymentCacheTags
{
    public const string All = "payments";

    public static string ForRegion(Region region) =>
        region.Level >= RegionLevel.County ? "payments-county:" + region.Code[..6] : "payments-region:" + region.Code;

    public static IEnumerable<string> ToEvict(IndexChange change, RegionCatalog regions)
    {
        if (change.AllRegions) return [All];
        var tags = new HashSet<string> { ForRegion(RegionCatalog.Country) };
        foreach (var county in change.CountyCodes.Select(regions.Find).OfType<Region>())
            foreach (var region in regions.Path(county)) tags.Add(ForRegion(region));
        return tags;
    }
}
