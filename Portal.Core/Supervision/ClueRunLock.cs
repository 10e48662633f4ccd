using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Core.Supervision;

/// <summary>
/// The one row a rule run updates first in the transaction that records its clues. A second run, in this process or another
/// (a sync and a reference import finishing together), waits on it until the first commits, then finds the first's clues
/// again instead of adding them a second time and failing on the (rule, payment) unique index.
/// </summary>
public sealed class ClueRunLock
{
    public const int Row = 1;

    public int Id { get; set; }

    /// <summary>How many runs have recorded their clues: the update that takes the lock needs something to change.</summary>
    public long Runs { get; set; }
}

internal sealed class ClueRunLockConfiguration : IEntityTypeConfiguration<ClueRunLock>
{
    public void Configure(EntityTypeBuilder<ClueRunLock> e)
    {
        e.ToTable("clue_run_lock");
        e.Property(x => x.Id).ValueGeneratedNever();
        e.HasData(new ClueRunLock { Id = ClueRunLock.Row });
    }
}
