using Microsoft.AspNetCore.Http.HttpResults;
using Portal.Api.Hosting;
using Portal.Core.Regions;
using Portal.Core.Supervision;
using Portal.Hosting;

namespace Portal.Api.Supervision;

/// <summary>监督情况: what comparing payments with other departments' lists found and what was put right, as aggregates only.</summary>
public static class SupervisionApi
{
    public static IEndpointRouteBuilder MapSupervisionApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/supervision").WithTags("惠民资金")
            .MapGet("/summary", GetSummary).RequireRateLimiting(ClientRateLimits.Search)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("惠民资金监督情况（汇总）")
            .WithDescription("一个省、市、县或乡镇（region 为 2、4、6 或 9 位代码）近 12 个月发放名单的比对监督汇总：checked 为与死亡、公职人员、车辆、" +
                "市场主体等信息比对过的发放笔数，flagged 为发现的疑似问题数，confirmed 为核实属实（含部分属实）的数，rectified 为已整改的数，" +
                "recoveredAmount 为已整改追回的金额（元）。为保护个人信息，1 或 2 的计数写作字符串“少于3”，已整改数少于 3 时不公布追回金额（null）；" +
                "periods 为各月（发放所属期）的同样数字，parts 为下一级区划（省下的市、市下的县、县下的乡镇）的数字。不提供村一级，不提供任何具体线索。");
        return app;
    }

    private static async Task<Results<Ok<SupervisionSummaryAnswer>, ProblemHttpResult>> GetSummary(
        string? region, SupervisionStatistics statistics, RegionCatalog regions, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(region))
            return TypedResults.Problem(ApiProblems.BadRequest("region", "请用 region 指定一个省、市、县（区）或乡镇的代码，例如 ?region=410221（杞县）。"));
        if (regions.Find(region.Trim()) is not { } found)
            return TypedResults.Problem(ApiProblems.NotFound("region 不是已知的区划代码。请使用 2、4、6 或 9 位代码，例如 41（河南省）、4102（开封市）、410221（杞县）；可从 /api/v1/regions/0 逐级查找。"));
        if (!SupervisionStatistics.IsPublicLevel(found))
            return TypedResults.Problem(ApiProblems.BadRequest("region",
                "监督情况只公开到乡镇一级：村一级的数字可能指向具体的人家，不予公开。请改用该村所在乡镇的 9 位代码" + (found.IsVillage ? $"（{found.Code[..9]}）" : "") + "。"));
        return TypedResults.Ok(SupervisionSummaryAnswer.Of(await statistics.SummaryAsync(found, cancellationToken)));
    }
}
