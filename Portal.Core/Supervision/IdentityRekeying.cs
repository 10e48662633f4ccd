using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Portal.Core.Database;

namespace Portal.Core.Supervision;

/// <summary>How many sealed identities a rekey sealed again: of payment subjects and of clues.</summary>
public sealed record IdentityRekeyResult(int PaymentSubjects, int Clues);

/// <summary>
/// The identities' part of a key rotation: each payment subject's and each clue's sealed name and ID number (<see cref="SubjectIdentity"/>)
/// sealed under an older key is sealed again under the active one. There can be millions of subjects, so both tables are read in
/// pages by id, one page in memory and one commit at a time: safe to stop and run again, a second run finds nothing to do.
/// </summary>
public sealed class IdentityRekeying(PortalDb db, SubjectIdentity identities)
{
    internal int PageSize { get; init; } = 1_000;

    public async Task<IdentityRekeyResult> RekeyAsync(CancellationToken cancellationToken = default)
    {
        var subjects = await RekeyTableAsync("payment_subjects",
            after => db.PaymentSubjects.AsNoTracking().Where(s => s.Id > after).OrderBy(s => s.Id).Select(s => new Sealed(s.Id, s.PaymentId, s.SealedIdentity)),
            cancellationToken);
        // Written past the ledger's Version: a clue's identity is not a step of its workflow, and an open form stays valid.
        var clues = await RekeyTableAsync("clues",
            after => db.Clues.AsNoTracking().Where(c => c.Id > after).OrderBy(c => c.Id).Select(c => new Sealed(c.Id, c.PaymentId, c.SealedIdentity)),
            cancellationToken);
        return new IdentityRekeyResult(subjects, clues);
    }

    private sealed record Sealed(long Id, string PaymentId, byte[] Identity);

    private async Task<int> RekeyTableAsync(string table, Func<long, IQueryable<Sealed>> page, CancellationToken cancellationToken)
    {
        var resealed = 0;
        var after = 0L;
        while (true)
        {
            var rows = await page(after).Take(PageSize).ToListAsync(cancellationToken);
            if (rows.Count == 0) return resealed;
            after = rows[^1].Id;
            var changes = rows.Select(r => (r.Id, Before: r.Identity, After: identities.Resealed(r.PaymentId, r.Identity)))
                .Where(c => c.After is not null).Select(c => (c.Id, c.Before, After: c.After!)).ToList();
            if (changes.Count > 0) resealed += await UpdateAsync(table, changes, cancellationToken);
        }
    }

    /// <summary>
    /// One page in one transaction. Each row is written only if it still holds the value read, so a row a concurrent sync
    /// removed or replaced is left as it is. PostgreSQL takes the page in one statement (a round trip per row is ~6x slower there).
    /// </summary>
    private async Task<int> UpdateAsync(string table, List<(long Id, byte[] Before, byte[] After)> changes, CancellationToken cancellationToken) =>
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var count = 0;
            // The table is one of this type's two names, never input.
            var pageUpdate = $"""UPDATE "{table}" AS t SET "SealedIdentity" = v.after FROM unnest(@ids, @befores, @afters) AS v(id, before, after) WHERE t."Id" = v.id AND t."SealedIdentity" = v.before""";
            var rowUpdate = $$"""UPDATE "{{table}}" SET "SealedIdentity" = {0} WHERE "Id" = {1} AND "SealedIdentity" = {2}""";
            if (db.Database.GetDbConnection() is NpgsqlConnection)
                count = await db.Database.ExecuteSqlRawAsync(pageUpdate,
                    [
                        new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = changes.Select(c => c.Id).ToArray() },
                        new NpgsqlParameter("befores", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = changes.Select(c => c.Before).ToArray() },
                        new NpgsqlParameter("afters", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = changes.Select(c => c.After).ToArray() },
                    ], cancellationToken);
            else
                foreach (var (id, before, resealedIdentity) in changes)
                    count += await db.Database.ExecuteSqlRawAsync(rowUpdate, [resealedIdentity, id, before], cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return count;
        });
}
