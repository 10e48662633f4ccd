using Portal.Core.Funds;
using Portal.Core.Payments;
using Portal.Core.Regions;

namespace Portal.Core.Ingest;

/// <summary>Which published payments a file replaces: one village, one fund, one period.</summary>
public readonly record struct PartitionKey(string VillageCode, string FundCode, Period Period)
{
    public override string ToString() => $"{VillageCode}|{FundCode}|{Period.Value}";
}

/// <summary>
/// A row that passed every rule, already desensitized: no name or ID number is left in it. Only the
/// <see cref="Desensitizer"/> makes one; its text fields are a masked name, keyed hashes and a catalogue office, and the
/// identity supervision needs is sealed.
/// </summary>
public sealed record ValidPayment
{
    internal ValidPayment(int rowNumber, Region village, Fund fund, Period period, decimal amount, string ownerKey, string maskedName,
        int? householdSize, string department, DateOnly? paidOn, string personKey = "", byte[]? sealedIdentity = null)
    {
        PersonKey = personKey;
        SealedIdentity = sealedIdentity ?? [];
        RowNumber = rowNumber;
        Village = village;
        Fund = fund;
        Period = period;
        Amount = amount;
        OwnerKey = ownerKey;
        MaskedName = maskedName;
        HouseholdSize = householdSize;
        Department = department;
        PaidOn = paidOn;
    }

    public int RowNumber { get; }
    public Region Village { get; }
    public Fund Fund { get; }
    public Period Period { get; }
    public decimal Amount { get; }
    public string OwnerKey { get; }
    public string MaskedName { get; }
    public int? HouseholdSize { get; }
    public string Department { get; }
    public DateOnly? PaidOn { get; }

    /// <summary>The keyed hash of the ID number alone (<see cref="Privacy.OwnerKey.ForIdNumber"/>), for supervision; never published.</summary>
    public string PersonKey { get; }

    /// <summary>Name and ID number sealed by <see cref="Supervision.SubjectIdentity"/>; empty when the run only validates.</summary>
    public byte[] SealedIdentity { get; }

    public PartitionKey Partition => new(Village.Code, Fund.Code, Period);
}
