using Npgsql;
using Portal.Tests;

namespace Portal.Core.Tests;

public class TestServersTests
{
    [PostgresFact]
    public void Each_test_database_is_new_empty_and_its_own()
    {
        var first = TestServers.CreatePostgresDatabase();
        var second = TestServers.CreatePostgresDatabase();
        try
        {
            using var connection = new NpgsqlConnection(first);
            connection.Open();

            Assert.NotEqual(new NpgsqlConnectionStringBuilder(first).Database, new NpgsqlConnectionStringBuilder(second).Database);
            Assert.Equal(new NpgsqlConnectionStringBuilder(first).Database, Scalar(connection, "SELECT current_database()"));
            Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"));
        }
        finally
        {
            TestServers.DropPostgresDatabase(first);
            TestServers.DropPostgresDatabase(second);
        }
    }

    private static object? Scalar(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }
}
