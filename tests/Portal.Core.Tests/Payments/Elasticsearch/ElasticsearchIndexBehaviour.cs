using Microsoft.Extensions.Time.Testing;
using Portal.Core.Ingest;
using Portal.Core.Payments;
using Portal.Core.Payments.Elasticsearch;
using Portal.Tests;

namespace Portal.Core.Tests.Payments.Elasticsearch;

/// <summary>
/// The payment index behaviours through the Elasticsearch index and writer, plus what only that engine does (a full
/// reindex with an alias swap, one writer at a time under a lease, replaced documents kept for readers that are behind).
/// Run against a simulation always and a real cluster when there is one. Lease and retention run on fake clocks: a
/// writer whose clock is not advanced is one that stalled or was killed (its renewals stop).
/// </summary>
public abstract class ElasticsearchIndexBehaviour : PaymentIndexBehaviour
{
    /// <summary>A client of this test's cluster and alias.</summary>
    protected abstract ElasticsearchClient NewClient();

    protected override IPartitionStore OpenStore() => OpenStore(TimeProvider.System);

    /// <summary>A writer whose lease and retention run on <paramref name="clock"/>.</summary>
    protected ElasticsearchPartitionStore OpenStore(TimeProvider clock) => new(NewClient(), SampleData.Regions, clock, Settings);

    protected static readonly ElasticsearchOptions Settings = new();

    protected override IPaymentIndex OpenIndex(TimeProvider clock) => new ElasticsearchPaymentIndex(NewClient(), SampleData.Funds, clock);

    [Fact]
    public virtual async Task A_full_reindex_moves_the_alias_keeps_the_old_index_and_changes_no_answer()
    {
        using var data = new SampleData(OpenStore);
        data.AddCounty(people: 40, months: 2);
        using var index = OpenIndex(Today);
        var before = await index.SummarizeAsync("410221", null, null, SummaryGrouping.ChildRegion);
        using var client = NewClient();
        // A minute on, so the new index's name (its creation time) differs from the first one's.
        var admin = new PaymentIndexAdmin(client, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(1)));

        var result = admin.Reindex();

        Assert.Equal([result.NewIndex], admin.AliasedIndices());
        Assert.Contains(admin.Status().Indices, i => i.Name == result.OldIndex && !i.Aliased);
        Assert.True((await index.RefreshAsync())?.AllRegions);
        Assert.Equal(before, await index.SummarizeAsync("410221", null, null, SummaryGrouping.ChildRegion));
        Assert.Equal(data.Rows.Count, (await index.SearchAsync(new PaymentQuery { RegionCode = "410221" })).TotalCount);
    }

    [Fact]
    public virtual void A_second_writer_is_refused_while_the_first_runs_and_welcome_after()
    {
        using (OpenStore())
        {
            var refused = Assert.Throws<Portal.Core.Ingest.ExportFileException>(OpenStore);
            Assert.Contains("es unlock", refused.Message);
        }
        using var next = OpenStore();
    }

    private const string Village = "410221101201";
    private const string OtherVillage = "410221101202";
    private static readonly DateTimeOffset Start = DateTimeOffset.UtcNow;

    /// <summary>One payment of last month in the village (inside every fund's publication window).</summary>
    private static ValidPayment[] Paid(decimal amount, string village = Village) =>
        [new(1, SampleData.Regions.Find(village)!, SampleData.Funds.ByCode("rural-dibao")!, Period.Of(Today.GetUtcNow()).AddMonths(-1), amount, "owner-" + village, "张*明", 3, "杞县民政局", null)];

    private static async Task<decimal> Total(IPaymentIndex index, string village = Village) => (await index.SearchAsync(new PaymentQuery { RegionCode = village, PageSize = 100 })).TotalAmount;

    [Fact]
    public virtual async Task A_killed_writers_lock_is_refused_while_its_lease_runs_and_taken_over_once_it_has_expired()
    {
        // Killed after writing, before committing: its lock stays, its renewals stop.
        var killed = OpenStore(new FakeTimeProvider(Start));
        killed.Replace(Paid(900m, OtherVillage));
        var clock = new FakeTimeProvider(Start);

        clock.Advance(Settings.LockLease - TimeSpan.FromSeconds(1));
        var refused = Assert.Throws<ExportFileException>(() => OpenStore(clock));
        Assert.Contains("租约到", refused.Message);
        clock.Advance(TimeSpan.FromSeconds(2));
        using (var successor = OpenStore(clock))
        {
            successor.Replace(Paid(600m));
            successor.Commit();
        }

        using var index = OpenIndex(Today);
        Assert.Equal(600m, await Total(index));
        Assert.Equal(0m, await Total(index, OtherVillage));
        using (OpenStore(clock)) { }
        killed.Dispose();
    }

    [Fact]
    public virtual async Task A_writer_whose_lease_was_taken_over_cannot_commit_and_what_it_wrote_never_shows()
    {
        var stalled = OpenStore(new FakeTimeProvider(Start));
        stalled.Replace(Paid(900m, OtherVillage));
        var clock = new FakeTimeProvider(Start + Settings.LockLease + TimeSpan.FromSeconds(1));

        using (var successor = OpenStore(clock))
        {
            successor.Replace(Paid(600m));
            var lost = Assert.Throws<ElasticsearchException>(stalled.Commit);
            Assert.Contains("写入锁已被接管", lost.Message);
            Assert.Contains("sync ", lost.Message);
            // Leaving must neither roll back the successor's run nor release its lock.
            stalled.Dispose();
            Assert.Throws<ExportFileException>(() => OpenStore(clock));
            successor.Commit();
        }

        using var index = OpenIndex(Today);
        Assert.Equal(600m, await Total(index));
        Assert.Equal(0m, await Total(index, OtherVillage));
    }

    [Fact]
    public virtual async Task A_long_sync_keeps_its_lock_by_renewing_it()
    {
        var clock = new FakeTimeProvider(Start);
        using var writer = OpenStore(clock);
        writer.Replace(Paid(600m));

        for (var minute = 0; minute < 3 * Settings.LockLease.TotalMinutes; minute++) clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Throws<ExportFileException>(() => OpenStore(clock));
        writer.Replace(Paid(700m, OtherVillage));
        writer.Commit();
        using var index = OpenIndex(Today);
        Assert.Equal(1300m, await Total(index) + await Total(index, OtherVillage));
    }

    [Fact]
    public virtual async Task A_writer_opening_right_after_a_commit_keeps_what_it_replaced_until_the_retention_has_passed()
    {
        var clock = new FakeTimeProvider(Start);
        using (var first = OpenStore(clock)) { first.Replace(Paid(580m)); first.Commit(); }
        // Readers that have not re-read the state since the first and the second commit.
        using var atFirst = OpenIndex(Today);
        using (var second = OpenStore(clock)) { second.Replace(Paid(600m)); second.Commit(); }
        using var atSecond = OpenIndex(Today);

        clock.Advance(TimeSpan.FromSeconds(3));
        using (var third = OpenStore(clock)) { third.Replace(Paid(700m)); third.Commit(); }

        using (var current = OpenIndex(Today)) Assert.Equal(700m, await Total(current));
        Assert.Equal((580m, 600m), (await Total(atFirst), await Total(atSecond)));
        clock.Advance(Settings.ReplacedRetention);
        using (OpenStore(clock)) { }
        Assert.Equal((0m, 0m), (await Total(atFirst), await Total(atSecond)));
        using (var current = OpenIndex(Today)) Assert.Equal(700m, await Total(current));
    }
}
