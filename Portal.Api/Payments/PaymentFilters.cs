using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Portal.Api.Hosting;
using Portal.Core.Funds;
using Portal.Core.Payments;
using Portal.Core.Payments.Lucene;
using Portal.Core.Regions;

namespace Portal.Api.Payments;

/// <summary>The query parameters of the payment endpoints, read strictly so every mistake gets a message a person can act on.</summary>
public static class PaymentFilters
{
    public const int MaxNameLength = 20;

    private static readonly Dictionary<string, PaymentSort> Sorts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["amount-desc"] = PaymentSort.AmountDesc,
        ["amount-asc"] = PaymentSort.AmountAsc,
        ["period-desc"] = PaymentSort.PeriodDesc,
        ["period-asc"] = PaymentSort.PeriodAsc,
        ["name"] = PaymentSort.Name,
    };

    /// <summary>A region by code; 0, root or nothing is the whole country.</summary>
    public static Region? FindRegion(RegionCatalog regions, string? code) =>
        string.IsNullOrWhiteSpace(code) || code is "root" ? RegionCatalog.Country : regions.Find(code.Trim());

    public static ProblemDetails? ReadFund(FundCatalog funds, string? text, out string? fundCode)
    {
        fundCode = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        return fundCode is null || funds.ByCode(fundCode) is not null ? null
            : ApiProblems.BadRequest("fund", "fund 不是已知的资金代码；可用的代码见 /api/v1/funds。");
    }

    public static ProblemDetails? ReadPeriod(string? text, out Period? period)
    {
        period = null;
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!Period.TryParseIso(text.Trim(), out var p)) return ApiProblems.BadRequest("period", "period 应为 yyyy-MM，例如 2026-05。");
        period = p;
        return null;
    }

    /// <summary>Reads a search; either the query or the problem with it.</summary>
    public static ProblemDetails? ReadSearch(
        RegionCatalog regions, FundCatalog funds, string? region, string? fund, string? period, string? q, string? sort, string? page, string? pageSize,
        out PaymentQuery query)
    {
        query = new PaymentQuery();
        if (FindRegion(regions, region) is not { } found)
            return ApiProblems.BadRequest("region", "region 不是已知的区划代码；请使用省、市、县、乡镇或村的统计代码，例如 410221。");
        if (ReadFund(funds, fund, out var fundCode) is { } fundProblem) return fundProblem;
        if (ReadPeriod(period, out var p) is { } periodProblem) return periodProblem;

        var name = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        if (name?.Length > MaxNameLength) return ApiProblems.BadRequest("q", $"q 最多 {MaxNameLength} 个字，请输入姓氏或脱敏姓名，例如 张 或 张*明。");

        var order = PaymentSort.Default;
        if (!string.IsNullOrWhiteSpace(sort) && !Sorts.TryGetValue(sort.Trim(), out order))
            return ApiProblems.BadRequest("sort", "sort 只能是 amount-desc、amount-asc、period-desc、period-asc 或 name。");

        var pageNumber = 1;
        if (!string.IsNullOrWhiteSpace(page) && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out pageNumber) || pageNumber < 1))
            return ApiProblems.BadRequest("page", "page 应为从 1 开始的整数。");
        var size = 20;
        if (!string.IsNullOrWhiteSpace(pageSize) && (!int.TryParse(pageSize, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > PaymentQuery.MaxPageSize))
            return ApiProblems.BadRequest("pageSize", $"pageSize 应为 1 到 {PaymentQuery.MaxPageSize} 之间的整数。");
        if ((long)pageNumber * size > LucenePaymentIndex.MaxResultWindow)
            return ApiProblems.BadRequest("page",
                $"每页 {size} 条时最多翻到第 {LucenePaymentIndex.MaxResultWindow / size} 页；请加上区划、资金或所属期筛选以缩小范围。");

        query = new PaymentQuery
        {
            RegionCode = found.Code, FundCode = fundCode, Period = p, Name = name, Sort = order, Page = pageNumber, PageSize = size,
        };
        return null;
    }
}
