using Microsoft.Extensions.Time.Testing;
using Portal.Core.WeChat;

namespace Portal.Core.Tests.WeChat;

public class RetryMemoryTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-11-23T10:00:00+08:00"));

    private static Func<Task<Reply>> Counting(List<string> started, string text) => () =>
    {
        started.Add(text);
        return Task.FromResult<Reply>(new TextReply(text));
    };

    [Fact]
    public async Task A_retry_gets_the_first_attempts_answer_without_working_it_out_again()
    {
        var memory = new RetryMemory(_clock);
        var started = new List<string>();
        var (first, firstIsRetry) = memory.Remember("m:1", Counting(started, "first"));
        var (again, againIsRetry) = memory.Remember("m:1", Counting(started, "second"));
        Assert.False(firstIsRetry);
        Assert.True(againIsRetry);
        Assert.Equal(["first"], started);
        Assert.Same(await first, await again);
    }

    [Fact]
    public void Different_messages_are_worked_out_separately()
    {
        var memory = new RetryMemory(_clock);
        var started = new List<string>();
        memory.Remember("m:1", Counting(started, "a"));
        memory.Remember("m:2", Counting(started, "b"));
        Assert.Equal(["a", "b"], started);
    }

    [Fact]
    public void An_answer_is_forgotten_after_its_lifetime()
    {
        var memory = new RetryMemory(_clock, lifetime: TimeSpan.FromMinutes(2));
        var started = new List<string>();
        memory.Remember("m:1", Counting(started, "a"));
        _clock.Advance(TimeSpan.FromMinutes(2));
        memory.Remember("m:1", Counting(started, "b"));
        Assert.Equal(["a", "b"], started);
    }

    [Fact]
    public void The_memory_never_holds_more_than_its_capacity()
    {
        var memory = new RetryMemory(_clock, capacity: 100);
        for (var i = 0; i < 1000; i++) memory.Remember("m:" + i, () => Task.FromResult(Reply.Nothing));
        Assert.Equal(100, memory.Count);
    }

    [Fact]
    public void A_retry_of_an_event_is_known_by_its_sender_and_time()
    {
        var subscribe = new InboundMessage("gh", "o_follower", 1714037059, "event", null, null, "subscribe", null);
        Assert.Equal(subscribe.RetryKey, (subscribe with { ToUserName = "gh" }).RetryKey);
        Assert.NotEqual(subscribe.RetryKey, (subscribe with { CreateTime = 1714037060 }).RetryKey);
        Assert.NotEqual(subscribe.RetryKey, (subscribe with { FromUserName = "o_other" }).RetryKey);
        Assert.NotEqual(subscribe.RetryKey, (subscribe with { Event = "CLICK" }).RetryKey);
        Assert.DoesNotContain("o_follower", subscribe.RetryKey);
    }
}
