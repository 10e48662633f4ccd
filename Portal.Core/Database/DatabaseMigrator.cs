using Microsoft.EntityFrameworkCore;
using Portal.Core.Reports;

namespace Portal.Core.Database;

/// <summary>Brings the schema up to date and seeds the working-day calendar from content/ on first run.</summary>
public static class DatabaseMigrator
{
    public static async Task<IReadOnlyList<string>> MigrateAsync(PortalDb db, string contentDirectory, CancellationToken cancellationToken = default)
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
        return pending;
    }
}
