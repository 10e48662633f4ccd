using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Reports;

namespace Portal.Core.Supervision;

/// <summary>An evidence file of a clue's finding or rectification: its bytes sealed in blob storage, its name sealed here.</summary>
public sealed class ClueEvidence
{
    public Guid Id { get; set; }
    public long ClueId { get; set; }

    /// <summary>The step it was handed in with.</summary>
    public long EventId { get; set; }

    public string BlobName { get; set; } = "";
    public AttachmentKind Kind { get; set; }
    public long Length { get; set; }
    public byte[] SealedName { get; set; } = [];
    public DateTime AddedAt { get; set; }
}

internal sealed class ClueEvidenceConfiguration : IEntityTypeConfiguration<ClueEvidence>
{
    public void Configure(EntityTypeBuilder<ClueEvidence> e)
    {
        e.ToTable("clue_evidence");
        e.Property(x => x.BlobName).HasMaxLength(200);
        e.HasIndex(x => x.BlobName).IsUnique();
        e.HasIndex(x => x.ClueId);
    }
}
