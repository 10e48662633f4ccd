using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Database;
using Portal.Core.Exhibition;

namespace Portal.Core.Database;

public static class DatabaseStartup
{
    /// <summary>
    /// The embedded SQLite database is brought up to date when a host starts (one machine, one file). A
    /// PostgreSQL database shared by several instances is migrated by <c>portal-indexer db migrate</c>
    /// only; a host refuses to start against a schema older than its code. Then the published exhibition is loaded.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDb>();
        if (!scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value.IsPostgres)
        {
            await DatabaseMigrator.MigrateAsync(db, scope.ServiceProvider.GetRequiredService<IOptions<PortalOptions>>().Value.ResolveContentDirectory(),
                services.GetRequiredService<ExhibitionMediaStore>(), services.GetRequiredService<Offices.OfficeTree>(), cancellationToken);
        }
        else
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
                throw new InvalidOperationException($"数据库结构不是最新的（待执行迁移：{string.Join("、", pending)}）。请先运行：portal-indexer db migrate");
        }
        // The exhibition's published state, before the first visitor: a host never serves an empty hall list it then fills.
        await services.GetRequiredService<PublishedExhibition>().RefreshAsync(cancellationToken);
    }
}
