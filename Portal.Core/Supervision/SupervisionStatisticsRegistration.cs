using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Core.Database;

namespace Portal.Core.Supervision;

public static class SupervisionStatisticsRegistration
{
    /// <summary>The public figures of supervision, over the Portal's database.</summary>
    public static IServiceCollection AddSupervisionStatistics(this IServiceCollection services)
    {
        services.AddPortalDatabase();
        services.TryAddScoped<SupervisionStatistics>();
        return services;
    }
}
