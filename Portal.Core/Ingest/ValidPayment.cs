using Portal.Core.Funds;
using Portal.Core.Payments;
using Portal.Core.Regions;

namespace Portal.Core.Ingest;

/// <summary>Which published payments a file replaces: one village, one fund, one period.</summary>
public readonly record struct PartitionKey(string VillageCode, string FundCode, Period Period)
{
    public override string ToString() => $"{VillageCode}|{FundCode}|{Period.Value}";
}

/// <summary>A row that passed every rule, already desensitized: no name or ID number is left in it.</summary>
public sealed record ValidPayment(
    int RowNumber,
    Region Village,
    Fund Fund,
    Period Period,
    decimal Amount,
    string OwnerKey,
    string MaskedName,
    int? HouseholdSize,
    string Department,
    DateOnly? PaidOn)
{
    public PartitionKey Partition => new(Village.Code, Fund.Code, Period);
}
