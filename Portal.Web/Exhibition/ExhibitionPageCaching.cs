using Microsoft.AspNetCore.OutputCaching;
using Portal.Core.Exhibition;
using Portal.Web.Infrastructure;

namespace Portal.Web.Exhibition;

/// <summary>
/// Output caching of the exhibition and news pages, tagged with <see cref="ExhibitionCacheTags"/>: every page carries
/// the common tag, hall and exhibit pages their hall's, the hall list and news pages theirs, so publishing evicts exactly what changed.
/// </summary>
public static class ExhibitionPageCaching
{
    /// <summary>Policy of a hall page and its exhibits.</summary>
    public const string Halls = "exhibition";

    /// <summary>Policy of the hall list, which shows live visit counts.</summary>
    public const string HallList = "exhibition-list";

    /// <summary>Policy of the news pages and the feed.</summary>
    public const string News = "news";

    public static IServiceCollection AddExhibitionPageCaching(this IServiceCollection services)
    {
        services.AddOutputCache(o =>
        {
            // The pages read no query string: one cached copy per page, however a link decorates it.
            o.AddPolicy(Halls, b => b.Expire(TimeSpan.FromMinutes(10)).SetVaryByQuery([]).VaryByValue(LargePrint.CacheKey)
                .Tag(ExhibitionCacheTags.All).AddPolicy<HallTagPolicy>());
            // Short: the list shows 累计访问量, which should not look frozen to someone who has just walked a hall.
            o.AddPolicy(HallList, b => b.Expire(TimeSpan.FromSeconds(30)).SetVaryByQuery([]).VaryByValue(LargePrint.CacheKey).VaryByValue(c => Fingerprint(c, ExhibitionCacheTags.HallList))
                .Tag(ExhibitionCacheTags.All, ExhibitionCacheTags.HallList));
            o.AddPolicy(News, b => b.Expire(TimeSpan.FromMinutes(10)).SetVaryByQuery("page", "category", "office").VaryByValue(LargePrint.CacheKey).VaryByValue(c => Fingerprint(c, ExhibitionCacheTags.News))
                .Tag(ExhibitionCacheTags.All, ExhibitionCacheTags.News));
        });
        return services;
    }

    /// <summary>
    /// What the pages of a tag show in the state this instance holds, taken before the page is rendered. A page rendered
    /// from the old state while a publication is taken in would otherwise be stored after the eviction, under the page's
    /// one key, and be served stale until it expired; under the old fingerprint nobody asks for it once the instance has
    /// the new state. Fingerprints are per tag, so a publication still leaves the other halls' pages cached.
    /// </summary>
    private static KeyValuePair<string, string> Fingerprint(HttpContext context, string tag) =>
        new("exhibition", context.RequestServices.GetRequiredService<PublishedExhibition>().FingerprintOf(tag));

    private sealed class HallTagPolicy : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            if (context.HttpContext.GetRouteValue("slug") is string slug)
            {
                context.Tags.Add(ExhibitionCacheTags.Hall(slug));
                var (key, fingerprint) = Fingerprint(context.HttpContext, ExhibitionCacheTags.Hall(slug));
                context.CacheVaryByRules.VaryByValues[key] = fingerprint;
            }
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
    }
}
