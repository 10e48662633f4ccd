namespace Portal.Core.WeChat;

/// <summary>
/// The answers of the last few minutes by retry key, so a message the platform sends again (up to three times, within
/// 15 seconds, when it got no answer in 5) is worked out once: a retry joins the first attempt's answer. Bounded in
/// count and age, in memory: a restart forgets it, which at worst answers a retry twice.
/// </summary>
public sealed class RetryMemory(TimeProvider clock, int capacity = RetryMemory.DefaultCapacity, TimeSpan? lifetime = null)
{
    public const int DefaultCapacity = 20_000;

    private readonly TimeSpan _lifetime = lifetime ?? TimeSpan.FromMinutes(2);
    private readonly Dictionary<string, Task<Reply>> _answers = new(StringComparer.Ordinal);
    private readonly Queue<(string Key, DateTimeOffset Expires)> _order = new();
    private readonly Lock _lock = new();

    public int Count
    {
        get { lock (_lock) return _answers.Count; }
    }

    /// <summary>The answer already started for this key, or the one <paramref name="start"/> begins now; Retry says which.</summary>
    public (Task<Reply> Answer, bool Retry) Remember(string key, Func<Task<Reply>> start)
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            while (_order.Count > 0 && (_order.Peek().Expires <= now || _order.Count >= capacity))
                _answers.Remove(_order.Dequeue().Key);
            if (_answers.TryGetValue(key, out var known)) return (known, true);
            var answer = start();
            _answers[key] = answer;
            _order.Enqueue((key, now + _lifetime));
            return (answer, false);
        }
    }
}
