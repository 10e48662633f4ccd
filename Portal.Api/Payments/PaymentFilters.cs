using Microsoft.AspNetCore.Mvc;
using Portal.Api.Hosting;
using Portal.Core.Funds;
using Portal.Core.Payments;
using Portal.Core.Regions;

namespace Portal.Api.Payments;

/// <summary>
/// The query parameters of the payment endpoints, read by <see cref="PaymentQueryParser"/>; each refusal names the
/// parameter and says what to send instead.
/// </summary>
public static class PaymentFilters
{
    public static ProblemDetails? ReadFund(FundCatalog funds, string? text, out string? fundCode)
    {
        var problem = PaymentQueryParser.Fund(funds, text, out var fund);
        fundCode = fund?.Code;
        return problem is null ? null : Problem(problem);
    }

    public static ProblemDetails? ReadPeriod(string? text, out Period? period) =>
        PaymentQueryParser.Period(text, out period) is { } problem ? Problem(problem) : null;

    /// <summary>Reads a search; either the query or the problem with it.</summary>
    public static ProblemDetails? ReadSearch(
        RegionCatalog regions, FundCatalog funds, string? region, string? fund, string? period, string? q, string? sort, string? page, string? pageSize,
        out PaymentQuery query) =>
        PaymentQueryParser.Search(regions, funds, new PaymentQueryText(region, fund, period, q, sort, page, pageSize), out query) is { } problem
            ? Problem(problem) : null;

    private static ProblemDetails Problem(PaymentQueryProblem problem) => problem.Field switch
    {
        PaymentQueryField.Region => ApiProblems.BadRequest("region", "region 不是已知的区划代码；请使用省、市、县、乡镇或村的统计代码，例如 410221。"),
        PaymentQueryField.Fund => ApiProblems.BadRequest("fund", "fund 不是已知的资金代码；可用的代码见 /api/v1/funds。"),
        PaymentQueryField.Period => ApiProblems.BadRequest("period", "period 应为 yyyy-MM，例如 2026-05。"),
        PaymentQueryField.Name => ApiProblems.BadRequest("q", $"q 最多 {problem.Limit} 个字，请输入姓氏或脱敏姓名，例如 张 或 张*明。"),
        PaymentQueryField.Sort => ApiProblems.BadRequest("sort", "sort 只能是 " + string.Join("、", PaymentQueryParser.Sorts.Select(s => s.Value)) + "。"),
        PaymentQueryField.PageSize => ApiProblems.BadRequest("pageSize", $"pageSize 应为 1 到 {problem.Limit} 之间的整数。"),
        _ => ApiProblems.BadRequest("page", $"page 应为从 1 开始的整数；按这个 pageSize 最多翻到第 {problem.Limit} 页，请加上区划、资金或所属期筛选以缩小范围。"),
    };
}
