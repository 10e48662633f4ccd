using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Portal.Core.Exhibition;

public sealed class ExhibitionRefreshOptions
{
    public const string Section = "Portal:Exhibition";

    /// <summary>How often a host publishes what is due and looks for what another instance published (at once, when a shared Redis carries the news).</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>Publishes scheduled items when their time comes and picks up changes made on other instances (the API host, a second web host).</summary>
public sealed class ExhibitionRefresher(
    IServiceScopeFactory scopes, PublishedExhibition published, ExhibitionChangeSignal changes, TimeProvider time, IOptions<ExhibitionRefreshOptions> options,
    ILogger<ExhibitionRefresher> log)
    : BackgroundService
{
    private async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ExhibitionPublishing>().PublishDueAsync(cancellationToken);
        await published.RefreshAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await changes.ListenAsync(stoppingToken);
        while (true)
        {
            await changes.WaitAsync(options.Value.RefreshInterval, time, stoppingToken);
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Refreshing the published exhibition failed");
            }
        }
    }
}
