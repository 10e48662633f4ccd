using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Portal.Core.Hosting;

/// <summary>The same limits for the pages and the API (Portal:RateLimits).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Portal:RateLimits";

    /// <summary>Self-lookup attempts per client address per window: enough for a family, too few to guess ID numbers.</summary>
    public int LookupPermitLimit { get; set; } = 10;

    /// <summary>Name searches (requests with q) per client address per window: text search costs more than browsing.</summary>
    public int SearchPermitLimit { get; set; } = 60;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Reports and supplements per client address per <see cref="ReportWindow"/>: a person files a few, a script many.</summary>
    public int ReportPermitLimit { get; set; } = 5;

    /// <summary>Progress lookups per client address per <see cref="ReportWindow"/>; each query code also locks after 5 wrong passwords.</summary>
    public int ReportLookupPermitLimit { get; set; } = 20;

    public TimeSpan ReportWindow { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// Per-address limits on what is worth abusing: posted self lookups and name searches. Browsing the region
/// tree is never limited; it is served from the cache. Each host says how a refusal reads.
/// </summary>
public static class ClientRateLimits
{
    public const string Lookup = "lookup";
    public const string Search = "search";
    public const string ReportSubmit = "report-submit";
    public const string ReportLookup = "report-lookup";

    public static IServiceCollection AddClientRateLimits(this IServiceCollection services, Func<HttpContext, int, ValueTask> writeRefusal)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Lookup, context => context.Request.Method == HttpMethods.Post
                ? PerAddress(context, Lookup, options => options.LookupPermitLimit)
                : RateLimitPartition.GetNoLimiter(""));
            o.AddPolicy(Search, context => string.IsNullOrWhiteSpace(context.Request.Query["q"])
                ? RateLimitPartition.GetNoLimiter("")
                : PerAddress(context, Search, options => options.SearchPermitLimit));
            o.AddPolicy(ReportSubmit, context => context.Request.Method == HttpMethods.Post
                ? PerAddress(context, ReportSubmit, options => options.ReportPermitLimit, options => options.ReportWindow)
                : RateLimitPartition.GetNoLimiter(""));
            o.AddPolicy(ReportLookup, context => context.Request.Method == HttpMethods.Post
                ? PerAddress(context, ReportLookup, options => options.ReportLookupPermitLimit, options => options.ReportWindow)
                : RateLimitPartition.GetNoLimiter(""));
            o.OnRejected = (rejected, _) =>
            {
                var context = rejected.HttpContext;
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? retryAfter
                    : context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.Window;
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return writeRefusal(context, seconds);
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

    /// <summary>The address is only a key of an in-memory counter; it is never written anywhere.</summary>
    private static RateLimitPartition<string> PerAddress(HttpContext context, string policy, Func<RateLimitOptions, int> permits, Func<RateLimitOptions, TimeSpan>? window = null)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter(policy + ":" + address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits(options),
            Window = window?.Invoke(options) ?? options.Window,
            QueueLimit = 0,
        });
    }
}
