namespace Portal.Core.Funds;

/// <summary>A welfare or subsidy fund as the public knows it, with the rules its payments must meet.</summary>
public sealed record Fund(
    string Code,
    string Name,
    IReadOnlyList<string> Aliases,
    string Department,
    decimal MaxAmount,
    int PublicationMonths,
    IReadOnlyList<string> Excludes,
    FundSchedule Schedule);
