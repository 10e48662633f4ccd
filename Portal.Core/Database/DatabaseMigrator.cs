using Microsoft.EntityFrameworkCore;
using Portal.Core.Exhibition;
using Portal.Core.Reports;

namespace Portal.Core.Database;

/// <summary>Brings the schema up to date and, on first run, seeds the working-day calendar and the exhibition from content/.</summary>
public static class DatabaseMigrator
{
    public static async Task<IReadOnlyList<string>> MigrateAsync(PortalDb db, string contentDirectory, ExhibitionMediaStore exhibitionMedia, CancellationToken cancellationToken = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
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
