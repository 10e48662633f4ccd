using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Portal.Core.Supervision;

public static class ClueLedgerRegistration
{
    /// <summary>The ledger's steps, reads and identity requests, over the reports' database, keys and blob storage (<see cref="Reports.ReportsRegistration.AddReports"/>).</summary>
    public static IServiceCollection AddClueLedger(this IServiceCollection services)
    {
        services.AddSingleton<ClueSeal>();
        services.AddSingleton<ClueRuleTitles>();
        services.TryAddSingleton<IRecipientIdentityOpener, NoRecipientIdentityOpener>();
        services.AddScoped<ClueLedger>();
        services.AddScoped<ClueQuery>();
        services.AddScoped<IdentityRequests>();
        services.AddScoped<ClueRekeying>();
        return services;
    }
}
