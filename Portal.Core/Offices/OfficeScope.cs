using Portal.Core.Staff;

namespace Portal.Core.Offices;

/// <summary>
/// Which offices' reports a staff member reads: their own, where they act, and for oversight those of every office below
/// it, where they only read. An actor of no office, or of an office no longer configured, reads none.
/// </summary>
public sealed class OfficeScope(OfficeTree offices)
{
    /// <summary>The codes of the actor's own office and every office below it.</summary>
    public IReadOnlyList<string> Readable(StaffActor actor) =>
        offices.Find(actor.Office) is { } own ? [own.Code, .. offices.Subordinates(own).Select(o => o.Code)] : [];

    /// <summary>Whether the office is strictly below the actor's: readable for oversight, never acted on.</summary>
    public bool Oversees(StaffActor actor, string officeCode) =>
        officeCode != actor.Office && offices.Find(officeCode) is { } office && offices.Find(actor.Office) is { } own && offices.IsWithin(office, own);

    /// <summary>The offices below the actor's whose queues the actor may read.</summary>
    public IReadOnlyList<Office> Overseen(StaffActor actor) => offices.Find(actor.Office) is { } own ? offices.Subordinates(own) : [];

    /// <summary>
    /// Where the actor's office can hand a report: 交办 to any office below it, 报送 to the office directly above it.
    /// </summary>
    public IReadOnlyList<Office> HandOverTargets(StaffActor actor) => offices.Find(actor.Office) is { } own
        ? [.. offices.Parent(own) is { } parent ? [parent] : Array.Empty<Office>(), .. offices.Subordinates(own)]
        : [];

    public string HandOverName(string fromCode, string? toCode) => offices.HandOverName(fromCode, toCode);

    public Office? Office(string? code) => offices.Find(code);

    public string Name(string officeCode) => offices.Find(officeCode)?.Name ?? officeCode;
}
