using Portal.Core.Funds;
using Portal.Core.Payments;
using Portal.Core.Privacy;
using Portal.Core.Regions;
using Portal.Core.Supervision;

namespace Portal.Core.Ingest;

/// <summary>A row that passed every rule and still says who the person is. It never leaves the indexer.</summary>
public sealed record CheckedRow(
    int RowNumber, string Name, string IdNumber, Region Village, Fund Fund, Period Period, decimal Amount, int? HouseholdSize, string Department, DateOnly? PaidOn);

/// <summary>
/// The privacy boundary: the one place a department row becomes a payment fit to publish. The name is masked, name and
/// ID number become a keyed hash for the person's own lookup, and the department cell crosses only when it names an
/// office of the fund catalogue; no other text of the row does. For supervision, the ID number alone becomes a keyed hash
/// too, and name and ID number are sealed (<see cref="SubjectIdentity"/>) when the run publishes.
/// </summary>
public sealed class Desensitizer(OwnerKey owners, RegionCatalog regions, FundCatalog funds, SubjectIdentity? identities = null)
{
    private static readonly string[] OfficeSuffixes = ["", "局", "所", "办", "站", "中心"];

    private readonly string[] _departments = funds.All.Select(f => f.Department).Where(d => d.Length > 0).Distinct().OrderByDescending(d => d.Length).ToArray();
    private readonly Dictionary<string, string[]> _placeNames = new(StringComparer.Ordinal);

    public ValidPayment Desensitize(CheckedRow row)
    {
        var owner = owners.For(row.Name, row.IdNumber);
        var sealedIdentity = identities?.Seal(PaymentIndexRules.PublicId(owner, row.Fund.Code, row.Period), row.Name, row.IdNumber) ?? [];
        return new(row.RowNumber, row.Village, row.Fund, row.Period, row.Amount, owner, NameMask.Mask(row.Name), row.HouseholdSize,
            Office(row.Department, row.Village) ?? row.Fund.Department, row.PaidOn, owners.ForIdNumber(row.IdNumber), sealedIdentity);
    }

    /// <summary>
    /// The cell without spaces when it is a place above the village, a department of the catalogue and an office word
    /// (杞县民政局, 五里河镇民政所, 开封市杞县残联); null otherwise, and then the fund's department is published instead.
    /// </summary>
    public string? Office(string cell, Region village)
    {
        var office = CellText.Compact(cell);
        var rest = office.AsSpan();
        foreach (var place in PlaceNames(village))
            if (rest.StartsWith(place, StringComparison.Ordinal)) rest = rest[place.Length..];
        foreach (var department in _departments)
            if (rest.StartsWith(department, StringComparison.Ordinal) && OfficeSuffixes.Contains(rest[department.Length..].ToString())) return office;
        return null;
    }

    /// <summary>Province to township, each in its full and its short form (五里河镇, 五里河), as offices prefix their names.</summary>
    private string[] PlaceNames(Region village)
    {
        if (!_placeNames.TryGetValue(village.Code, out var names))
            _placeNames[village.Code] = names = regions.Path(village).Where(r => r.Level < RegionLevel.Village)
                .SelectMany(r => new[] { r.Name, RegionNames.Core(r.Name) }).Distinct().ToArray();
        return names;
    }
}
