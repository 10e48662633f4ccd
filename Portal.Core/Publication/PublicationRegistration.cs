using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Core.Database;
using Portal.Core.Payments;
using Portal.Core.Regions;
using Portal.Core.Supervision;

namespace Portal.Core.Publication;

public static class PublicationRegistration
{
    /// <summary>The publication ledger and withdrawals, over the Portal's database and payment index (departments' submissions add it too), and supervision's payment subjects that follow them.</summary>
    public static IServiceCollection AddPublication(this IServiceCollection services)
    {
        services.AddPortalDatabase();
        services.AddSupervision();
        services.TryAddScoped<PublicationLedger>();
        services.TryAddScoped(sp => new PartitionWithdrawal(
            () => sp.GetRequiredService<PaymentIndexProvider>().OpenStore(sp.GetRequiredService<RegionCatalog>(), sp.GetRequiredService<TimeProvider>()),
            sp.GetRequiredService<PublicationLedger>(), sp.GetRequiredService<RegionCatalog>(), sp.GetRequiredService<Funds.FundCatalog>(),
            sp.GetRequiredService<Supervision.PaymentSubjects>()));
        return services;
    }

    /// <summary>The sites watch the ledger and evict the cached record and payment pages of the counties it changed.</summary>
    public static IServiceCollection AddPublicationRefresh(this IServiceCollection services)
    {
        services.AddHostedService<PublicationLedgerWatcher>();
        return services;
    }
}
