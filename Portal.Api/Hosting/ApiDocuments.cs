using System.Text.Json;
using Microsoft.OpenApi;
using Portal.Api.Payments;
using Portal.Api.Publication;
using Portal.Api.Reports;
using Portal.Api.Submissions;
using Portal.Api.Supervision;
using Portal.Core.Privacy;

namespace Portal.Api.Hosting;

/// <summary>The OpenAPI document at /openapi/v1.json, described in Chinese for the mini-program and app developers.</summary>
public static class ApiDocuments
{
    /// <summary>One example per request and answer type, shown beside its schema.</summary>
    private static readonly Dictionary<Type, object> Examples = PaymentExamples.All.Concat(PublicationExamples.All).Concat(ReportExamples.All).Concat(ReportStatisticsExamples.All).Concat(SubmissionExamples.All).Concat(SupervisionExamples.All).ToDictionary(e => e.GetType());

    public static IServiceCollection AddApiDocuments(this IServiceCollection services) =>
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "惠民资金公开、12388 网上举报与廉政教育展厅 API";
            document.Info.Description =
                "移动端接口。惠民资金公开：资金目录、区划逐级汇总、发放明细检索与本人查询，各县各项资金的公开情况（按时、逾期、未公开、撤回），发放名单比对监督的汇总（只到乡镇，少于 3 的计数不公布）；金额单位为元，精确到分；姓名已脱敏，身份证号码从不返回。" +
                "12388 网上举报：提交举报（实名或匿名，可带附件）、凭查询码和密码查询进度与补充材料、核验存证码；各纪委监委举报办理情况的汇总（只到县一级，少于 3 的计数不公布）。" +
                "廉政教育展厅：展厅、展品（图片、连环画、音频导览、视频，均有文字稿）、工作动态和典型案例通报；媒体地址为绝对地址，答复带 ETag，可用 If-None-Match 重新验证（304）。" +
                "时间均为北京时间，ISO 8601 格式并带 +08:00 时区偏移（如 2026-11-23T10:15:02+08:00）。错误一律以 RFC 9457 problem details 答复，说明为中文。";
            return Task.CompletedTask;
        }).AddSchemaTransformer((schema, context, _) =>
        {
            // Amounts are exact decimals (yuan to the fen); the generator would call them double.
            if (context.JsonTypeInfo.Type == typeof(decimal)) schema.Format = "decimal";
            if (context.JsonTypeInfo.Type == typeof(PublicCount))
            {
                schema.Type = JsonSchemaType.Integer | JsonSchemaType.String;
                schema.Properties?.Clear();
                schema.Description = "计数；为 1 或 2 时写作字符串“少于3”。";
            }
            if (Examples.TryGetValue(context.JsonTypeInfo.Type, out var example))
                schema.Examples = [JsonSerializer.SerializeToNode(example, context.JsonTypeInfo.Type, context.JsonTypeInfo.Options)!];
            return Task.CompletedTask;
        }));
}
