using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Portal.Core.Database;

public static class DatabaseRegistration
{
    /// <summary>The Portal's database as <see cref="PortalDb"/>, on the provider the configuration names.</summary>
    public static IServiceCollection AddPortalDatabase(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);
        services.AddScoped<PortalDb>(sp =>
        {
            var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var portal = sp.GetRequiredService<IOptions<PortalOptions>>().Value;
            return Create(database, portal);
        });
        return services;
    }

    public static PortalDb Create(DatabaseOptions database, PortalOptions portal)
    {
        if (database.IsPostgres)
        {
            if (database.ConnectionString.Length == 0)
                throw new InvalidOperationException("Portal:Database:Provider 为 postgres 时必须设置 Portal:Database:ConnectionString，例如 Host=127.0.0.1;Database=portal;Username=portal;Password=…");
            return new PostgresPortalDb(new DbContextOptionsBuilder<PostgresPortalDb>()
                .UseNpgsql(database.ConnectionString, o => o.EnableRetryOnFailure()).Options);
        }
        Directory.CreateDirectory(Path.GetFullPath(portal.DataDirectory));
        return new SqlitePortalDb(new DbContextOptionsBuilder<SqlitePortalDb>()
            .UseSqlite(database.SqliteConnectionString(portal)).AddInterceptors(new SqlitePragmas()).Options);
    }
}

/// <summary>For <c>dotnet ef migrations add X --context SqlitePortalDb</c>; never used at run time.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePortalDb>
{
    public SqlitePortalDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePortalDb>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>For <c>dotnet ef migrations add X --context PostgresPortalDb</c>; never used at run time.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPortalDb>
{
    public PostgresPortalDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresPortalDb>().UseNpgsql("Host=127.0.0.1;Database=design_time").Options);
}
