using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Portal.Hosting;

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

    /// <summary>
    /// Staff sign-in attempts per client address per <see cref="StaffSignInWindow"/>, whatever the account: each account
    /// also waits longer after each wrong password (SignInBackOff), this stops one address trying many accounts.
    /// </summary>
    public int StaffSignInPermitLimit { get; set; } = 10;

    public TimeSpan StaffSignInWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Large uploads (report attachments, exhibition media) an instance takes at once, from any clients. The site holds each
    /// posted form in memory (up to 101 MB), so this bounds its memory; the API spools attachments sealed to temporary files,
    /// so there it bounds their disk and CPU. Others wait their turn.
    /// </summary>
    public int ConcurrentUploads { get; set; } = 2;

    /// <summary>Large uploads waiting for a turn; past these an upload is refused at once, to be sent again shortly.</summary>
    public int QueuedUploads { get; set; } = 20;
}

/// <summary>
/// Per-address limits on what is worth abusing: posted self lookups, name searches, reports and staff sign-in. Browsing the region
/// tree is never limited; it is served from the cache. Each host says how a refusal reads.
/// </summary>
public static class ClientRateLimits
{
    public const string Lookup = "lookup";
    public const string Search = "search";
    public const string ReportSubmit = "report-submit";
    public const string ReportLookup = "report-lookup";
    public const string StaffSignIn = "staff-sign-in";

    /// <summary>A multipart post above this, or of unknown length, counts as a large upload.</summary>
    public const long LargeUploadBytes = 1024 * 1024;

    private static readonly TimeSpan BusyRetry = TimeSpan.FromSeconds(10);

    /// <summary>What a refused large upload is told; the hosts show it as a page or a problem.</summary>
    public static string BusyRefusal(int seconds) => $"正在接收的附件较多，请 {seconds} 秒后再提交一次（填写的内容请先别关闭）。";

    /// <param name="writeRefusal">Writes the refusal: the seconds to wait, and whether the instance was busy with uploads rather than this client asking too often.</param>
    public static IServiceCollection AddClientRateLimits(this IServiceCollection services, Func<HttpContext, int, bool, ValueTask> writeRefusal)
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
            o.AddPolicy(StaffSignIn, context => context.Request.Method == HttpMethods.Post
                ? PerAddress(context, StaffSignIn, options => options.StaffSignInPermitLimit, options => options.StaffSignInWindow)
                : RateLimitPartition.GetNoLimiter(""));
            // The error page for a refusal re-executes the same request: it is not another upload.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => IsLargeUpload(context.Request)
                && context.Features.Get<IStatusCodeReExecuteFeature>() is null && context.Features.Get<IExceptionHandlerFeature>() is null
                ? RateLimitPartition.GetConcurrencyLimiter("uploads", _ =>
                {
                    var options = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                    return new ConcurrencyLimiterOptions { PermitLimit = options.ConcurrentUploads, QueueLimit = options.QueuedUploads };
                })
                : RateLimitPartition.GetNoLimiter(""));
            o.OnRejected = (rejected, _) =>
            {
                var context = rejected.HttpContext;
                // A client's own limit knows when it resets; the instance-wide upload limit does not.
                var counted = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter);
                var busy = !counted && IsLargeUpload(context.Request);
                var wait = counted ? retryAfter
                    : busy ? BusyRetry
                    : context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.Window;
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return writeRefusal(context, seconds, busy);
            };
        });
        return services;
    }

    /// <summary>Checked before the body is read, so a waiting upload holds no memory yet.</summary>
    public static bool IsLargeUpload(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true
        && (request.ContentLength is null || request.ContentLength > LargeUploadBytes);

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
