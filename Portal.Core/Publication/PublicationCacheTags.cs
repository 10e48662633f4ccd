namespace Portal.Core.Publication;

/// <summary>Output-cache tags of the public publication record: one per county, evicted when its ledger changes.</summary>
public static class PublicationCacheTags
{
    public static string ForCounty(string countyCode) => "publication-county:" + countyCode[..6];
}
