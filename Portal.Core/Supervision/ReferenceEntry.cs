using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Core.Supervision;

/// <summary>
/// One person of a reference list, as kept: the keyed hash of the ID number and only what a rule needs. It never holds an
/// ID number or a full name; the official's own ID of a relative's row is not kept either, only the relation and the unit.
/// </summary>
public sealed class ReferenceEntry
{
    public const int MaxDetailLength = 100;

    public long Id { get; set; }
    public ReferenceKind Kind { get; set; }

    /// <summary>The county the list was imported for; "" for a list that covers the whole deployment.</summary>
    public string CountyCode { get; set; } = "";

    public long ImportId { get; set; }

    /// <summary><see cref="Privacy.OwnerKey.ForIdNumber"/> of the person's ID number: the only way to match a payment.</summary>
    public string PersonKey { get; set; } = "";

    /// <summary>Date of death (deceased) or of first registration (vehicles).</summary>
    public DateOnly? Date { get; set; }

    /// <summary>What a rule reads and a 核查 request cites: 工作单位 and 职务, the kind of vehicle, the role in a company.</summary>
    public string Detail { get; set; } = "";

    /// <summary>For a relative's row of the officials list: 与本人关系 (配偶, 子女…); null for the official.</summary>
    public string? Relation { get; set; }
}

internal sealed class ReferenceEntryConfiguration : IEntityTypeConfiguration<ReferenceEntry>
{
    public void Configure(EntityTypeBuilder<ReferenceEntry> e)
    {
        e.ToTable("reference_entries");
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.CountyCode).HasMaxLength(6);
        e.Property(x => x.PersonKey).HasMaxLength(32);
        e.Property(x => x.Detail).HasMaxLength(ReferenceEntry.MaxDetailLength);
        e.Property(x => x.Relation).HasMaxLength(20);
        e.HasIndex(x => x.PersonKey);
        e.HasIndex(x => new { x.Kind, x.CountyCode });
    }
}
