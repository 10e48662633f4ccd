using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Portal.Core.Privacy;

public sealed class LookupThrottleOptions
{
    public const string Section = "Portal:Lookup:Throttle";

    /// <summary>
    /// Lookups for one name per window, from any address. A name and a birth date leave about a thousand possible
    /// ID numbers; per-address limits alone would let many addresses try them all.
    /// </summary>
    public int PerNameLimit { get; set; } = 20;

    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>Counts self lookups per name (by keyed hash: the name itself is never kept) and refuses past the limit.</summary>
public sealed class LookupThrottle(OwnerKey keys, IOptions<LookupThrottleOptions> options, TimeProvider clock)
{
    public const string Refusal = "这个姓名近一小时的查询次数已达上限。为防止他人冒用姓名试查身份证号，请稍后再试；如有疑问请拨打 12388。";

    private const int PruneAbove = 100_000;
    private readonly ConcurrentDictionary<string, Count> _counts = new();

    public bool TryAcquire(string name)
    {
        var now = clock.GetUtcNow();
        var window = options.Value.Window;
        if (_counts.Count > PruneAbove)
            foreach (var (key, count) in _counts)
                if (now - count.Since >= window) _counts.TryRemove(key, out _);
        var updated = _counts.AddOrUpdate(keys.ForName(name), _ => new Count(now, 1),
            (_, c) => now - c.Since >= window ? new Count(now, 1) : c with { Attempts = c.Attempts + 1 });
        return updated.Attempts <= options.Value.PerNameLimit;
    }

    private sealed record Count(DateTimeOffset Since, int Attempts);
}
