using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Core.Exhibition;
using Portal.Core.Tests.Reports;

namespace Portal.Core.Tests.Exhibition;

/// <summary>The visit counter on the same databases as reports: a SQLite file always, PostgreSQL when ./test.sh started it.</summary>
public abstract class HallVisitCounterBehaviour
{
    protected abstract Task<ReportsHarness> StartAsync();

    [Fact]
    public virtual async Task Concurrent_views_are_counted_exactly_and_survive_a_restart()
    {
        await using var h = await StartAsync();
        var counter = Counter(h);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => { for (var i = 0; i < 125; i++) counter.Record("honest-officials"); })));
        counter.Record("rules");

        await counter.FlushAsync();
        var restarted = Counter(h);
        await restarted.FlushAsync();

        Assert.Equal(1000, counter.Count("honest-officials"));
        Assert.Equal((1000, 1), (restarted.Count("honest-officials"), restarted.Count("rules")));
    }

    [Fact]
    public virtual async Task Two_instances_add_to_the_same_count_and_neither_overwrites_the_other()
    {
        await using var h = await StartAsync();
        var first = Counter(h);
        var second = Counter(h);
        for (var i = 0; i < 30; i++) first.Record("rules");
        for (var i = 0; i < 12; i++) second.Record("rules");

        await Task.WhenAll(first.FlushAsync(), second.FlushAsync());
        await first.FlushAsync();

        Assert.Equal(42, first.Count("rules"));
    }

    [Fact]
    public virtual async Task A_visit_counts_at_once_before_it_is_written()
    {
        await using var h = await StartAsync();
        var counter = Counter(h);

        counter.Record("rules");

        Assert.Equal(1, counter.Count("rules"));
    }

    private static HallVisitCounter Counter(ReportsHarness h) => new(
        h.Services.GetRequiredService<IServiceScopeFactory>(), Options.Create(new HallVisitOptions()), NullLogger<HallVisitCounter>.Instance);
}

public sealed class SqliteHallVisitCounterTests : HallVisitCounterBehaviour
{
    protected override Task<ReportsHarness> StartAsync() => ReportsHarness.StartAsync(postgres: false, azurite: false);
}

public sealed class PostgresHallVisitCounterTests : HallVisitCounterBehaviour
{
    protected override Task<ReportsHarness> StartAsync() => ReportsHarness.StartAsync(postgres: true, azurite: false);

    [Fact]
    public void Every_visit_counter_behaviour_is_also_run_against_PostgreSQL()
    {
        Assert.Empty(SuiteCoverage.NotRerun(typeof(HallVisitCounterBehaviour), GetType(), typeof(Portal.Tests.PostgresFactAttribute)));
    }

    [Portal.Tests.PostgresFact] public override Task Concurrent_views_are_counted_exactly_and_survive_a_restart() => base.Concurrent_views_are_counted_exactly_and_survive_a_restart();
    [Portal.Tests.PostgresFact] public override Task Two_instances_add_to_the_same_count_and_neither_overwrites_the_other() => base.Two_instances_add_to_the_same_count_and_neither_overwrites_the_other();
    [Portal.Tests.PostgresFact] public override Task A_visit_counts_at_once_before_it_is_written() => base.A_visit_counts_at_once_before_it_is_written();
}
