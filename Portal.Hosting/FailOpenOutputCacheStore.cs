using System.Collections.Concurrent;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Portal.Hosting;

/// <summary>
/// The shared (Redis) output cache, failing open: while it cannot be reached, pages are rendered uncached instead of
/// failing, and it is left alone for <see cref="Pause"/> so that visitors do not each wait out its timeout. An eviction
/// it missed is kept and made before anything is read from it again, so no page cached before a publication or a sync
/// comes back once it recovers.
/// </summary>
public sealed class FailOpenOutputCacheStore(IOutputCacheStore shared, TimeProvider clock, ILogger<FailOpenOutputCacheStore> log)
    : IOutputCacheStore, IAsyncDisposable
{
    public static readonly TimeSpan Pause = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, byte> _unevicted = new();
    private long _resumeAt;

    private bool Paused => clock.GetUtcNow().UtcTicks < Interlocked.Read(ref _resumeAt);

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (!await ReachableAsync(cancellationToken)) return null;
        try { return await shared.GetAsync(key, cancellationToken); }
        catch (Exception e) when (IsOutage(e, cancellationToken)) { Fail(e); return null; }
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        if (!await ReachableAsync(cancellationToken)) return;
        try { await shared.SetAsync(key, value, tags, validFor, cancellationToken); }
        catch (Exception e) when (IsOutage(e, cancellationToken)) { Fail(e); }
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        _unevicted.TryAdd(tag, 0);
        await ReachableAsync(cancellationToken);
    }

    /// <summary>Makes the evictions still owed; false while the store is paused or failing.</summary>
    private async ValueTask<bool> ReachableAsync(CancellationToken cancellationToken)
    {
        if (Paused) return false;
        if (_unevicted.IsEmpty) return true;
        foreach (var tag in _unevicted.Keys)
        {
            try { await shared.EvictByTagAsync(tag, cancellationToken); }
            catch (Exception e) when (IsOutage(e, cancellationToken))
            {
                Fail(e);
                return false;
            }
            _unevicted.TryRemove(tag, out _);
        }
        return true;
    }

    private void Fail(Exception e)
    {
        Interlocked.Exchange(ref _resumeAt, (clock.GetUtcNow() + Pause).UtcTicks);
        log.LogWarning(e, "The shared output cache is unreachable; pages are rendered uncached for {Pause} and {Owed} evictions are kept for its return", Pause, _unevicted.Count);
    }

    private static bool IsOutage(Exception e, CancellationToken cancellationToken) =>
        e is RedisException or TimeoutException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    public async ValueTask DisposeAsync()
    {
        switch (shared)
        {
            case IAsyncDisposable disposable: await disposable.DisposeAsync(); break;
            case IDisposable disposable: disposable.Dispose(); break;
        }
    }
}
