namespace Portal.Web.Exhibition;

public static class ExhibitionPages
{
    /// <summary>What the exhibition and news pages need beside Core's <c>AddExhibition</c>: image sizes, the public address and the cache policies.</summary>
    public static IServiceCollection AddExhibitionPages(this IServiceCollection services)
    {
        services.AddSingleton<ImageSizes>();
        services.AddOptions<PublicAddressOptions>().BindConfiguration(PublicAddressOptions.Section)
            .Validate(o => PublicAddress.Normalize(o.PublicBaseUrl, out _), "Portal:PublicBaseUrl 应为网站的公开地址，如 https://jw.example.gov.cn（可带路径，不带查询参数）。")
            .ValidateOnStart();
        services.AddSingleton<PublicAddress>();
        services.AddExhibitionPageCaching();
        return services;
    }
}
