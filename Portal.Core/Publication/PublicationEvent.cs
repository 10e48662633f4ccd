using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Ingest;
using Portal.Core.Payments;

namespace Portal.Core.Publication;

public enum PublicationKind
{
    /// <summary>Published where nothing was public (the first time, or after a withdrawal).</summary>
    Published,

    /// <summary>Replaced what was public with different rows.</summary>
    Corrected,

    /// <summary>Taken off the public pages, with a reason.</summary>
    Withdrawn,
}

/// <summary>
/// One line of the publication ledger: what happened to one partition (village × fund × period), when, by which
/// department, with how many rows. Append-only. It holds no person's name or ID number: only region and fund codes,
/// counts, a department's name and, for a withdrawal, the department's public reason.
/// </summary>
public sealed class PublicationEvent
{
    public const int MaxDepartmentLength = 50;

    public long Id { get; set; }
    public string CountyCode { get; set; } = "";
    public string VillageCode { get; set; } = "";
    public string FundCode { get; set; } = "";

    /// <summary>The payment month as <see cref="Payments.Period.Value"/> (202605).</summary>
    public int Period { get; set; }

    public PublicationKind Kind { get; set; }
    public DateTime At { get; set; }
    public string Department { get; set; } = "";

    /// <summary>Rows published; for a withdrawal, the rows taken down.</summary>
    public int Rows { get; set; }

    /// <summary>Rows of this partition the department's file had that were held back by the rules.</summary>
    public int RowsRejected { get; set; }

    /// <summary>Why a partition was withdrawn (public); null for a publication.</summary>
    public string? Reason { get; set; }

    public PartitionKey Partition => new(VillageCode, FundCode, Payments.Period.FromValue(Period));
}

internal sealed class PublicationEventConfiguration : IEntityTypeConfiguration<PublicationEvent>
{
    public void Configure(EntityTypeBuilder<PublicationEvent> e)
    {
        e.ToTable("publication_events");
        e.Property(x => x.CountyCode).HasMaxLength(6);
        e.Property(x => x.VillageCode).HasMaxLength(12);
        e.Property(x => x.FundCode).HasMaxLength(64);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Department).HasMaxLength(PublicationEvent.MaxDepartmentLength);
        e.Property(x => x.Reason).HasMaxLength(WithdrawalReason.MaxLength);
        e.Ignore(x => x.Partition);
        e.HasIndex(x => new { x.CountyCode, x.FundCode, x.Period });
        e.HasIndex(x => new { x.VillageCode, x.FundCode, x.Period });
    }
}
