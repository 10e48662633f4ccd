namespace Portal.Core.Payments;

/// <summary>
/// A payment as the public may see it: desensitized at ingest. It has no field that could hold a
/// full name, an ID number, a phone, a bank account or an address below the village.
/// </summary>
public sealed record PublicPayment(
    string Id,
    string MaskedName,
    string FundCode,
    string VillageCode,
    Period Period,
    decimal Amount,
    int? HouseholdSize,
    string Department,
    DateOnly? PaidOn);
