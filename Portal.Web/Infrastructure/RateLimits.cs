using Portal.Hosting;

namespace Portal.Web.Infrastructure;

public static class RateLimits
{
    /// <summary>The shared limits; a refusal is shown as the Chinese error page.</summary>
    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services) =>
        services.AddClientRateLimits((context, seconds, busy) =>
        {
            context.Features.Set(busy
                ? new PageProblem("附件上传繁忙", ClientRateLimits.BusyRefusal(seconds))
                : new PageProblem("操作太频繁", "为保护群众信息，查询次数有限制。请稍等一分钟后再试。"));
            return ValueTask.CompletedTask;
        });
}
