using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Portal.Core.Database;
using Portal.Core.Funds;
using Portal.Core.Offices;
using Portal.Core.Privacy;
using Portal.Core.Regions;

namespace Portal.Core.Supervision;

public static class SupervisionRegistration
{
    /// <summary>
    /// 数据碰撞: the rule cards, payment subjects kept in step with publication, reference-list imports and the rule runs.
    /// Sealing identities needs the reports' keys (<see cref="Reports.ReportsRegistration.AddReports"/>).
    /// </summary>
    public static IServiceCollection AddSupervision(this IServiceCollection services)
    {
        services.AddPortalDatabase();
        services.TryAddSingleton(sp => RuleCards.Load(
            Path.Combine(sp.GetRequiredService<IOptions<PortalOptions>>().Value.ResolveContentDirectory(), "supervision", "rules.yaml"), sp.GetRequiredService<FundCatalog>()));
        services.TryAddSingleton<SubjectIdentity>();
        services.TryAddScoped<ClueFinder>();
        services.TryAddScoped<PaymentSubjects>();
        services.TryAddScoped(sp => new ReferenceImporter(sp.GetRequiredService<PortalDb>(), sp.GetRequiredService<OwnerKey>(), sp.GetRequiredService<RegionCatalog>(),
            sp.GetRequiredService<ClueFinder>(), sp.GetRequiredService<OfficeRegion>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>The ledger's steps, reads and identity requests, over the reports' database, keys and blob storage (<see cref="Reports.ReportsRegistration.AddReports"/>).</summary>
    public static IServiceCollection AddClueLedger(this IServiceCollection services)
    {
        services.AddSupervision();
        services.TryAddSingleton<ClueSeal>();
        services.TryAddScoped<ClueLedger>();
        services.TryAddScoped<ClueQuery>();
        services.TryAddScoped<IdentityRequests>();
        services.TryAddScoped<ClueRekeying>();
        services.TryAddScoped<IdentityRekeying>();
        return services;
    }

    /// <summary>The public figures of supervision, over the Portal's database.</summary>
    public static IServiceCollection AddSupervisionStatistics(this IServiceCollection services)
    {
        services.AddPortalDatabase();
        services.TryAddScoped<SupervisionStatistics>();
        return services;
    }
}
