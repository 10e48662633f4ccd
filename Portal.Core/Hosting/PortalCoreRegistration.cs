using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Portal.Core.Funds;
using Portal.Core.Operations;
using Portal.Core.Payments;
using Portal.Core.Payments.Elasticsearch;
using Portal.Core.Privacy;
using Portal.Core.Regions;

namespace Portal.Core.Hosting;

public static class PortalCoreRegistration
{
    /// <summary>Options, the region tree, the fund catalogue and the self-lookup key: what every host needs.</summary>
    public static IServiceCollection AddPortalCore(this IServiceCollection services)
    {
        services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.Section);
        services.AddOptions<LookupOptions>().BindConfiguration(LookupOptions.Section)
            .Validate(o => { o.KeyBytes(); return true; }).ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<PortalMetrics>();
        services.AddSingleton(sp => RegionCatalog.Load(Path.Combine(sp.GetRequiredService<IOptions<PortalOptions>>().Value.ResolveContentDirectory(), "regions")));
        services.AddSingleton(sp => FundCatalog.Load(Path.Combine(sp.GetRequiredService<IOptions<PortalOptions>>().Value.ResolveContentDirectory(), "funds.yaml")));
        services.AddSingleton<OwnerKey>();
        services.AddOptions<LookupThrottleOptions>().BindConfiguration(LookupThrottleOptions.Section);
        services.AddSingleton<LookupThrottle>();
        return services;
    }

    /// <summary>The payment index the sites read (Lucene in the data folder, or Elasticsearch by <c>Portal:Payments:Index:Provider</c>), kept fresh in the background.</summary>
    public static IServiceCollection AddPaymentIndex(this IServiceCollection services)
    {
        services.AddOptions<PaymentIndexRefreshOptions>().BindConfiguration(PaymentIndexRefreshOptions.Section);
        services.AddOptions<PaymentIndexOptions>().BindConfiguration(PaymentIndexOptions.Section);
        services.AddOptions<ElasticsearchOptions>().BindConfiguration(ElasticsearchOptions.Section);
        services.AddSingleton(sp => PaymentIndexProvider.Create(sp.GetRequiredService<IOptions<PaymentIndexOptions>>().Value,
            sp.GetRequiredService<IOptions<ElasticsearchOptions>>().Value, sp.GetRequiredService<IOptions<PortalOptions>>().Value.PaymentIndexDirectory));
        services.AddSingleton(sp => sp.GetRequiredService<PaymentIndexProvider>().OpenIndex(sp.GetRequiredService<FundCatalog>(), sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<PaymentIndexRefresher>();
        return services;
    }
}
