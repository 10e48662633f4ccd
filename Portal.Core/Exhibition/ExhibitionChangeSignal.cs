using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Portal.Core.Operations;
using StackExchange.Redis;

namespace Portal.Core.Exhibition;

/// <summary>
/// Tells the other instances that the published exhibition changed, over Redis pub/sub on the output cache's Redis
/// (<see cref="SharedRedis.Setting"/>), so that they rebuild their snapshot at once instead of at their next
/// look. Best effort: without Redis, or while it is down, each instance still looks every refresh interval.
/// </summary>
public sealed class ExhibitionChangeSignal(IConfiguration configuration, ILogger<ExhibitionChangeSignal> log) : IAsyncDisposable
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("portal:exhibition-changed");
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly TaskCompletionSource _tried = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ConnectionMultiplexer? _redis;

    /// <summary>
    /// Whether this instance has tried to subscribe (or has no Redis to try): until then an announcement made by another
    /// instance could pass it by, so it is not ready (<see cref="Operations.ExhibitionChangesCheck"/>).
    /// </summary>
    public bool HasTriedToListen => _tried.Task.IsCompleted;

    /// <summary>Subscribes when a Redis is configured; a Redis that is down is subscribed to once it is back.</summary>
    public async Task ListenAsync(CancellationToken cancellationToken)
    {
        try { await ConnectAndSubscribeAsync(); }
        finally { _tried.TrySetResult(); }
    }

    private async Task ConnectAndSubscribeAsync()
    {
        if (configuration[SharedRedis.Setting] is not { Length: > 0 } setting) return;
        var options = ConfigurationOptions.Parse(setting);
        options.AbortOnConnectFail = false;
        try { _redis = await ConnectionMultiplexer.ConnectAsync(options); }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // A failure here must not stop the refresher, which is what keeps the exhibition current without Redis.
            log.LogWarning(e, "Could not reach Redis for exhibition changes; this instance notices them at its next look");
            return;
        }
        _redis.ConnectionRestored += async (_, _) => await SubscribeAsync();
        await SubscribeAsync();
    }

    private async Task SubscribeAsync()
    {
        try { await _redis!.GetSubscriber().SubscribeAsync(Channel, (_, _) => Wake()); }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            log.LogWarning(e, "Could not subscribe to exhibition changes; this instance notices them at its next look");
        }
    }

    /// <summary>Tells every instance (this one too) that what is published changed.</summary>
    public async Task AnnounceAsync()
    {
        if (_redis is null) return;
        try { await _redis.GetSubscriber().PublishAsync(Channel, "changed"); }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            log.LogWarning(e, "Could not tell the other instances of an exhibition change; they notice it at their next look");
        }
    }

    /// <summary>Returns after <paramref name="interval"/>, or sooner when an instance announces a change.</summary>
    public async Task WaitAsync(TimeSpan interval, TimeProvider time, CancellationToken cancellationToken)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var announced = _wake.WaitAsync(either.Token);
        await Task.WhenAny(announced, Task.Delay(interval, time, either.Token));
        await either.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    private void Wake()
    {
        // One wake-up covers any number of announcements made before the next look.
        try { if (_wake.CurrentCount == 0) _wake.Release(); }
        catch (SemaphoreFullException) { }
    }

    public async ValueTask DisposeAsync()
    {
        if (_redis is not null) await _redis.DisposeAsync();
        _wake.Dispose();
    }
}
