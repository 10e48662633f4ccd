using Npgsql;

namespace Portal.Tests;

/// <summary>
/// The servers <c>./test.sh</c> starts for a test run (tests/services.sh), found through environment variables:
/// PostgreSQL 15 in <see cref="PostgresVariable"/>, Azurite's blob service in <see cref="AzuriteVariable"/>, Redis in <see cref="RedisVariable"/>.
/// Tests that need one are marked <see cref="PostgresFactAttribute"/> or <see cref="AzuriteFactAttribute"/>.
/// </summary>
public static class TestServers
{
    public const string PostgresVariable = "PORTAL_TEST_POSTGRES";
    public const string AzuriteVariable = "PORTAL_TEST_AZURITE";
    public const string RedisVariable = "PORTAL_TEST_REDIS";

    /// <summary>An Npgsql connection string to the <c>postgres</c> database of a server the tests may create databases on, or null.</summary>
    public static string? Postgres => Read(PostgresVariable);

    /// <summary>An Azure Storage connection string for Azurite (or a storage account the tests may fill), or null.</summary>
    public static string? Azurite => Read(AzuriteVariable);

    /// <summary>A StackExchange.Redis connection string for a Redis server the tests may flush, or null.</summary>
    public static string? Redis => Read(RedisVariable);

    /// <summary>Under CI (<c>CI=true</c>) a missing server fails its tests instead of skipping them: CI must provide every component.</summary>
    public static bool UnderCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string RequirePostgres() => Postgres ?? throw Missing(PostgresVariable, "PostgreSQL");

    public static string RequireAzurite() => Azurite ?? throw Missing(AzuriteVariable, "Azurite");

    public static string RequireRedis() => Redis ?? throw Missing(RedisVariable, "Redis");

    /// <summary>Creates an empty database with a new unique name and returns a connection string to it.</summary>
    public static string CreatePostgresDatabase()
    {
        var server = new NpgsqlConnectionStringBuilder(RequirePostgres());
        var name = "portal_test_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            create.ExecuteNonQuery();
        }
        server.Database = name;
        return server.ConnectionString;
    }

    /// <summary>Drops a database <see cref="CreatePostgresDatabase"/> made, closing what is still connected to it.</summary>
    public static void DropPostgresDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        if (name is null || !name.StartsWith("portal_test_", StringComparison.Ordinal))
            throw new ArgumentException($"Not a database CreatePostgresDatabase made: '{name}'", nameof(connectionString));
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(RequirePostgres());
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }

    /// <summary>Why a test that needs the server is skipped, or null when it is to run (the server is there, or this is CI).</summary>
    internal static string? SkipReason(string variable, string server) =>
        Read(variable) is null && !UnderCi
            ? $"{server.ToUpperInvariant()} TESTS NOT RUN: {variable} is not set. Run the tests with ./test.sh, which starts {server} and sets it, or set it to a server of your own."
            : null;

    private static InvalidOperationException Missing(string variable, string server) => new(
        $"{variable} is not set, so there is no {server} for this test. Run the tests with ./test.sh, which starts {server} and sets it" +
        (UnderCi ? " (under CI=true a missing server fails the test instead of skipping it: CI must provide it)." : "."));

    private static string? Read(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value : null;
}

/// <summary>A test that needs PostgreSQL: skipped, with the reason in the report, when <c>PORTAL_TEST_POSTGRES</c> is not set, except under CI, where it fails.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() => Skip = TestServers.SkipReason(TestServers.PostgresVariable, "PostgreSQL");
}

/// <summary>A test that needs Azurite: skipped, with the reason in the report, when <c>PORTAL_TEST_AZURITE</c> is not set, except under CI, where it fails.</summary>
public sealed class AzuriteFactAttribute : FactAttribute
{
    public AzuriteFactAttribute() => Skip = TestServers.SkipReason(TestServers.AzuriteVariable, "Azurite");
}

/// <summary>A test that needs Redis: skipped, with the reason in the report, when <c>PORTAL_TEST_REDIS</c> is not set, except under CI, where it fails.</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute() => Skip = TestServers.SkipReason(TestServers.RedisVariable, "Redis");
}
