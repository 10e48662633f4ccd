using Portal.Core.Exhibition;

namespace Portal.Web.Exhibition;

/// <summary>Marks the page whose every view is one visit of the hall named by its <c>slug</c> route value.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CountsHallVisitAttribute : Attribute;

public static class HallVisitCounting
{
    /// <summary>
    /// Counts a hall page view before the output cache can answer it: the page is cached, yet every view is counted.
    /// Only GETs of halls that exist count, so made-up addresses cannot add rows to the database.
    /// </summary>
    public static IApplicationBuilder UseHallVisitCounting(this IApplicationBuilder app)
    {
        var content = app.ApplicationServices.GetRequiredService<IExhibitionContent>();
        var counter = app.ApplicationServices.GetRequiredService<HallVisitCounter>();
        return app.Use((context, next) =>
        {
            if (HttpMethods.IsGet(context.Request.Method)
                && context.GetEndpoint()?.Metadata.GetMetadata<CountsHallVisitAttribute>() is not null
                && context.GetRouteValue("slug") is string slug
                && content.Hall(slug) is not null)
                counter.Record(slug);
            return next(context);
        });
    }

    /// <summary>Reads the stored counts before the site answers, so the first visitors after a restart do not see 0 (and the cache does not keep it).</summary>
    public static Task LoadHallVisitCountsAsync(this IServiceProvider services) => services.GetRequiredService<HallVisitCounter>().FlushAsync();
}
