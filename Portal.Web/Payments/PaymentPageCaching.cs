using Microsoft.AspNetCore.OutputCaching;
using Portal.Core.Payments;
using Portal.Core.Publication;
using Portal.Core.Reports;
using Portal.Core.Regions;
using Portal.Hosting;
using Portal.Web.Infrastructure;

namespace Portal.Web.Payments;

public static class PaymentPageCaching
{
    /// <summary>Public pages that show payments; evicted by the index refresher after a sync.</summary>
    public const string Payments = "payments";

    /// <summary>A county's publication record; evicted when its ledger changes.</summary>
    public const string Publication = "publication";

    /// <summary>Pages without payment data (the home page, the village search).</summary>
    public const string Static = "static";

    public static IServiceCollection AddPaymentPageCaching(this IServiceCollection services)
    {
        services.AddOutputCache(o =>
        {
            o.AddPolicy(Payments, b => b.Expire(TimeSpan.FromMinutes(10)).SetVaryByQuery("*").VaryByValue(LargePrint.CacheKey).VaryByValue(MyVillage.CacheKey)
                .Tag(PaymentCacheTags.All).AddPolicy<RegionTagPolicy>());
            o.AddPolicy(Publication, b => b.Expire(TimeSpan.FromMinutes(10)).SetVaryByQuery("*").VaryByValue(LargePrint.CacheKey)
                .Tag(PaymentCacheTags.All).AddPolicy<CountyTagPolicy>());
            o.AddPolicy(Static, b => b.Expire(TimeSpan.FromMinutes(10)).SetVaryByQuery("*").VaryByValue(LargePrint.CacheKey).VaryByValue(MyVillage.CacheKey));
        });
        return services;
    }

    /// <summary>
    /// Tags a county's record with its ledger tag, and expires it at the next Beijing midnight as well: a period turns
    /// 逾期未公开 when a day begins, with no ledger change to evict it.
    /// </summary>
    private sealed class CountyTagPolicy : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            if (context.HttpContext.GetRouteValue("county") is string county && county.Length == 6)
                context.Tags.Add(PublicationCacheTags.ForCounty(county));
            var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().ToOffset(ChinaTime.Offset);
            var untilMidnight = now.Date.AddDays(1) - now.DateTime;
            if (untilMidnight < context.ResponseExpirationTimeSpan) context.ResponseExpirationTimeSpan = untilMidnight;
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
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
