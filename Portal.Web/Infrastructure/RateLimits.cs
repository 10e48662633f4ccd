using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Portal.Web.Infrastructure;

public sealed class RateLimitOptions
{
    public const string Section = "Portal:RateLimits";

    /// <summary>Self-lookup attempts per client address per window: enough for a family, too few to guess ID numbers.</summary>
    public int LookupPermitLimit { get; set; } = 10;

    /// <summary>Name searches per client address per window.</summary>
    public int SearchPermitLimit { get; set; } = 60;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

public static class RateLimits
{
    public const string Lookup = "lookup";
    public const string Search = "search";

    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                var window = context.HttpContext.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.Window;
                context.HttpContext.Response.Headers.RetryAfter = ((int)window.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                context.HttpContext.Features.Set(new PageProblem("操作太频繁", "为保护群众信息，查询次数有限制。请稍等一分钟后再试。"));
                return ValueTask.CompletedTask;
            };
            // Only the posted lookup form counts: opening the empty form is free.
            o.AddPolicy(Lookup, context => context.Request.Method == HttpMethods.Post
                ? PerClient(context, o => o.LookupPermitLimit)
                : RateLimitPartition.GetNoLimiter("none"));
            // Only name searches count: browsing the region tree stays unlimited and cacheable.
            o.AddPolicy(Search, context => string.IsNullOrWhiteSpace(context.Request.Query["q"])
                ? RateLimitPartition.GetNoLimiter("none")
                : PerClient(context, o => o.SearchPermitLimit));
        });
        return services;
    }

    private static RateLimitPartition<string> PerClient(HttpContext context, Func<RateLimitOptions, int> limit)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit(options), Window = options.Window, QueueLimit = 0,
        });
    }
}
