namespace Portal.Core.Database;

/// <summary>SQLite in the data folder by default; PostgreSQL by configuration.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Portal:Database";

    /// <summary><c>sqlite</c> (default) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>Empty for SQLite means <c>portal.db</c> in the data folder.</summary>
    public string ConnectionString { get; set; } = "";

    public bool IsPostgres => string.Equals(Provider, "postgres", StringComparison.OrdinalIgnoreCase) || string.Equals(Provider, "postgresql", StringComparison.OrdinalIgnoreCase);

    public string SqliteConnectionString(PortalOptions portal) =>
        ConnectionString.Length > 0 ? ConnectionString : $"Data Source={Path.Combine(Path.GetFullPath(portal.DataDirectory), "portal.db")}";
}
