using Portal.Core.Funds;
using Portal.Core.Payments;
using Portal.Core.Reports;

namespace Portal.Core.Publication;

/// <summary>How a period of a fund stands in a county.</summary>
public enum PeriodStatus
{
    /// <summary>Published by its due date.</summary>
    Published,

    /// <summary>Published after its due date (逾期公开).</summary>
    Late,

    /// <summary>Past its due date with nothing published (逾期未公开).</summary>
    Missing,

    /// <summary>Everything published was withdrawn.</summary>
    Withdrawn,
}

/// <summary>One period of one fund in a county: its status, what is public now, and the corrections and withdrawals on the way.</summary>
public sealed record PeriodRecord(
    ReportingPeriod Period,
    PeriodStatus Status,
    DateOnly DueDate,
    int Rows,
    int Rejected,
    DateTime? PublishedAt,
    IReadOnlyList<string> Departments,
    IReadOnlyList<PublicationEvent> Changes,
    PublicationEvent? Withdrawal);

public sealed record FundRecord(Fund Fund, IReadOnlyList<PeriodRecord> Periods);

/// <summary>
/// 公开情况: per fund a county has published, each period of the last <see cref="WindowMonths"/> months, newest first.
/// A period counts as published when the last of its villages was (a later correction does not move that time; a
/// republication after a withdrawal does), and as late when that was after the fund's due date, in Beijing time.
/// Periods before a county first published a fund are not counted as missing: its record starts there.
/// </summary>
public static class PublicationRecord
{
    public const int WindowMonths = 12;

    /// <summary>The first month the record shows at <paramref name="now"/>.</summary>
    public static Period WindowStart(DateTimeOffset now) => Period.Of(now.ToOffset(ChinaTime.Offset)).AddMonths(-WindowMonths);

    public static IReadOnlyList<FundRecord> Build(
        FundCatalog funds, IReadOnlyDictionary<string, Period> firstPublished, IReadOnlyList<PublicationEvent> events, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.ToOffset(ChinaTime.Offset).DateTime);
        var thisMonth = Period.Of(now.ToOffset(ChinaTime.Offset));
        var start = WindowStart(now);
        var byFund = events.ToLookup(e => e.FundCode);
        var records = new List<FundRecord>();
        foreach (var fund in funds.All.Where(f => firstPublished.ContainsKey(f.Code)))
        {
            var schedule = fund.Schedule;
            var recordStart = schedule.PeriodOf(firstPublished[fund.Code]).First;
            var periods = new List<PeriodRecord>();
            for (var period = schedule.PeriodOf(thisMonth); period.Last >= start; period = period.Previous())
            {
                var own = byFund[fund.Code].Where(e => period.Contains(Period.FromValue(e.Period))).ToList();
                var due = schedule.DueDate(period);
                if (own.Count > 0) periods.Add(Published(period, due, own));
                else if (today > due && period.First >= recordStart) periods.Add(new PeriodRecord(period, PeriodStatus.Missing, due, 0, 0, null, [], [], null));
            }
            records.Add(new FundRecord(fund, periods));
        }
        return records;
    }

    private static PeriodRecord Published(ReportingPeriod period, DateOnly due, List<PublicationEvent> events)
    {
        var partitions = events.GroupBy(e => e.Partition).Select(g => g.OrderBy(e => e.Id).ToList()).ToList();
        var live = partitions.Where(p => p[^1].Kind != PublicationKind.Withdrawn).ToList();
        var firsts = partitions.Select(p => p[0]).ToHashSet();
        var changes = events.Where(e => !firsts.Contains(e)).OrderBy(e => e.Id).ToList();
        var departments = events.OrderByDescending(e => e.Id).Select(e => e.Department).Where(d => d.Length > 0).Distinct().ToList();
        if (live.Count == 0)
        {
            var withdrawal = events.Where(e => e.Kind == PublicationKind.Withdrawn).MaxBy(e => e.Id);
            return new PeriodRecord(period, PeriodStatus.Withdrawn, due, 0, 0, null, departments, changes, withdrawal);
        }
        var publishedAt = live.Max(Standing);
        var status = ChinaTime.Date(publishedAt) > due ? PeriodStatus.Late : PeriodStatus.Published;
        return new PeriodRecord(period, status, due, live.Sum(p => p[^1].Rows), live.Sum(p => p[^1].RowsRejected), publishedAt, departments, changes, null);
    }

    /// <summary>When a partition's public rows first went up: the first publication after its last withdrawal.</summary>
    private static DateTime Standing(List<PublicationEvent> history)
    {
        var lastWithdrawal = history.FindLastIndex(e => e.Kind == PublicationKind.Withdrawn);
        return history[lastWithdrawal + 1].At;
    }
}

public static class PeriodStatusNames
{
    /// <summary>As the API writes it: published, late, missing, withdrawn.</summary>
    public static string Code(this PeriodStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>As the public page says it.</summary>
    public static string Name(this PeriodStatus status) => status switch
    {
        PeriodStatus.Published => "按时公开",
        PeriodStatus.Late => "逾期公开",
        PeriodStatus.Missing => "逾期未公开",
        _ => "已撤回",
    };
}
