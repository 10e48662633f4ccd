using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Database;
using Portal.Core.Ingest;
using Portal.Core.Publication;
using Portal.Core.Supervision;

namespace Portal.Indexer.Publication;

/// <summary>How the indexer's commands reach the publication ledger: the embedded database is brought up to date first, as the sites do.</summary>
public static class LedgerRecording
{
    /// <summary>
    /// Records what committed syncs changed, in the publication ledger and in supervision's payment subjects (whose rules
    /// then run on the partitions changed); returns a Chinese sentence when either could not be written (the index keeps what was published).
    /// </summary>
    public static string? Record(IServiceProvider services, IReadOnlyCollection<FileSyncResult> results, string? department)
    {
        try
        {
            Use(services, async ledger =>
            {
                foreach (var result in results) await ledger.RecordSyncAsync(result, department);
                return 0;
            });
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            return $"数据已发布，但这次公开没有记入公开记录（{e.Message}）。请运行 portal-indexer db migrate 并告诉运维人员：重新同步同一文件不会补记。";
        }
        try
        {
            using var scope = services.CreateScope();
            scope.ServiceProvider.GetRequiredService<PaymentSubjects>().RecordSyncAsync(results).GetAwaiter().GetResult();
            return null;
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException or IOException or InvalidDataException)
        {
            return $"数据已发布，但数据碰撞没有更新（{e.Message}）：这次发布的数据没有进入比对。请告诉运维人员（重新同步同一文件不会补上）。";
        }
    }

    /// <summary>Runs <paramref name="use"/> with a ledger over a schema that is up to date.</summary>
    public static T Use<T>(IServiceProvider services, Func<PublicationLedger, Task<T>> use)
    {
        using var scope = services.CreateScope();
        EnsureSchema(scope.ServiceProvider);
        return use(scope.ServiceProvider.GetRequiredService<PublicationLedger>()).GetAwaiter().GetResult();
    }

    /// <summary>Null when the ledger can be written; otherwise what to run first, in Chinese.</summary>
    public static string? SchemaProblem(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        try
        {
            EnsureSchema(scope.ServiceProvider);
            return null;
        }
        catch (InvalidOperationException e) { return e.Message; }
    }

    /// <summary>
    /// The embedded SQLite database is migrated here, as the sites do on start; PostgreSQL only by <c>db migrate</c>, so an
    /// older schema is refused (<see cref="InvalidOperationException"/>) before anything is changed.
    /// </summary>
    public static void EnsureSchema(IServiceProvider scoped)
    {
        var db = scoped.GetRequiredService<PortalDb>();
        if (!scoped.GetRequiredService<IOptions<DatabaseOptions>>().Value.IsPostgres) db.Database.Migrate();
        else if (db.Database.GetPendingMigrations().ToList() is { Count: > 0 } pending)
            throw new InvalidOperationException($"数据库结构不是最新的（待执行迁移：{string.Join("、", pending)}）。请先运行：portal-indexer db migrate");
    }
}
