using Microsoft.AspNetCore.Http.HttpResults;
using Portal.Api.Hosting;
using Portal.Core.Offices;
using Portal.Core.Regions;
using Portal.Core.Reports.Statistics;
using Portal.Hosting;

namespace Portal.Api.Reports;

/// <summary>举报办理情况: the public record of how the offices handled reports, as aggregates only.</summary>
public static class ReportStatisticsApi
{
    /// <summary>Briefly: a step staff take shows within minutes, and a burst of identical requests reads the database once.</summary>
    private static readonly TimeSpan CacheDuration = TimeSpan.FromMinutes(5);

    public static IEndpointRouteBuilder MapReportStatisticsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/statistics").WithTags("12388 网上举报")
            .MapGet("/reports", GetRecord).RequireRateLimiting(ClientRateLimits.Search)
            .CacheOutput(b => b.Expire(CacheDuration).SetVaryByQuery("region", "from", "to"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("举报办理情况（汇总）")
            .WithDescription("区划（region 为市或县的代码）之内各纪委监委在 from 至 to 各月（北京时间，YYYY-MM，含首尾，最多 36 个月；不填时为近 12 个月）的举报办理汇总：" +
                "received 为收到的举报数，accepted 受理，refused 不予受理，transferred 转办，concluded 办结，各按该步骤发生的月份计；" +
                "onTimeAcceptRate 为受理的举报中在提交后 15 个工作日内受理的比例，onTimeConcludeRate 为办结的举报中在期限内办结的比例，" +
                "medianAcceptWorkingDays 为从提交到受理的工作日数的中位数；byCategory 为收到的举报按问题类别的件数，byDisposition 为办结的举报按处置方式的件数。" +
                "市的数字包括其下各县（区）纪委监委（offices 列出这些机关；乡镇纪委计入所在县，但不列名）。为保护举报人，1 或 2 的计数写作字符串“少于3”，依据少于 3 件举报算出的比例和中位数不公布（null）；不按乡镇或村公布。");
        return app;
    }

    private static async Task<Results<Ok<ReportStatisticsAnswer>, ProblemHttpResult>> GetRecord(
        string? region, string? from, string? to, ReportStatistics statistics, RegionCatalog regions, OfficeTree tree, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var (found, offices, problem) = StatisticsScope.OfRegion(region, regions, tree);
        if (problem is not null) return TypedResults.Problem(ApiProblems.BadRequest("region", problem));
        var (months, monthProblem) = MonthRange.Parse(from, to, MonthRange.LastYear(clock.GetUtcNow()));
        if (monthProblem is not null) return TypedResults.Problem(ApiProblems.BadRequest(monthProblem.Parameter, monthProblem.Text));
        var record = await statistics.RecordAsync(offices, months!, cancellationToken);
        return TypedResults.Ok(ReportStatisticsAnswer.Of(found!.Code, StatisticsScope.Named(offices, regions), record));
    }
}
