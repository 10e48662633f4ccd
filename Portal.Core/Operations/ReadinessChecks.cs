using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Portal.Core.Blobs;
using Portal.Core.Database;
using Portal.Core.Exhibition;
using Portal.Core.Payments;
using Portal.Core.Reports;

namespace Portal.Core.Operations;

/// <summary>
/// Whether an instance can serve: the payment index answers, the database takes a connection, blob storage lists, and it
/// listens for exhibition changes.
/// A failure says which part and nothing more: no connection string, host name or exception text reaches the answer.
/// </summary>
public sealed class PaymentIndexCheck(IPaymentIndex index) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await index.CheckAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("payment index unavailable", e);
        }
    }
}

public sealed class DatabaseCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var scope = scopes.CreateScope();
        try
        {
            return await scope.ServiceProvider.GetRequiredService<PortalDb>().Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("database unavailable");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("database unavailable", e);
        }
    }
}

public sealed class BlobStorageCheck([FromKeyedServices(ReportBlobs.Container)] IBlobStore attachments, ExhibitionMediaStore media) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // Listing a prefix nothing uses touches the container without reading a blob.
            foreach (var store in new[] { attachments, media.Uploads })
                await foreach (var _ in store.ListAsync("readiness-probe/", cancellationToken)) break;
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("blob storage unavailable", e);
        }
    }
}

/// <summary>Not ready until the instance has tried to hear of other instances' publications, so none passes it by unheard.</summary>
public sealed class ExhibitionChangesCheck(ExhibitionChangeSignal changes) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(changes.HasTriedToListen ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("not yet listening for exhibition changes"));
}
