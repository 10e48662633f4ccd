using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Exhibition;

namespace Portal.Core.Hosting;

public static class ExhibitionRegistration
{
    /// <summary>The exhibition and news from content/exhibition, and the hall visit counter (needs <see cref="ReportsRegistration.AddReports"/>'s database).</summary>
    public static IServiceCollection AddExhibition(this IServiceCollection services)
    {
        services.AddOptions<HallVisitOptions>().BindConfiguration(HallVisitOptions.Section);
        services.AddSingleton(sp => new FileExhibitionContent(Path.Combine(sp.GetRequiredService<IOptions<PortalOptions>>().Value.ResolveContentDirectory(), "exhibition")));
        services.AddSingleton<IExhibitionContent>(sp => sp.GetRequiredService<FileExhibitionContent>());
        services.AddSingleton<HallVisitCounter>();
        services.AddHostedService(sp => sp.GetRequiredService<HallVisitCounter>());
        return services;
    }
}
