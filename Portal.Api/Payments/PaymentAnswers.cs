using Portal.Core.Funds;
using Portal.Core.Payments;
using Portal.Core.Regions;

namespace Portal.Api.Payments;

// The public shapes of the API, one record per answer, mapped by hand from Core types so a reviewer
// can see every field that leaves the server: none of them can hold a name, an ID number, a phone or an account.

public sealed record FundAnswer(string Code, string Name, string Department, decimal MaxAmount, int PublicationMonths)
{
    public static FundAnswer From(Fund fund) => new(fund.Code, fund.Name, fund.Department, fund.MaxAmount, fund.PublicationMonths);
}

public sealed record RegionLink(string Code, string Name, string Level)
{
    public static RegionLink From(Region region) => new(region.Code, RegionCatalog.DisplayName(region), LevelName(region.Level));

    public static string LevelName(RegionLevel level) => level switch
    {
        RegionLevel.Country => "country",
        RegionLevel.Province => "province",
        RegionLevel.City => "city",
        RegionLevel.County => "county",
        RegionLevel.Township => "township",
        _ => "village",
    };
}

public sealed record RegionTotalAnswer(string Code, string Name, string Level, int Count, decimal TotalAmount);

/// <summary>A region with its ancestors (province first) and its children, each with the count and sum of their payments.</summary>
public sealed record RegionAnswer(
    string Code, string Name, string Level, IReadOnlyList<RegionLink> Path, int Count, decimal TotalAmount, IReadOnlyList<RegionTotalAnswer> Children);

public sealed record FundLink(string Code, string Name);

/// <summary>A village found by name: its code, its name as people say it, where it is, and whether this deployment serves its county.</summary>
public sealed record VillageMatchAnswer(string Code, string Name, string Place, bool Served)
{
    public static VillageMatchAnswer From(VillageMatch match) => new(match.Village.Code, match.Name, match.Place, match.Served);
}

/// <summary>The best matches (at most limit) of totalCount found; advice says in Chinese why the list is empty or cut short.</summary>
public sealed record VillageSearchAnswer(string Query, int TotalCount, int Limit, IReadOnlyList<VillageMatchAnswer> Villages, string? Advice);

public sealed record VillageLink(string Code, string Name, string? TownshipName, string? CountyName);

public sealed record PaymentAnswer(
    string Id, string MaskedName, FundLink Fund, VillageLink Village, string Period, decimal Amount, int? HouseholdSize, string Department, DateOnly? PaidOn)
{
    public static PaymentAnswer From(PublicPayment payment, FundCatalog funds, RegionCatalog regions)
    {
        var fund = funds.ByCode(payment.FundCode);
        return new(
            payment.Id,
            payment.MaskedName,
            new FundLink(payment.FundCode, fund?.Name ?? payment.FundCode),
            VillageOf(payment.VillageCode, regions),
            payment.Period.ToString(),
            payment.Amount,
            payment.HouseholdSize,
            payment.Department,
            payment.PaidOn);
    }

    private static VillageLink VillageOf(string code, RegionCatalog regions)
    {
        if (regions.Find(code) is not { } village) return new VillageLink(code, code, null, null);
        return new VillageLink(code, RegionCatalog.DisplayName(village),
            regions.Find(village.ParentCode)?.Name, regions.Ancestor(village, RegionLevel.County)?.Name);
    }
}

/// <summary>
/// One page of a search; the totals cover every payment that matches, not just this page. For a village, withdrawals
/// lists what was published and then withdrawn within the filter (已撤回, with the date and the reason), so an empty list is explained.
/// </summary>
public sealed record PaymentPageAnswer(IReadOnlyList<PaymentAnswer> Items, int TotalCount, decimal TotalAmount, int Page, int PageSize, string? Next,
    IReadOnlyList<Publication.WithdrawalAnswer> Withdrawals);

/// <summary>What a person may ask with: their own name and ID number. Neither is ever stored, logged or echoed.</summary>
public sealed record LookupRequest(string? Name, string? IdNumber);

/// <summary>A person's own payments. Same shape whether or not anyone by that name and ID number exists.</summary>
public sealed record OwnPaymentsAnswer(IReadOnlyList<PaymentAnswer> Items, int TotalCount, decimal TotalAmount);
