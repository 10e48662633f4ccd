using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Portal.Core.Database;

namespace Portal.Core.Supervision;

/// <summary>
/// Writes many rows of one table inside the caller's transaction, without the change tracker: COPY on PostgreSQL, one
/// prepared INSERT reused row by row on SQLite. A million payment subjects would take minutes through SaveChanges.
/// Values are what the column stores (enums as their names, dates as <see cref="DateOnly"/>).
/// </summary>
internal static class BulkInsert
{
    /// <summary>Runs <paramref name="work"/> in one transaction; on PostgreSQL, which retries transient failures, the whole of it is what is retried.</summary>
    public static async Task InTransactionAsync(PortalDb db, Func<Task> work, CancellationToken cancellationToken)
    {
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await work();
            await transaction.CommitAsync(cancellationToken);
        });
    }

    public static async Task<int> RunAsync<T>(PortalDb db, string table, string[] columns, IEnumerable<T> rows, Func<T, object?[]> values,
        CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("BulkInsert runs inside a transaction.");
        var names = string.Join(", ", columns.Select(c => $"\"{c}\""));
        if (connection is NpgsqlConnection postgres) return await CopyAsync(postgres, $"COPY \"{table}\" ({names}) FROM STDIN (FORMAT BINARY)", rows, values, cancellationToken);

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table}\" ({names}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        var parameters = columns.Select((_, i) =>
        {
            var p = command.CreateParameter();
            p.ParameterName = "$p" + i;
            command.Parameters.Add(p);
            return p;
        }).ToArray();
        await command.PrepareAsync(cancellationToken);
        var count = 0;
        foreach (var row in rows)
        {
            var v = values(row);
            for (var i = 0; i < parameters.Length; i++) parameters[i].Value = v[i] ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(cancellationToken);
            count++;
        }
        return count;
    }

    private static async Task<int> CopyAsync<T>(NpgsqlConnection connection, string copy, IEnumerable<T> rows, Func<T, object?[]> values, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        var count = 0;
        foreach (var row in rows)
        {
            await writer.StartRowAsync(cancellationToken);
            foreach (var value in values(row))
            {
                var write = value switch
                {
                    null => writer.WriteNullAsync(cancellationToken),
                    string s => writer.WriteAsync(s, cancellationToken),
                    int i => writer.WriteAsync(i, cancellationToken),
                    long l => writer.WriteAsync(l, cancellationToken),
                    decimal d => writer.WriteAsync(d, cancellationToken),
                    byte[] b => writer.WriteAsync(b, cancellationToken),
                    DateOnly date => writer.WriteAsync(date, cancellationToken),
                    _ => throw new ArgumentException($"No COPY mapping for {value.GetType().Name}."),
                };
                await write;
            }
            count++;
        }
        await writer.CompleteAsync(cancellationToken);
        return count;
    }
}
