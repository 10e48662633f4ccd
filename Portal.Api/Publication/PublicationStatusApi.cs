using Microsoft.AspNetCore.Http.HttpResults;
using Portal.Api.Hosting;
using Portal.Api.Payments;
using Portal.Hosting;
using Portal.Core.Publication;
using Portal.Core.Regions;

namespace Portal.Api.Publication;

/// <summary>公开情况: whether each fund of a county was published on time, late, not at all, or withdrawn.</summary>
public static class PublicationStatusApi
{
    public static IEndpointRouteBuilder MapPublicationStatusApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1").WithTags("惠民资金")
            .MapGet("/publication-status", GetStatus).WithPublicCaching(PaymentCaching.PublicationPolicy).RequireRateLimiting(ClientRateLimits.Search)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("资金公开情况")
            .WithDescription("一个县（region 为 6 位县级代码）近 12 个月各项资金每期的公开情况：status 为 published（按期公开）、late（逾期公开）、" +
                "missing（已过公开期限仍未公开，逾期未公开）或 withdrawn（已撤回）；rows 为当前公开的笔数，rejected 为被退回的笔数，publishedAt 为该期最后一个村公开的时间；" +
                "corrections 为更正次数，withdrawals 列出撤回的村、日期和理由。按月公开的资金期限为次月 15 日，按季度、按年的资金见 due。只列出该县公开过的资金。");
        return app;
    }

    private static async Task<Results<Ok<PublicationStatusAnswer>, ProblemHttpResult>> GetStatus(
        string? region, PublicationLedger ledger, RegionCatalog regions, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(region))
            return TypedResults.Problem(ApiProblems.BadRequest("region", "请用 region 指定一个县（区）的 6 位代码，例如 ?region=410221。"));
        if (regions.Find(region.Trim()) is not { Level: RegionLevel.County } county)
            return TypedResults.Problem(ApiProblems.NotFound("region 不是已知的县（区）代码：公开情况按县提供，请使用 6 位县级代码，例如 410221（杞县）；可从 /api/v1/regions/0 逐级查找。"));
        return TypedResults.Ok(PublicationStatusAnswer.From(county, await ledger.RecordOfAsync(county.Code, cancellationToken), regions));
    }
}
