using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Operations;
using Portal.Core.Payments;
using Portal.Core.Regions;

namespace Portal.Core.Publication;

/// <summary>
/// Evicts the cached pages a new ledger line makes stale: the county's publication record, and its payment pages
/// (a village page says 已撤回). The ledger is written after the index commits, so the index refresher may have
/// evicted those pages before the line existed; this evicts them again once it does.
/// </summary>
public sealed class PublicationLedgerWatcher(
    IServiceScopeFactory scopes, RegionCatalog regions, ICachedPages cache, IOptions<PaymentIndexRefreshOptions> options, ILogger<PublicationLedgerWatcher> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        long? seen = null;
        using var timer = new PeriodicTimer(options.Value.RefreshInterval);
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                var ledger = scope.ServiceProvider.GetRequiredService<PublicationLedger>();
                var last = await ledger.LastIdAsync(stoppingToken);
                if (seen is { } before && last > before)
                {
                    var counties = await ledger.CountiesSinceAsync(before, stoppingToken);
                    foreach (var county in counties.Select(regions.Find).OfType<Region>())
                    {
                        await cache.EvictAsync(PublicationCacheTags.ForCounty(county.Code), stoppingToken);
                        foreach (var tag in PaymentCacheTags.ToEvict(new IndexChange([county.Code], false), regions))
                            await cache.EvictAsync(tag, stoppingToken);
                    }
                    log.LogInformation("Publication ledger changed; evicted the pages of counties {Counties}", string.Join(",", counties));
                }
                seen = last;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Reading the publication ledger failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
