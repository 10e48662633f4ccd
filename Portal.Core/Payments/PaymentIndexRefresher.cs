using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Operations;
using Portal.Core.Regions;

namespace Portal.Core.Payments;

public sealed class PaymentIndexRefreshOptions
{
    public const string Section = "Portal:Payments";

    /// <summary>How often the sites look for a new commit of the indexer.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>Lets the sites see a sync within seconds, without a restart, and evicts the cached pages of the regions it changed.</summary>
public sealed class PaymentIndexRefresher(
    IPaymentIndex index, RegionCatalog regions, ICachedPages cache, IOptions<PaymentIndexRefreshOptions> options, ILogger<PaymentIndexRefresher> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshInterval);
        do
        {
            try
            {
                if (await index.RefreshAsync(stoppingToken) is { } change)
                {
                    var tags = PaymentCacheTags.ToEvict(change, regions).ToList();
                    foreach (var tag in tags) await cache.EvictAsync(tag, stoppingToken);
                    log.LogInformation("Payment index changed; evicted {TagCount} cache tags for counties {Counties}", tags.Count, string.Join(",", change.CountyCodes));
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Refreshing the payment index failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
