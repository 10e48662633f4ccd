namespace Portal.Core.Payments;

public enum PaymentSort { Default, AmountDesc, AmountAsc, PeriodDesc, PeriodAsc, Name }

/// <summary>A filtered, sorted, paged search of public payments. Region may be a code of any level.</summary>
public sealed record PaymentQuery
{
    public const int MaxPageSize = 100;

    /// <summary>How deep paging goes (page × size), in every index: Elasticsearch's default max_result_window.</summary>
    public const int MaxResultWindow = 10_000;

    public string? RegionCode { get; init; }
    public string? FundCode { get; init; }
    public Period? Period { get; init; }

    /// <summary>A masked name (张*明) or a surname (张, 欧阳).</summary>
    public string? Name { get; init; }

    public PaymentSort Sort { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;
}

/// <summary>One page of payments; the totals cover the whole filtered set, not the page.</summary>
public sealed record PaymentPage(IReadOnlyList<PublicPayment> Items, int TotalCount, decimal TotalAmount, int Page, int PageSize);

public enum SummaryGrouping { ChildRegion, Fund, Period }

/// <summary>Count and sum of the payments under one key (a child region, a fund or a period).</summary>
public sealed record PaymentTotal(string Key, int Count, decimal Amount);
