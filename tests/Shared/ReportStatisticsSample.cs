using System.Globalization;
using Portal.Core.Database;
using Portal.Core.Reports;

namespace Portal.Tests;

/// <summary>
/// Reports with a timeline of status steps, written straight to the database with unreadable sealed fields: how the public
/// record is given something to count without the intake, the staff desk or the keys.
/// </summary>
public static class ReportStatisticsSample
{
    /// <summary>A report submitted at a Beijing time, accepted that many working-or-not days later (null: not yet).</summary>
    public static async Task AddAsync(PortalDb db, string office, string submitted, double? acceptedAfterDays = null,
        ReportCategory category = ReportCategory.MassDiscipline, bool refused = false)
    {
        var id = Guid.NewGuid();
        var submittedAt = ChinaTime.ToUtc(DateTime.Parse(submitted, CultureInfo.InvariantCulture));
        var report = new Report
        {
            Id = id, ReceiptNumber = "JB" + id.ToString("N")[..16].ToUpperInvariant(), QueryCodeHash = id.ToByteArray(), PasswordHash = "x",
            Anonymous = true, Category = category, Level = OfficialLevel.Village, RegionCode = office.Length == 6 ? office : "410221", OfficeCode = office,
            SealedContent = [1, 2, 3], PersonKey = [1], UnitKey = [2], FiledDigest = [3], Signature = [4],
            Status = ReportStatus.Submitted, SubmittedAt = submittedAt, ReceivedAt = submittedAt, StatusChangedAt = submittedAt,
        };
        report.Events.Add(new ReportEvent { ReportId = id, At = submittedAt, Kind = ReportEventKind.Filed, OfficeCode = office });
        if (acceptedAfterDays is { } days)
        {
            var at = submittedAt.AddDays(days);
            report.Status = refused ? ReportStatus.NotAccepted : ReportStatus.Accepted;
            report.StatusChangedAt = at;
            if (!refused) report.AcceptedAt = at;
            report.Events.Add(new ReportEvent { ReportId = id, At = at, Kind = ReportEventKind.StatusChange, ToStatus = report.Status, ActorName = "受理员", OfficeCode = office });
        }
        db.Reports.Add(report);
        await db.SaveChangesAsync();
    }
}
