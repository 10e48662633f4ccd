using Microsoft.AspNetCore.OutputCaching;
using Portal.Core.Payments;
using Portal.Core.Regions;
using Portal.Hosting;
using Portal.Web.Infrastructure;

namespace Portal.Web.Payments;

public static class PaymentPageCaching
{
    /// <summary>Public pages that show payments; evicted by the index refresher after a sync.</summary>
    public const string Payments = "payments";

    /// <summary>Pages without payment data (the home page).</summary>
    public const string Static = "static";

    public static IServiceCollection AddPaymentPageCaching(this IServiceCollection services)
    {
        services.AddOutputCache(o =>
        {
            o.AddPolicy(Payments, b => b.Expire(TimeSpan.FromMinutes(10)).SetVaryByQuery("*").VaryByValue(LargePrint.CacheKey)
                .Tag(PaymentCacheTags.All).AddPolicy<RegionTagPolicy>());
            o.AddPolicy(Static, b => b.Expire(TimeSpan.FromMinutes(10)).SetVaryByQuery("*").VaryByValue(LargePrint.CacheKey));
        });
        return services;
    }

    /// <summary>Tags a region page with its region's tag so a sync evicts only the regions it changed.</summary>
    private sealed class RegionTagPolicy : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var code = context.HttpContext.GetRouteValue("code") as string;
            var regions = context.HttpContext.RequestServices.GetRequiredService<RegionCatalog>();
            if ((code is null ? RegionCatalog.Country : regions.Find(code)) is { } region)
                context.Tags.Add(PaymentCacheTags.ForRegion(region));
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
    }
}
