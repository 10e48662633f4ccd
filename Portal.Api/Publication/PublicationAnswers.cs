using Portal.Core.Funds;
using Portal.Core.Publication;
using Portal.Core.Regions;
using Portal.Core.Reports;

namespace Portal.Api.Publication;

// The public record's shapes, mapped by hand from the ledger: region and fund codes, counts, departments, dates and a
// department's reason. The ledger holds no person's data, and nothing here could carry any.

/// <summary>公开情况 of one county: per fund it has published, the periods of the last twelve months, newest first.</summary>
public sealed record PublicationStatusAnswer(string Region, string Name, IReadOnlyList<FundStatusAnswer> Funds)
{
    public static PublicationStatusAnswer From(Region county, IReadOnlyList<FundRecord> funds, RegionCatalog regions) =>
        new(county.Code, RegionCatalog.DisplayName(county), funds.Select(f => FundStatusAnswer.From(f, regions)).ToList());
}

/// <summary>A fund with its department in the catalogue, how often it is due (monthly, quarterly, yearly) and by when, in words.</summary>
public sealed record FundStatusAnswer(string Code, string Name, string Department, string Frequency, string Due, IReadOnlyList<PeriodStatusAnswer> Periods)
{
    public static FundStatusAnswer From(FundRecord record, RegionCatalog regions) => new(
        record.Fund.Code, record.Fund.Name, record.Fund.Department, record.Fund.Schedule.Frequency.ToString().ToLowerInvariant(),
        record.Fund.Schedule.Describe(), record.Periods.Select(p => PeriodStatusAnswer.From(p, regions)).ToList());
}

/// <summary>
/// One period (2026-05, 2026-Q2 or 2026): <c>status</c> is published (by the due date), late, missing (due date passed,
/// nothing published) or withdrawn; rows public now and rows held back; when it was published and by whom; how many
/// corrections; and each withdrawal with its reason.
/// </summary>
public sealed record PeriodStatusAnswer(
    string Period, string Label, string Status, DateOnly DueDate, int Rows, int Rejected, DateTimeOffset? PublishedAt,
    IReadOnlyList<string> Departments, int Corrections, IReadOnlyList<WithdrawalAnswer> Withdrawals)
{
    public static PeriodStatusAnswer From(PeriodRecord p, RegionCatalog regions) => new(
        p.Period.Code, p.Period.ToChinese(), p.Status.Code(), p.DueDate, p.Rows, p.Rejected,
        p.PublishedAt is { } at ? ChinaTime.WithOffset(at) : null, p.Departments,
        p.Changes.Count(e => e.Kind != PublicationKind.Withdrawn),
        p.Changes.Where(e => e.Kind == PublicationKind.Withdrawn).Select(e => WithdrawalAnswer.From(e, regions)).ToList());
}

/// <summary>A partition taken off the public pages: which village, fund and month, when, by which department, why.</summary>
public sealed record WithdrawalAnswer(string Village, string VillageName, string Fund, string Period, int Rows, DateTimeOffset WithdrawnAt, string Department, string Reason)
{
    public static WithdrawalAnswer From(PublicationEvent e, RegionCatalog regions) => new(
        e.VillageCode, regions.Find(e.VillageCode) is { } v ? RegionCatalog.DisplayName(v) : e.VillageCode, e.FundCode,
        e.Partition.Period.ToString(), e.Rows, ChinaTime.WithOffset(e.At), e.Department, e.Reason ?? "");
}
