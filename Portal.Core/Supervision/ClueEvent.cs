using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Core.Supervision;

/// <summary>
/// One step in a clue's history: who did what, when, from which state to which, with their note. Only ever added
/// (the database refuses updates and deletes), so the ledger's history is the record of how a clue was handled.
/// A note is a staff member's own words, sealed like a report's staff note: it may name people.
/// </summary>
public sealed class ClueEvent
{
    public const int MaxActionLength = 20;

    public long Id { get; set; }
    public long ClueId { get; set; }
    public DateTime At { get; set; }
    public Guid ActorId { get; set; }
    public string ActorName { get; set; } = "";

    /// <summary>What was done, in the words the history shows (分派核查, 提请确认已整改, 退回…).</summary>
    public string Action { get; set; } = "";

    public ClueState From { get; set; }
    public ClueState To { get; set; }
    /// <summary>The note, sealed by <see cref="ClueSeal"/>; null when there is none.</summary>
    public byte[]? SealedNote { get; set; }

    /// <summary>The evidence handed in with this step.</summary>
    public List<ClueEvidence> Evidence { get; set; } = [];
}

internal sealed class ClueEventConfiguration : IEntityTypeConfiguration<ClueEvent>
{
    public void Configure(EntityTypeBuilder<ClueEvent> e)
    {
        e.ToTable("clue_events");
        e.Property(x => x.ActorName).HasMaxLength(100);
        e.Property(x => x.Action).HasMaxLength(ClueEvent.MaxActionLength);
        e.Property(x => x.From).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.To).HasConversion<string>().HasMaxLength(16);
        e.HasIndex(x => new { x.ClueId, x.Id });
        e.HasMany(x => x.Evidence).WithOne().HasForeignKey(x => x.EventId);
    }
}
