using Portal.Core.Staff;

namespace Portal.Core.Offices;

/// <summary>
/// Which places' data a 纪委 staff member works with: those within their office's region, by region code prefix (杞县
/// 410221 reaches its own villages only). The top office reaches everything the deployment holds, its counties and any
/// place configured beyond its region, so that no department's records or clues are left where no one reads them. An
/// actor of no office, or of an office no longer configured, reaches none. Unlike <see cref="OfficeScope"/>, which follows
/// the tree for reports, this follows the map for data.
/// </summary>
public sealed class OfficeRegion(OfficeTree offices)
{
    /// <summary>The region code every place the actor reaches starts with: empty for the top office, null when they reach none.</summary>
    public string? Prefix(StaffActor actor) =>
        offices.Find(actor.Office) is not { } own ? null : own.Code == offices.Top.Code ? "" : own.RegionCode;

    /// <summary>Whether the place (a county, township or village code) is the actor's to work with.</summary>
    public bool Reaches(StaffActor actor, string? regionCode) =>
        Prefix(actor) is { } prefix && regionCode is not null && regionCode.StartsWith(prefix, StringComparison.Ordinal);

    /// <summary>Whether every one of the counties is the actor's (and there is at least one).</summary>
    public bool ReachesAll(StaffActor actor, IReadOnlyCollection<string> countyCodes) =>
        countyCodes.Count > 0 && countyCodes.All(code => Reaches(actor, code));

    /// <summary>Whether the actor's office is the top one, whose region is the whole deployment (a list "for every county" is theirs to import).</summary>
    public bool ReachesEverywhere(StaffActor actor) => Prefix(actor) is "";

    /// <summary>The codes of the offices whose staff may work on the place: those whose region holds it, and the top office.</summary>
    public IReadOnlyList<string> OfficesReaching(string regionCode) =>
        offices.All.Where(o => o.Code == offices.Top.Code || regionCode.StartsWith(o.RegionCode, StringComparison.Ordinal)).Select(o => o.Code).ToList();

    /// <summary>The actor's office, for naming it on a page or in a refusal.</summary>
    public Office? OfficeOf(StaffActor actor) => offices.Find(actor.Office);
}
