using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Core.Supervision;

public enum ClueLevel { Red, Yellow }

/// <summary>Where a clue stands in the ledger (疑似线索台账).</summary>
public enum ClueState
{
    /// <summary>待核查: found, nobody on it yet.</summary>
    Open,
    /// <summary>核查中: assigned to a person.</summary>
    Verifying,
    /// <summary>属实.</summary>
    Confirmed,
    /// <summary>部分属实.</summary>
    PartlyConfirmed,
    /// <summary>不属实: needs a second person.</summary>
    Unfounded,
    /// <summary>整改中: confirmed, being put right.</summary>
    Rectifying,
    /// <summary>已整改: money recovered or payment stopped, with evidence and a second person's confirmation.</summary>
    Rectified,
}

/// <summary>
/// One suspicious payment: a rule that fired on it, why, and where the row came from. A rule firing again on the same
/// payment finds this clue, not a new one. Copies what the ledger shows, so it outlives a re-sync of its partition.
/// Holds no name or ID number in clear: a masked name, the keyed hash of the ID number and the sealed identity.
/// </summary>
public sealed class Clue
{
    public const int MaxReasonLength = 200;

    public long Id { get; set; }
    public string RuleCode { get; set; } = "";
    public int RuleVersion { get; set; }
    public ClueLevel Level { get; set; }

    /// <summary>Why it fired, in words the 核查 request can cite (死亡日期 2026-05).</summary>
    public string Reason { get; set; } = "";

    public string PaymentId { get; set; } = "";
    public string PersonKey { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public string TownshipCode { get; set; } = "";
    public string VillageCode { get; set; } = "";
    public string FundCode { get; set; } = "";
    public int Period { get; set; }
    public decimal Amount { get; set; }
    public string MaskedName { get; set; } = "";
    public string Department { get; set; } = "";
    public string SourceFile { get; set; } = "";
    public int SourceRow { get; set; }
    public byte[] SealedIdentity { get; set; } = [];

    public DateTime FoundAt { get; set; }
    /// <summary>The last run that found it again.</summary>
    public DateTime LastFoundAt { get; set; }

    public ClueState State { get; set; }
    public DateTime StateChangedAt { get; set; }
    public Guid? AssigneeId { get; set; }
    public string? AssigneeName { get; set; }

    /// <summary>Amount recovered, for 已整改.</summary>
    public decimal? RecoveredAmount { get; set; }
    public bool PaymentStopped { get; set; }

    /// <summary>A closing step (不属实 or 已整改) one person proposed and a second must confirm; null when none waits.</summary>
    public ClueState? ProposedState { get; set; }
    public Guid? ProposedById { get; set; }
    public string? ProposedByName { get; set; }
    public DateTime? ProposedAt { get; set; }
    public decimal? ProposedRecoveredAmount { get; set; }
    public bool ProposedPaymentStopped { get; set; }

    public int Version { get; set; }
}

internal sealed class ClueConfiguration : IEntityTypeConfiguration<Clue>
{
    public void Configure(EntityTypeBuilder<Clue> e)
    {
        e.ToTable("clues");
        e.Property(x => x.RuleCode).HasMaxLength(40);
        e.Property(x => x.Level).HasConversion<string>().HasMaxLength(8);
        e.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Reason).HasMaxLength(Clue.MaxReasonLength);
        e.Property(x => x.PaymentId).HasMaxLength(20);
        e.Property(x => x.PersonKey).HasMaxLength(32);
        e.Property(x => x.CountyCode).HasMaxLength(6);
        e.Property(x => x.TownshipCode).HasMaxLength(9);
        e.Property(x => x.VillageCode).HasMaxLength(12);
        e.Property(x => x.FundCode).HasMaxLength(64);
        e.Property(x => x.Amount).HasPrecision(18, 2);
        e.Property(x => x.RecoveredAmount).HasPrecision(18, 2);
        e.Property(x => x.MaskedName).HasMaxLength(20);
        e.Property(x => x.Department).HasMaxLength(50);
        e.Property(x => x.SourceFile).HasMaxLength(260);
        e.Property(x => x.AssigneeName).HasMaxLength(100);
        e.Property(x => x.ProposedState).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.ProposedByName).HasMaxLength(100);
        e.Property(x => x.ProposedRecoveredAmount).HasPrecision(18, 2);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => new { x.RuleCode, x.PaymentId }).IsUnique();
        e.HasIndex(x => new { x.CountyCode, x.State });
        e.HasIndex(x => new { x.VillageCode, x.FundCode, x.Period });
        e.HasIndex(x => x.PaymentId);
    }
}
