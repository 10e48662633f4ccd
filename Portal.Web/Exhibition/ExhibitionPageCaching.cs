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
            o.AddPolicy(HallList, b => b.Expire(TimeSpan.FromSeconds(30)).SetVaryByQuery([]).VaryByValue(LargePrint.CacheKey)
                .Tag(ExhibitionCacheTags.All, ExhibitionCacheTags.HallList));
            o.AddPolicy(News, b => b.Expire(TimeSpan.FromMinutes(10)).SetVaryByQuery("page", "category").VaryByValue(LargePrint.CacheKey)
                .Tag(ExhibitionCacheTags.All, ExhibitionCacheTags.News));
        });
        return services;
    }

    private sealed class HallTagPolicy : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            if (context.HttpContext.GetRouteValue("slug") is string slug) context.Tags.Add(ExhibitionCacheTags.Hall(slug));
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
    }
}
