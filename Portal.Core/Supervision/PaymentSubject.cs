using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Core.Supervision;

/// <summary>
/// A published payment as supervision sees it, kept beside the public index and never served from it: the keyed hash of the
/// recipient's ID number (to compare with reference lists), where the row came from, and the sealed identity that only an
/// approved request opens. Replaced with its partition on every sync, removed with it on a withdrawal.
/// </summary>
public sealed class PaymentSubject
{
    public long Id { get; set; }
    public string CountyCode { get; set; } = "";
    public string VillageCode { get; set; } = "";
    public string FundCode { get; set; } = "";

    /// <summary>The payment month as <see cref="Payments.Period.Value"/> (202605).</summary>
    public int Period { get; set; }

    /// <summary>The public payment id (<see cref="Payments.PaymentIndexRules.PublicId"/>), as reports name a disputed payment.</summary>
    public string PaymentId { get; set; } = "";

    /// <summary><see cref="Privacy.OwnerKey.ForIdNumber"/> of the recipient's ID number.</summary>
    public string PersonKey { get; set; } = "";

    public string MaskedName { get; set; } = "";
    public decimal Amount { get; set; }
    public string Department { get; set; } = "";
    public string SourceFile { get; set; } = "";

    /// <summary>The file's line number, as the rejection report counts it.</summary>
    public int SourceRow { get; set; }

    /// <summary>Name and ID number sealed with AES-GCM (AES-GCM, as reports are); opened only for an approved request.</summary>
    public byte[] SealedIdentity { get; set; } = [];
}

internal sealed class PaymentSubjectConfiguration : IEntityTypeConfiguration<PaymentSubject>
{
    public void Configure(EntityTypeBuilder<PaymentSubject> e)
    {
        e.ToTable("payment_subjects");
        e.Property(x => x.CountyCode).HasMaxLength(6);
        e.Property(x => x.VillageCode).HasMaxLength(12);
        e.Property(x => x.FundCode).HasMaxLength(64);
        e.Property(x => x.PaymentId).HasMaxLength(20);
        e.Property(x => x.PersonKey).HasMaxLength(32);
        e.Property(x => x.MaskedName).HasMaxLength(20);
        e.Property(x => x.Amount).HasPrecision(18, 2);
        e.Property(x => x.Department).HasMaxLength(50);
        e.Property(x => x.SourceFile).HasMaxLength(260);
        e.HasIndex(x => new { x.VillageCode, x.FundCode, x.Period });
        e.HasIndex(x => new { x.CountyCode, x.Period });
        e.HasIndex(x => x.PersonKey);
    }
}
