using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Portal.Api.Hosting;
using Portal.Core.Funds;
using Portal.Hosting;
using Portal.Core.Payments;
using Portal.Core.Privacy;
using Portal.Core.Publication;
using Portal.Api.Publication;
using Portal.Core.Regions;

namespace Portal.Api.Payments;

// Problems go out as ProblemHttpResult: it writes application/problem+json through IProblemDetailsService,
// where BadRequest<ProblemDetails> would answer plain application/json.

/// <summary>惠民资金公开 for the mini-program and app: funds, region drill-down, payment search and self lookup.</summary>
public static class PaymentsApi
{
    public static IEndpointRouteBuilder MapPaymentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("惠民资金");

        api.MapGet("/funds", GetFunds).WithPublicCaching()
            .WithSummary("资金目录")
            .WithDescription("所有公开的惠民资金：代码、名称、主管部门、单笔上限（元）和公开期限（月）。");

        api.MapGet("/regions/search", SearchVillages).WithPublicCaching().RequireRateLimiting(ClientRateLimits.Search)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("找村")
            .WithDescription($"按村名（史庄、史庄村）、拼音（shizhuang）或拼音首字母（szc）查找全国的村（社区）：名称完全相同的在前，其次是以之开头、再次是包含它的；本平台服务的县在前。最多列出 {VillageSearch.MaxResults} 个，totalCount 为全部找到的个数；q 为 {VillageSearch.MinLength} 到 {VillageSearch.MaxLength} 个字。");

        api.MapGet("/regions/{code}", GetRegion).WithPublicCaching().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("区划逐级汇总")
            .WithDescription("一个区划（code 为 0 或 root 表示全国）及其上级路径、下级区划，各自的发放笔数和金额合计；可按 fund、period（yyyy-MM）筛选。");

        api.MapGet("/payments", SearchPayments).WithPublicCaching().RequireRateLimiting(ClientRateLimits.Search)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("发放明细检索")
            .WithDescription("按区划（任一级代码）、资金、所属期和姓氏或脱敏姓名（q）检索发放明细，可排序、分页；totalCount 和 totalAmount 覆盖全部符合条件的记录。sort：amount-desc、amount-asc、period-desc、period-asc、name。");

