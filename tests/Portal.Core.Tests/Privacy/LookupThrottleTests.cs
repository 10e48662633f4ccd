using Microsoft.Extensions.Options;
using Portal.Core.Privacy;

namespace Portal.Core.Tests.Privacy;

public class LookupThrottleTests
{
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 23, 8, 0, 0, TimeSpan.FromHours(8));
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void One_name_is_refused_past_the_limit_from_any_address_until_the_window_passes()
    {
        var clock = new Clock();
        var throttle = new LookupThrottle(new OwnerKey(new byte[32]), Options.Create(new LookupThrottleOptions { PerNameLimit = 3, Window = TimeSpan.FromHours(1) }), clock);
        Assert.True(throttle.TryAcquire("张三明"));
        Assert.True(throttle.TryAcquire(" 张三明"));
        Assert.True(throttle.TryAcquire("张 三明"));
        Assert.False(throttle.TryAcquire("张三明"));
        Assert.True(throttle.TryAcquire("李四"));
        clock.Now += TimeSpan.FromMinutes(61);
        Assert.True(throttle.TryAcquire("张三明"));
    }
}
