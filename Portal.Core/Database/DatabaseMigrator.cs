using Microsoft.EntityFrameworkCore;
using Portal.Core.Exhibition;
using Portal.Core.Offices;
using Portal.Core.Reports;

namespace Portal.Core.Database;

/// <summary>
/// Brings the schema up to date, gives accounts and reports from before offices to the top office, and on first run seeds
/// the working-day calendar and the exhibition from content/.
/// </summary>
public static class DatabaseMigrator
{
    public static async Task<IReadOnlyList<string>> MigrateAsync(PortalDb db, string contentDirectory, ExhibitionMediaStore exhibitionMedia, OfficeTree offices,
        CancellationToken cancellationToken = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        // The migration that added offices cannot know the deployment's top office: it is configuration (content/offices.yaml).
        var top = offices.Top.Code;
        await db.StaffAccounts.Where(a => a.OfficeCode == "").ExecuteUpdateAsync(s => s.SetProperty(a => a.OfficeCode, top), cancellationToken);
        await db.Reports.Where(r => r.OfficeCode == "").ExecuteUpdateAsync(s => s.SetProperty(r => r.OfficeCode, top), cancellationToken);
        // Events from before offices happened in the only office there was: the one the report is with.
        await db.ReportEvents.Where(e => e.OfficeCode == "").ExecuteUpdateAsync(
            s => s.SetProperty(e => e.OfficeCode, e => db.Reports.Where(r => r.Id == e.ReportId).Select(r => r.OfficeCode).First()), cancellationToken);
        if (!await db.CalendarDays.AnyAsync(cancellationToken))
        {
            var file = Path.Combine(contentDirectory, "calendar", "holidays.csv");
            if (File.Exists(file))
            {
                db.CalendarDays.AddRange(WorkingCalendarSource.ReadFile(file));
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        await ExhibitionSeeding.SeedAsync(db, Path.Combine(contentDirectory, "exhibition"), exhibitionMedia, DateTime.UtcNow, cancellationToken);
        return pending;
    }
}
