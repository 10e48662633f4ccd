using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Core.Supervision;

/// <summary>
/// A staff member's request to see a clue's recipient in full, with the reason. Another 监督 approves or refuses it;
/// an approved request opens the identity once, for the requester only, and is then used up.
/// </summary>
public sealed class IdentityRequest
{
    public long Id { get; set; }
    public long ClueId { get; set; }
    public Guid RequesterId { get; set; }
    public string RequesterName { get; set; } = "";
    /// <summary>Why the requester needs the identity, sealed by <see cref="ClueSeal"/>.</summary>
    public byte[] SealedReason { get; set; } = [];
    public DateTime RequestedAt { get; set; }

    public Guid? DeciderId { get; set; }
    public string? DeciderName { get; set; }
    public DateTime? DecidedAt { get; set; }

    /// <summary>Null while waiting for a decision.</summary>
    public bool? Approved { get; set; }

    /// <summary>When the requester saw the identity; set once, never again.</summary>
    public DateTime? RevealedAt { get; set; }

    public int Version { get; set; }
}

internal sealed class IdentityRequestConfiguration : IEntityTypeConfiguration<IdentityRequest>
{
    public void Configure(EntityTypeBuilder<IdentityRequest> e)
    {
        e.ToTable("clue_identity_requests");
        e.Property(x => x.RequesterName).HasMaxLength(100);
        e.Property(x => x.DeciderName).HasMaxLength(100);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => x.ClueId);
    }
}
