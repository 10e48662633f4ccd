using Portal.Core.Staff;

namespace Portal.Core.Offices;

/// <summary>
/// Which places' data a 纪委 staff member works with: those within their office's region, by region code prefix (开封市
/// 4102 reaches 410221 and 410223, 杞县 410221 only its own). An actor of no office, or of an office no longer configured,
/// reaches none. Unlike <see cref="OfficeScope"/>, which follows the tree for reports, this follows the map for data.
/// </summary>
public sealed class OfficeRegion(OfficeTree offices)
{
    /// <summary>The region code every place the actor reaches starts with; null when they reach none.</summary>
    public string? Prefix(StaffActor actor) => offices.Find(actor.Office)?.RegionCode;

    /// <summary>Whether the place (a county, township or village code) lies within the actor's office's region.</summary>
    public bool Reaches(StaffActor actor, string? regionCode) =>
        Prefix(actor) is { } prefix && regionCode is not null && regionCode.StartsWith(prefix, StringComparison.Ordinal);

    /// <summary>Whether every one of the counties lies within the actor's office's region (and there is at least one).</summary>
    public bool ReachesAll(StaffActor actor, IReadOnlyCollection<string> countyCodes) =>
        countyCodes.Count > 0 && countyCodes.All(code => Reaches(actor, code));

    /// <summary>Whether the actor's office is the top one, whose region is the whole deployment (a list "for every county" is theirs to import).</summary>
    public bool ReachesEverywhere(StaffActor actor) => offices.Find(actor.Office) is { } own && own.Code == offices.Top.Code;

    /// <summary>The codes of the offices whose region holds the place: whose staff may work on it.</summary>
    public IReadOnlyList<string> OfficesReaching(string regionCode) =>
        offices.All.Where(o => regionCode.StartsWith(o.RegionCode, StringComparison.Ordinal)).Select(o => o.Code).ToList();

    /// <summary>The actor's office, for naming it on a page or in a refusal.</summary>
    public Office? OfficeOf(StaffActor actor) => offices.Find(actor.Office);
}
