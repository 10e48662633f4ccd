using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Portal.Hosting;
using StackExchange.Redis;

namespace Portal.Hosting.Tests;

public sealed class FailOpenOutputCacheStoreTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero));
    private readonly SharedCache _shared = new();
    private readonly FailOpenOutputCacheStore _store;

    public FailOpenOutputCacheStoreTests() => _store = new FailOpenOutputCacheStore(_shared, _clock, NullLogger<FailOpenOutputCacheStore>.Instance);

    [Fact]
    public async Task While_the_shared_cache_is_down_pages_are_misses_nothing_throws_and_it_is_left_alone_for_a_while()
    {
        await _store.SetAsync("page", [1], ["news"], TimeSpan.FromMinutes(10), default);
        _shared.Down = true;

        Assert.Null(await _store.GetAsync("page", default));
        var calls = _shared.Calls;
        await _store.SetAsync("other", [2], ["news"], TimeSpan.FromMinutes(10), default);
        Assert.Null(await _store.GetAsync("page", default));

        Assert.Equal(calls, _shared.Calls);
        _shared.Down = false;
        _clock.Advance(FailOpenOutputCacheStore.Pause);
        Assert.Equal([1], await _store.GetAsync("page", default));
    }

    [Fact]
    public async Task An_eviction_missed_while_it_was_down_is_made_before_anything_is_read_from_it_again()
    {
        await _store.SetAsync("hall", [1], ["exhibition-hall:honest-officials"], TimeSpan.FromMinutes(10), default);
        _shared.Down = true;

        await _store.EvictByTagAsync("exhibition-hall:honest-officials", default);
        _shared.Down = false;
        Assert.Null(await _store.GetAsync("hall", default));
        Assert.True(_shared.Holds("hall"));
        _clock.Advance(FailOpenOutputCacheStore.Pause);

        Assert.Null(await _store.GetAsync("hall", default));
        Assert.False(_shared.Holds("hall"));
    }

    [Fact]
    public async Task A_visitor_who_leaves_is_not_taken_for_an_outage()
    {
        using var left = new CancellationTokenSource();
        left.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _store.GetAsync("page", left.Token).AsTask());
        await _store.SetAsync("page", [1], [], TimeSpan.FromMinutes(1), default);
        Assert.Equal([1], await _store.GetAsync("page", default));
    }

    /// <summary>Stands in for Redis: keeps entries by key and tag, and while down throws what StackExchange.Redis throws.</summary>
    private sealed class SharedCache : IOutputCacheStore
    {
        private readonly Dictionary<string, (byte[] Value, string[] Tags)> _entries = [];

        public bool Down { get; set; }

        public int Calls { get; private set; }

        public bool Holds(string key) => _entries.ContainsKey(key);

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
        {
            Reach(cancellationToken);
            return ValueTask.FromResult(_entries.TryGetValue(key, out var entry) ? entry.Value : null);
        }

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
        {
            Reach(cancellationToken);
            _entries[key] = (value, tags ?? []);
            return ValueTask.CompletedTask;
        }

        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
        {
            Reach(cancellationToken);
            foreach (var key in _entries.Where(e => e.Value.Tags.Contains(tag)).Select(e => e.Key).ToList()) _entries.Remove(key);
            return ValueTask.CompletedTask;
        }

        private void Reach(CancellationToken cancellationToken)
        {
            Calls++;
            cancellationToken.ThrowIfCancellationRequested();
            if (Down) throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, "UnableToConnect on 127.0.0.1:6379/Interactive");
        }
    }
}
