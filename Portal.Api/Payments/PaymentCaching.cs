using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Portal.Core.Payments;
using Portal.Core.Publication;
using Portal.Core.Reports;
using Portal.Core.Regions;
using Portal.Hosting;

namespace Portal.Api.Payments;

public sealed class PaymentCacheOptions
{
    public const string Section = "Portal:Api:Cache";

    /// <summary>How long the server keeps an answer; a sync evicts it earlier by tag.</summary>
    public TimeSpan ServerDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long phones and proxies may reuse an answer: short, because they cannot be told about a sync.</summary>
    public TimeSpan ClientMaxAge { get; set; } = TimeSpan.FromSeconds(60);
}

/// <summary>Output caching of the public GETs, tagged so PaymentIndexRefresher evicts exactly what a sync changed.</summary>
public static class PaymentCaching
{
    public const string Policy = "payments";

    /// <summary>A county's publication record: evicted when its ledger changes, and at Beijing midnight, when a period may turn 逾期未公开.</summary>
    public const string PublicationPolicy = "publication";

    public static IServiceCollection AddPaymentCaching(this IServiceCollection services)
    {
        services.AddOptions<PaymentCacheOptions>().BindConfiguration(PaymentCacheOptions.Section);
        services.AddOutputCache(o => o.AddPolicy(Policy, b => b
            .SetVaryByQuery("region", "fund", "period", "q", "sort", "page", "pageSize")
            .Tag(PaymentCacheTags.All)
            .AddPolicy<RegionTagPolicy>()));
        services.AddOutputCache(o => o.AddPolicy(PublicationPolicy, b => b
            .SetVaryByQuery("region")
            .Tag(PaymentCacheTags.All)
            .AddPolicy<CountyTagPolicy>()));
        return services;
    }

    /// <summary>Lets phones and proxies reuse a successful answer for a short while.</summary>
    public static RouteHandlerBuilder WithPublicCaching(this RouteHandlerBuilder endpoint, string policy = Policy) => endpoint
        .CacheOutput(policy)
        .AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            // Set before the result runs, so the output cache stores the header with the answer and replays it.
            if ((result is INestedHttpResult nested ? nested.Result : result) is IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK })
            {
                var maxAge = context.HttpContext.RequestServices.GetRequiredService<IOptions<PaymentCacheOptions>>().Value.ClientMaxAge;
                context.HttpContext.Response.Headers.CacheControl = $"public, max-age={(int)maxAge.TotalSeconds}";
            }
            return result;
        });

    private sealed class CountyTagPolicy(IOptions<PaymentCacheOptions> options, TimeProvider clock) : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var now = clock.GetUtcNow().ToOffset(ChinaTime.Offset);
            var untilMidnight = now.Date.AddDays(1) - now.DateTime;
            context.ResponseExpirationTimeSpan = untilMidnight < options.Value.ServerDuration ? untilMidnight : options.Value.ServerDuration;
            if (context.HttpContext.Request.Query["region"].ToString().Trim() is { Length: 6 } county)
                context.Tags.Add(PublicationCacheTags.ForCounty(county));
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
    }

    /// <summary>Adds the region's tag (from the route or the region filter) and sets how long the server keeps the answer.</summary>
    private sealed class RegionTagPolicy(RegionCatalog regions, IOptions<PaymentCacheOptions> options) : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            context.ResponseExpirationTimeSpan = options.Value.ServerDuration;
            var request = context.HttpContext.Request;
            var code = request.RouteValues["code"] as string ?? request.Query["region"].ToString();
            var region = PaymentQueryParser.Region(regions, code) ?? RegionCatalog.Country;
            context.Tags.Add(PaymentCacheTags.ForRegion(region));
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
    }
}
