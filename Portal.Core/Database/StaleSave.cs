using Microsoft.EntityFrameworkCore;

namespace Portal.Core.Database;

public static class StaleSave
{
    /// <summary>
    /// Saves, or answers <paramref name="stale"/> when someone else changed the row since it was read (its concurrency
    /// token moved): the staff member is told to refresh instead of overwriting another's step. Null means saved.
    /// </summary>
    public static async Task<string?> SaveOrRefuseAsync(this PortalDb db, string stale, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return stale;
        }
    }
}
