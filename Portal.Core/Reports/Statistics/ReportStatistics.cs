using Microsoft.EntityFrameworkCore;
using Portal.Core.Database;
using Portal.Core.Offices;
using Portal.Core.Payments;
using Portal.Core.Privacy;

namespace Portal.Core.Reports.Statistics;

/// <summary>The public record of a set of offices over some months: the totals, each month, each category and each disposition.</summary>
public sealed record HandlingRecord(
    IReadOnlyList<Office> Offices, Period From, Period To, HandlingFigures Total,
    IReadOnlyList<(Period Month, HandlingFigures Figures)> Months,
    IReadOnlyList<(ReportCategory Category, PublicCount Count)> ByCategory,
    IReadOnlyList<(Disposition Disposition, PublicCount Count)> ByDisposition);

/// <summary>
/// 举报办理情况: how many reports the offices received, accepted, refused, transferred and concluded, and how promptly.
/// Read from the columns a report keeps in the clear (office, category, dates, status steps, disposition): no figure
/// needs a sealed field opened.
/// </summary>
public sealed class ReportStatistics(PortalDb db, WorkingCalendarSource calendars, Deadlines deadlines, TimeProvider clock)
{
    public async Task<HandlingRecord> RecordAsync(IReadOnlyList<Office> offices, MonthRange months, CancellationToken cancellationToken = default)
    {
        var codes = offices.Select(o => o.Code).ToList();
        var start = ChinaTime.ToUtc(new DateTime(months.From.Year, months.From.Month, 1));
        var end = ChinaTime.ToUtc(new DateTime(months.To.Year, months.To.Month, 1).AddMonths(1));
        // Each event counts for the office it happened in, so a report handed from the city to a county counts as the
        // city's 转办 and the county's receipt; a handover between two offices both counted is neither.
        var received = await (
            from e in db.ReportEvents.AsNoTracking()
            join r in db.Reports.AsNoTracking() on e.ReportId equals r.Id
            where e.At >= start && e.At < end
                && ((e.Kind == ReportEventKind.Filed && codes.Contains(e.OfficeCode))
                    || (e.Kind == ReportEventKind.Handover && codes.Contains(e.ToOfficeCode!) && !codes.Contains(e.OfficeCode)))
            select new ReceivedReport(e.At, r.Category)).ToListAsync(cancellationToken);
        var kinds = HandlingSteps.RecordedAs.ToList();
        var events = await (
            from e in db.ReportEvents.AsNoTracking()
            join r in db.Reports.AsNoTracking() on e.ReportId equals r.Id
            where codes.Contains(e.OfficeCode) && kinds.Contains(e.Kind) && e.At >= start && e.At < end
                && (e.Kind != ReportEventKind.Handover || !codes.Contains(e.ToOfficeCode!))
            select new { e.ReportId, e.OfficeCode, e.Kind, e.ToStatus, e.At, r.SubmittedAt, r.AcceptedAt, e.Disposition }).ToListAsync(cancellationToken);
        var ids = events.Select(e => e.ReportId).Distinct().ToList();
        var handedIn = (await db.ReportEvents.AsNoTracking().Where(e => e.Kind == ReportEventKind.Handover && ids.Contains(e.ReportId))
            .Select(e => new { e.ReportId, e.ToOfficeCode, e.At }).ToListAsync(cancellationToken)).ToLookup(h => (h.ReportId, h.ToOfficeCode));
        var steps = events.Select(e =>
        {
            if (HandlingSteps.Of(e.Kind, e.ToStatus) is not { } step) return null;
            // The office's own deadlines run from when it received the report: at submission, or its latest handover in.
            var receivedAt = handedIn[(e.ReportId, e.OfficeCode)].Where(h => h.At <= e.At).Select(h => h.At).DefaultIfEmpty(e.SubmittedAt).Max();
            var concludeFrom = e.AcceptedAt is { } accepted ? (accepted > receivedAt ? accepted : receivedAt) : (DateTime?)null;
            return new TakenStep(step, e.At, receivedAt, concludeFrom, e.Disposition);
        }).OfType<TakenStep>().ToList();
        var calendar = await calendars.CurrentAsync(db, cancellationToken);
        // Still waiting for a decision: late once the acceptance deadline is behind today; counted in that deadline's month.
        var today = ChinaTime.Date(clock.GetUtcNow().UtcDateTime);
        var waiting = await db.Reports.AsNoTracking()
            .Where(r => codes.Contains(r.OfficeCode) && r.Status == ReportStatus.Submitted && r.ReceivedAt < end)
            .Select(r => r.ReceivedAt).ToListAsync(cancellationToken);
        var pastDue = waiting.Select(at => deadlines.AcceptDueOn(at, calendar)).Where(due => due < today)
            .Select(due => new Period(due.Year, due.Month)).Where(months.Contains).ToList();

        var receivedIn = received.ToLookup(r => HandlingFigures.MonthOf(r.At));
        var takenIn = steps.ToLookup(s => HandlingFigures.MonthOf(s.At));
        var monthly = months.Months()
            .Select(month => (month, HandlingFigures.Of(receivedIn[month].ToList(), takenIn[month].ToList(), pastDue.Count(m => m == month), deadlines, calendar))).ToList();
        var byCategory = Enum.GetValues<ReportCategory>().Select(c => (c, new PublicCount(received.Count(r => r.Category == c)))).ToList();
        var byDisposition = Enum.GetValues<Disposition>()
            .Select(d => (d, new PublicCount(steps.Count(s => s.Step == HandlingStep.Concluded && s.Disposition == d)))).ToList();
        return new HandlingRecord(offices, months.From, months.To, HandlingFigures.Of(received, steps, pastDue.Count, deadlines, calendar), monthly, byCategory, byDisposition);
    }
}
