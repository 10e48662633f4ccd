using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Portal.Api.Hosting;

public sealed class ApiRateLimitOptions
{
    public const string Section = "Portal:Api:RateLimits";

    /// <summary>Self lookups per client address per window: enough for a family, too few to try ID numbers.</summary>
    public int LookupPermitLimit { get; set; } = 10;

    /// <summary>Name searches (requests with q) per client address per window: text search costs more than browsing.</summary>
    public int SearchPermitLimit { get; set; } = 60;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Per-address limits on the endpoints worth abusing: self lookup and name search. Browsing is served from the cache.</summary>
public static class ApiRateLimits
{
    public const string Lookup = "lookup";
    public const string Search = "search";

    public static IServiceCollection AddApiRateLimits(this IServiceCollection services)
    {
        services.AddOptions<ApiRateLimitOptions>().BindConfiguration(ApiRateLimitOptions.Section);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Lookup, context => PerAddress(context, Lookup, options => options.LookupPermitLimit));
            o.AddPolicy(Search, context => string.IsNullOrWhiteSpace(context.Request.Query["q"])
                ? RateLimitPartition.GetNoLimiter("")
                : PerAddress(context, Search, options => options.SearchPermitLimit));
            o.OnRejected = async (rejected, cancellationToken) =>
            {
                var context = rejected.HttpContext;
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : 60;
                context.Response.Headers.RetryAfter = wait.ToString(CultureInfo.InvariantCulture);
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = new ProblemDetails { Status = 429, Detail = $"请求过于频繁，请 {wait} 秒后再试。" },
                });
            };
        });
        return services;
    }

    /// <summary>
    /// Limits are per client, so behind the reverse proxy the client's address comes from X-Forwarded-For.
    /// Only a proxy on this machine is trusted by default; add others under ForwardedHeadersOptions.
    /// </summary>
    public static IServiceCollection AddForwardedClientAddresses(this IServiceCollection services) =>
        services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);

    private static RateLimitPartition<string> PerAddress(HttpContext context, string policy, Func<ApiRateLimitOptions, int> permits)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<ApiRateLimitOptions>>().Value;
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter(policy + ":" + address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits(options),
            Window = options.Window,
            QueueLimit = 0,
        });
    }
}
