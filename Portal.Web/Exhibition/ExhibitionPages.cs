using Portal.Hosting;

namespace Portal.Web.Exhibition;

public static class ExhibitionPages
{
    /// <summary>What the exhibition and news pages need beside Core's <c>AddExhibition</c>: the public address and the cache policies.</summary>
    public static IServiceCollection AddExhibitionPages(this IServiceCollection services)
    {
        services.AddPublicAddress();
        services.AddExhibitionPageCaching();
        return services;
    }
}
