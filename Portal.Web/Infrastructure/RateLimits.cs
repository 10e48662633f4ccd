using Microsoft.AspNetCore.RateLimiting;
using Portal.Hosting;

namespace Portal.Web.Infrastructure;

public static class RateLimits
{
    /// <summary>The shared limits; a refusal is shown as the Chinese error page.</summary>
    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services) =>
        services.AddClientRateLimits((context, seconds, busy) =>
        {
            context.Features.Set(
                busy ? new PageProblem("附件上传繁忙", ClientRateLimits.BusyRefusal(seconds))
                : IsSignIn(context) ? new PageProblem("登录尝试太频繁", $"从您所在的网络登录的次数太多。为保护账号安全，请 {(seconds + 59) / 60} 分钟后再试。")
                : new PageProblem("操作太频繁", "为保护群众信息，查询次数有限制。请稍等一分钟后再试。"));
            return ValueTask.CompletedTask;
        });

    private static bool IsSignIn(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == ClientRateLimits.StaffSignIn;
}
