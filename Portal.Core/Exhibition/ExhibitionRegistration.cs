using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Blobs;
using Portal.Core.Exhibition;

namespace Portal.Core.Exhibition;

public static class ExhibitionRegistration
{
    /// <summary>
    /// The exhibition and news as published in the database (seeded from content/exhibition), the press office's
    /// workflow, media in blob storage, and the hall visit counter. Needs <see cref="ReportsRegistration.AddReports"/>'s database.
    /// </summary>
    public static IServiceCollection AddExhibition(this IServiceCollection services)
    {
        services.AddOptions<HallVisitOptions>().BindConfiguration(HallVisitOptions.Section);
        services.AddOptions<ExhibitionRefreshOptions>().BindConfiguration(ExhibitionRefreshOptions.Section);
        services.AddOptions<BlobStorageOptions>().BindConfiguration(BlobStorageOptions.Section);
        services.AddSingleton(sp =>
        {
            var portal = sp.GetRequiredService<IOptions<PortalOptions>>().Value;
            return new ExhibitionMediaStore(Path.Combine(portal.ResolveContentDirectory(), "exhibition", "media"),
                BlobStores.Create(sp.GetRequiredService<IOptions<BlobStorageOptions>>().Value, portal, ExhibitionMediaStore.Container));
        });
        services.AddSingleton<NewsOffices>();
        services.AddSingleton<PublishedExhibition>();
        services.AddSingleton<ExhibitionChangeSignal>();
        services.AddSingleton<IExhibitionContent>(sp => sp.GetRequiredService<PublishedExhibition>());
        services.AddScoped<ExhibitionPublishing>();
        services.AddHostedService<ExhibitionRefresher>();
        services.AddSingleton<UnusedMediaSweeper>();
        services.AddSingleton<HallVisitCounter>();
        services.AddHostedService(sp => sp.GetRequiredService<HallVisitCounter>());
        return services;
    }

    /// <summary>The hourly sweep of uploaded media no version uses; one host runs it.</summary>
    public static IServiceCollection AddUnusedMediaSweep(this IServiceCollection services) =>
        services.AddHostedService(sp => sp.GetRequiredService<UnusedMediaSweeper>());
}