        api.MapPost("/payments/lookup", LookUpOwnPayments).RequireRateLimiting(ClientRateLimits.Lookup)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status429TooManyRequests)
            // The answer is one person's payments: no phone, proxy or shared cache may keep it.
            .WithNoStore()
            .WithJsonBodyExample("{\"name\": \"姓名\", \"idNumber\": \"18 位身份证号码\"}")
            .WithSummary("本人查询")
            .WithDescription("用本人姓名和 18 位身份证号码查询自己的发放记录。姓名和身份证号码不会被保存或返回；查无记录与有记录的答复格式相同。");

        return app;
    }

    private static Ok<IReadOnlyList<FundAnswer>> GetFunds(FundCatalog funds) =>
        TypedResults.Ok<IReadOnlyList<FundAnswer>>(funds.All.Select(FundAnswer.From).ToList());

    private static Results<Ok<VillageSearchAnswer>, ProblemHttpResult> SearchVillages(string? q, VillageSearch search)
    {
        var result = search.Find(q);
        if (result.Problem is { } problem) return TypedResults.Problem(ApiProblems.BadRequest("q", problem));
        return TypedResults.Ok(new VillageSearchAnswer(result.Query, result.TotalCount, VillageSearch.MaxResults,
            result.Matches.Select(VillageMatchAnswer.From).ToList(), result.Advice));
    }

    private static async Task<Results<Ok<RegionAnswer>, ProblemHttpResult>> GetRegion(
        string code, string? fund, string? period, IPaymentIndex index, RegionCatalog regions, FundCatalog funds, CancellationToken cancellationToken)
    {
        if (PaymentQueryParser.Region(regions, code) is not { } region)
            return TypedResults.Problem(ApiProblems.NotFound("没有这个区划代码；可从 /api/v1/regions/0 开始逐级查找。"));
        if (PaymentFilters.ReadFund(funds, fund, out var fundCode) is { } fundProblem) return TypedResults.Problem(fundProblem);
        if (PaymentFilters.ReadPeriod(period, out var month) is { } periodProblem) return TypedResults.Problem(periodProblem);

        var ownTotals = index.SummarizeAsync(region.Code, fundCode, month, SummaryGrouping.Fund, cancellationToken);
        var childTotals = index.SummarizeAsync(region.Code, fundCode, month, SummaryGrouping.ChildRegion, cancellationToken);
        var own = await ownTotals;
        var byChild = (await childTotals).ToDictionary(t => t.Key);
        var children = regions.Children(region.Code).Select(child =>
        {
            var link = RegionLink.From(child);
            var total = byChild.GetValueOrDefault(child.Code);
            return new RegionTotalAnswer(link.Code, link.Name, link.Level, total?.Count ?? 0, total?.Amount ?? 0m);
        }).ToList();
        var self = RegionLink.From(region);
        return TypedResults.Ok(new RegionAnswer(
            self.Code, self.Name, self.Level, regions.Path(region).Where(r => r != region).Select(RegionLink.From).ToList(),
            own.Sum(t => t.Count), own.Sum(t => t.Amount), children));
    }

    private static async Task<Results<Ok<PaymentPageAnswer>, ProblemHttpResult>> SearchPayments(
        string? region, string? fund, string? period, string? q, string? sort, string? page, string? pageSize,
        HttpRequest request, IPaymentIndex index, PublicationLedger ledger, RegionCatalog regions, FundCatalog funds, CancellationToken cancellationToken)
    {
        if (PaymentFilters.ReadSearch(regions, funds, region, fund, period, q, sort, page, pageSize, out var query) is { } problem)
            return TypedResults.Problem(problem);
        var result = await index.SearchAsync(query, cancellationToken);
        var items = result.Items.Select(p => PaymentAnswer.From(p, funds, regions)).ToList();
        var withdrawn = regions.Find(query.RegionCode ?? "") is { IsVillage: true } village
            ? (await ledger.WithdrawnAsync(village.Code, query.FundCode, query.Period, cancellationToken)).Select(e => WithdrawalAnswer.From(e, regions)).ToList()
            : [];
        return TypedResults.Ok(new PaymentPageAnswer(items, result.TotalCount, result.TotalAmount, result.Page, result.PageSize, NextLink(request, result), withdrawn));
    }

    /// <summary>The next page's address, while there is one and it is within reach of the index.</summary>
    private static string? NextLink(HttpRequest request, PaymentPage page)
    {
        var next = page.Page + 1;
        if (!PaymentQueryParser.HasNextPage(page)) return null;
        var query = request.Query.Where(kv => !kv.Key.Equals("page", StringComparison.OrdinalIgnoreCase))
            .Select(kv => KeyValuePair.Create(kv.Key, (string?)kv.Value.ToString()))
            .Append(KeyValuePair.Create("page", (string?)next.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return request.PathBase + request.Path + QueryString.Create(query);
    }

    private static async Task<Results<Ok<OwnPaymentsAnswer>, ProblemHttpResult>> LookUpOwnPayments(
        LookupRequest request, OwnerKey owners, LookupThrottle throttle, IPaymentIndex index, RegionCatalog regions, FundCatalog funds, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var name = request.Name?.Trim() ?? "";
        if (PaymentQueryParser.OwnLookup(name, request.IdNumber, DateOnly.FromDateTime(clock.GetLocalNow().DateTime)) is { } refused)
            return TypedResults.Problem(ApiProblems.BadRequest(refused.Field == PaymentQueryField.OwnName ? "name" : "idNumber", refused.Message));

        if (!throttle.TryAcquire(name))
            return TypedResults.Problem(new ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Detail = LookupThrottle.Refusal });
        var own = await index.FindOwnAsync(owners.For(name, request.IdNumber!), cancellationToken);
        return TypedResults.Ok(new OwnPaymentsAnswer(own.Select(p => PaymentAnswer.From(p, funds, regions)).ToList(), own.Count, own.Sum(p => p.Amount)));
    }
}
