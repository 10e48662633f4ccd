using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Funds;
using Portal.Core.Payments.Elasticsearch;

namespace Portal.Core.Payments;

public static class PaymentIndexRegistration
{
    /// <summary>The payment index (Lucene in the data folder, or Elasticsearch by <c>Portal:Payments:Index:Provider</c>).</summary>
    public static IServiceCollection AddPaymentIndex(this IServiceCollection services)
    {
        services.AddOptions<PaymentIndexOptions>().BindConfiguration(PaymentIndexOptions.Section);
        services.AddOptions<ElasticsearchOptions>().BindConfiguration(ElasticsearchOptions.Section);
        services.AddSingleton(sp => PaymentIndexProvider.Create(sp.GetRequiredService<IOptions<PaymentIndexOptions>>().Value,
            sp.GetRequiredService<IOptions<ElasticsearchOptions>>().Value, sp.GetRequiredService<IOptions<PortalOptions>>().Value.PaymentIndexDirectory));
        services.AddSingleton(sp => sp.GetRequiredService<PaymentIndexProvider>().OpenIndex(sp.GetRequiredService<FundCatalog>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>The sites look for the indexer's commits in the background and evict the cached pages of what changed.</summary>
    public static IServiceCollection AddPaymentIndexRefresh(this IServiceCollection services)
    {
        services.AddOptions<PaymentIndexRefreshOptions>().BindConfiguration(PaymentIndexRefreshOptions.Section);
        services.AddHostedService<PaymentIndexRefresher>();
        return services;
    }
}
