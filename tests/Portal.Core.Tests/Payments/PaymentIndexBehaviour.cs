using Microsoft.Extensions.Time.Testing;
using Portal.Core.Ingest;
using Portal.Core.Ingest.Samples;
using Portal.Core.Payments;
using Portal.Core.Tests.Ingest;
using Portal.Tests;

namespace Portal.Core.Tests.Payments;

/// <summary>
/// What every payment index does, run against each engine by a subclass: the sync rule (a file replaces exactly the
/// (village, fund, period) partitions it has valid rows for), search, summaries, own lookup, the publication window and
/// refresh. An engine that needs a server overrides each test only to mark it (see <see cref="Elasticsearch.ElasticsearchPaymentIndexTests"/>).
/// </summary>
public abstract class PaymentIndexBehaviour : IDisposable
{
    private readonly SampleData _data;
    private readonly ExportFiles _files = new();
    private readonly List<IDisposable> _opened = [];

    /// <summary>
    /// The one day the whole suite runs on, mid-month, so that a run across midnight at a month's end sees the same
    /// months as it began with. Engines' writers keep the real clock for their leases.
    /// </summary>
    protected static readonly TimeProvider Today = new FakeTimeProvider(new DateTimeOffset(2026, 6, 15, 4, 0, 0, TimeSpan.Zero));

    protected PaymentIndexBehaviour() => _data = new SampleData(OpenStore, Today);

    /// <summary>A writer over this test's index (which may not exist yet).</summary>
    protected abstract IPartitionStore OpenStore();

    /// <summary>A reader over this test's index, seeing time through the clock.</summary>
    protected abstract IPaymentIndex OpenIndex(TimeProvider clock);

    private IPaymentIndex OpenIndex()
    {
        var index = OpenIndex(Today);
        _opened.Add(index);
        return index;
    }

    private PartitionSync NewSync() =>
        new(new ExportValidation(SampleData.Regions, SampleData.Funds, _data.Owners, Today), OpenStore, _data.DataDirectory);

    private static Task<PaymentPage> Village(IPaymentIndex index, string code = "410221101201") =>
        index.SearchAsync(new PaymentQuery { RegionCode = code, PageSize = 100 });

    private static string Recent(int monthsAgo) => Period.Of(Today.GetUtcNow()).AddMonths(-monthsAgo).ToString();

    [Fact]
    public virtual async Task Running_the_same_file_again_changes_nothing()
    {
        var path = _files.Csv("a.csv", [ExportFiles.Row(1, "张三明", ExportFiles.Id(1), period: Recent(1)), ExportFiles.Row(2, "李四", ExportFiles.Id(2), period: Recent(1))]);
        var first = _data.Sync(path);
        var again = _data.Sync(path);
        Assert.Single(first.Replacement!.Changed);
        Assert.Empty(again.Replacement!.Changed);
        Assert.Equal(1, again.Replacement.Unchanged);
        var index = OpenIndex();
        Assert.Equal(2, (await Village(index)).TotalCount);
    }

    [Fact]
    public virtual async Task A_corrected_file_replaces_what_its_earlier_version_published()
    {
        _data.Sync(_files.Csv("v1.csv", [ExportFiles.Row(1, "张三明", ExportFiles.Id(1), "580", period: Recent(1)), ExportFiles.Row(2, "李四", ExportFiles.Id(2), "580", period: Recent(1))]));
        _data.Sync(_files.Csv("v2.csv", [ExportFiles.Row(1, "张三明", ExportFiles.Id(1), "600", period: Recent(1))]));
        var index = OpenIndex();
        var page = await Village(index);
        Assert.Equal(1, page.TotalCount);
        Assert.Equal(600m, page.TotalAmount);
        Assert.Equal("张*明", page.Items.Single().MaskedName);
    }

    [Fact]
    public virtual async Task Files_for_different_villages_funds_or_periods_never_overwrite_each_other()
    {
        _data.Sync(_files.Csv("a.csv", [ExportFiles.Row(1, "张三明", ExportFiles.Id(1), period: Recent(1))]));
        _data.Sync(_files.Csv("b.csv", [ExportFiles.Row(1, "李四", ExportFiles.Id(2), village: "丁庄村", code: "410221101203", period: Recent(1))]));
        _data.Sync(_files.Csv("c.csv", [ExportFiles.Row(1, "王五", ExportFiles.Id(3), fund: "高龄津贴", amount: "100", period: Recent(1))]));
        _data.Sync(_files.Csv("d.csv", [ExportFiles.Row(1, "张三明", ExportFiles.Id(1), period: Recent(2))]));
        var index = OpenIndex();
        Assert.Equal(3, (await Village(index)).TotalCount);
        Assert.Equal(1, (await Village(index, "410221101203")).TotalCount);
        Assert.Equal(4, (await index.SearchAsync(new PaymentQuery { RegionCode = "410221101" })).TotalCount);
    }

    [Fact]
    public virtual async Task A_partition_whose_rows_were_all_rejected_keeps_what_it_published()
    {
        _data.Sync(_files.Csv("v1.csv", [ExportFiles.Row(1, "张三明", ExportFiles.Id(1), "580", period: Recent(1))]));
        var bad = _data.Sync(_files.Csv("v2.csv", [ExportFiles.Row(1, "张三明", ExportFiles.Id(1), "58000", period: Recent(1))]));
        Assert.Null(bad.Replacement);
        Assert.Equal(1, bad.PartitionsKept);
        var index = OpenIndex();
        Assert.Equal(580m, (await Village(index)).TotalAmount);
    }

    [Fact]
    public virtual async Task A_withdrawn_partition_leaves_every_answer_at_the_commit_and_the_others_stay()
    {
        _data.Sync(_files.Csv("a.csv", [ExportFiles.Row(1, "张三明", ExportFiles.Id(1), period: Recent(1)), ExportFiles.Row(2, "李四", ExportFiles.Id(2), period: Recent(1))]));
        _data.Sync(_files.Csv("b.csv", [ExportFiles.Row(1, "王五", ExportFiles.Id(3), period: Recent(2))]));
        var index = OpenIndex();
        await index.RefreshAsync();
        var withdrawn = new PartitionKey("410221101201", "rural-dibao", Period.FromValue(int.Parse(Recent(1).Replace("-", ""))));
        using (var store = OpenStore())
        {
            Assert.True(store.Withdraw(withdrawn));
            Assert.False(store.Withdraw(withdrawn));
            Assert.Equal(3, (await Village(index)).TotalCount);
            store.Commit();
        }
        Assert.Equal(["410221"], (await index.RefreshAsync())!.CountyCodes);
        var page = await Village(index);
        Assert.Equal(Recent(2), Assert.Single(page.Items).Period.ToString());
        Assert.Equal(1, (await index.SummarizeAsync("410221", null, null, SummaryGrouping.Fund)).Sum(t => t.Count));
        using (var store = OpenStore()) Assert.False(store.Withdraw(new PartitionKey("410221101203", "rural-dibao", withdrawn.Period)));
    }

    [Fact]
    public virtual async Task A_partition_replaced_and_withdrawn_in_one_run_is_gone_and_can_be_published_again()
    {
        var file = _files.Csv("a.csv", [ExportFiles.Row(1, "张三明", ExportFiles.Id(1), period: Recent(1))]);
        _data.Sync(file);
        var key = new PartitionKey("410221101201", "rural-dibao", Period.FromValue(int.Parse(Recent(1).Replace("-", ""))));
        var corrected = new ExportValidation(SampleData.Regions, SampleData.Funds, _data.Owners, Today)
            .Validate(_files.Csv("b.csv", [ExportFiles.Row(1, "张三明", ExportFiles.Id(1), "600", period: Recent(1))]), new SyncSettings()).Payments;
        using (var store = OpenStore())
        {
            Assert.Single(store.Replace(corrected).Changed);
            Assert.True(store.Withdraw(key));
            Assert.Empty(store.Published(corrected.Select(p => p.OwnerKey).ToHashSet(), new HashSet<Period> { key.Period }));
            store.Commit();
        }
        var index = OpenIndex();
        Assert.Equal(0, (await Village(index)).TotalCount);
        Assert.Single(_data.Sync(file).Replacement!.Changed);
        await index.RefreshAsync();
        Assert.Equal(580m, (await Village(index)).TotalAmount);
    }

    [Fact]
    public virtual async Task Readers_see_a_sync_only_once_it_is_committed_and_learn_which_counties_changed()
    {
        _data.Sync(_files.Csv("a.csv", [ExportFiles.Row(1, "张三明", ExportFiles.Id(1), period: Recent(1))]));
        var index = OpenIndex();
        Assert.Null(await index.RefreshAsync());
        using var sync = NewSync();
        sync.Run(_files.Csv("b.csv", [ExportFiles.Row(1, "李四", ExportFiles.Id(2), village: "丁庄村", code: "410221101203", period: Recent(1))]), new SyncSettings(), null, dryRun: false);
        Assert.Null(await index.RefreshAsync());
        Assert.Equal(1, (await index.SearchAsync(new PaymentQuery { RegionCode = "410221" })).TotalCount);
        sync.Commit();
        var change = await index.RefreshAsync();
        Assert.NotNull(change);
        Assert.Equal(["410221"], change.CountyCodes);
        Assert.False(change.AllRegions);
        Assert.Equal(2, (await index.SearchAsync(new PaymentQuery { RegionCode = "410221" })).TotalCount);
    }

    [Fact]
    public virtual async Task Rollups_at_every_level_equal_the_sum_of_the_payments()
    {
        _data.AddCounty(people: 120, months: 3);
        var index = OpenIndex();
        foreach (var level in new[] { "41", "4102", "410221" })
        {
            var children = await index.SummarizeAsync(level, null, null, SummaryGrouping.ChildRegion);
            foreach (var child in children)
            {
                var rows = _data.Rows.Where(r => r.Person.Village.Code.StartsWith(child.Key, StringComparison.Ordinal)).ToList();
                Assert.Equal(rows.Count, child.Count);
                Assert.Equal(rows.Sum(r => r.Amount), child.Amount);
            }
            Assert.Equal(_data.Rows.Sum(r => r.Amount), children.Sum(c => c.Amount));
        }
        var byFund = await index.SummarizeAsync("410221", null, null, SummaryGrouping.Fund);
        Assert.All(byFund, f => Assert.Equal(_data.Rows.Where(r => r.Fund.Code == f.Key).Sum(r => r.Amount), f.Amount));
        Assert.Equal(3, (await index.SummarizeAsync("410221", null, null, SummaryGrouping.Period)).Count);
    }

    [Fact]
    public virtual async Task Payments_past_their_funds_publication_window_leave_every_answer()
    {
        var old = Period.Of(Today.GetUtcNow()).AddMonths(-30).ToString();
        _data.Sync(_files.Csv("a.csv",
        [
            ExportFiles.Row(1, "张三明", ExportFiles.Id(1), period: old),
            ExportFiles.Row(2, "李四", ExportFiles.Id(2), period: Recent(1)),
        ]));
        var index = OpenIndex();
        Assert.Equal(1, (await Village(index)).TotalCount);
        Assert.Equal(1, (await index.SummarizeAsync("410221", null, null, SummaryGrouping.ChildRegion)).Sum(t => t.Count));
        Assert.Empty(await index.FindOwnAsync(_data.Owners.For("张三明", ExportFiles.Id(1))));
        Assert.Single(await index.FindOwnAsync(_data.Owners.For("李四", ExportFiles.Id(2))));

        // The same index a few years on: the recent payment has left too, without anyone touching the index.
        using var later = OpenIndex(new FakeTimeProvider(Today.GetUtcNow().AddYears(3)));
        Assert.Equal(0, (await Village(later)).TotalCount);
    }

    [Fact]
    public virtual async Task Search_filters_sorts_pages_and_totals_the_whole_filtered_set()
    {
        _data.AddCounty(people: 150, months: 2);
        var index = OpenIndex();
        var all = _data.Rows;
        var page = await index.SearchAsync(new PaymentQuery { RegionCode = "410221", FundCode = "rural-dibao", Sort = PaymentSort.AmountDesc, Page = 2, PageSize = 10 });
        var expected = all.Where(r => r.Fund.Code == "rural-dibao").ToList();
        Assert.Equal(expected.Count, page.TotalCount);
        Assert.Equal(expected.Sum(r => r.Amount), page.TotalAmount);
        Assert.Equal(10, page.Items.Count);
        Assert.Equal(expected.Select(r => r.Amount).OrderDescending().Skip(10).Take(10), page.Items.Select(p => p.Amount));

        var period = Portal.Core.Ingest.Samples.SampleExport.RecentMonths(2, Today)[0];
        Assert.Equal(all.Count(r => r.Period == period), (await index.SearchAsync(new PaymentQuery { RegionCode = "41", Period = period })).TotalCount);

        var surname = all[0].Person.Name[..1];
        var bySurname = await index.SearchAsync(new PaymentQuery { RegionCode = "410221", Name = surname, PageSize = 100 });
        Assert.Equal(all.Count(r => Portal.Core.Privacy.NameMask.Surname(r.Person.Name).StartsWith(surname, StringComparison.Ordinal)), bySurname.TotalCount);
        Assert.All(bySurname.Items, p => Assert.StartsWith(surname, p.MaskedName));
    }

    [Fact]
    public virtual async Task Searching_a_place_name_finds_the_payments_of_that_village()
    {
        _data.Sync(_files.Csv("a.csv",
        [
            ExportFiles.Row(1, "张三明", ExportFiles.Id(1), period: Recent(1)),
            ExportFiles.Row(2, "李四", ExportFiles.Id(2), village: "丁庄村", code: "410221101203", period: Recent(1)),
        ]));
        var index = OpenIndex();
        var page = await index.SearchAsync(new PaymentQuery { RegionCode = "410221", Name = "丁庄" });
        Assert.Equal(["李*"], page.Items.Select(p => p.MaskedName));
        Assert.Equal(0, (await index.SearchAsync(new PaymentQuery { RegionCode = "410223", Name = "丁庄" })).TotalCount);
    }

    [Fact]
    public virtual async Task A_person_finds_their_own_payments_by_name_and_id_number_only()
    {
        _data.AddCounty(people: 40, months: 3);
        var index = OpenIndex();
        var person = _data.Rows[0].Person;
        var own = await index.FindOwnAsync(_data.Owners.For(person.Name, person.IdNumber));
        Assert.Equal(_data.Rows.Count(r => r.Person == person), own.Count);
        Assert.Empty(await index.FindOwnAsync(_data.Owners.For(person.Name + "某", person.IdNumber)));
        Assert.Equal(own[0], await index.FindAsync(own[0].Id));
    }

    [Fact]
    public virtual async Task A_person_already_published_in_another_village_for_the_same_fund_and_period_is_held_back()
    {
        _data.Sync(_files.Csv("a.csv", [ExportFiles.Row(1, "张三明", ExportFiles.Id(1), period: Recent(1))]));
        var b = _data.Sync(_files.Csv("b.csv",
        [
            ExportFiles.Row(1, "张三明", ExportFiles.Id(1), village: "丁庄村", code: "410221101203", period: Recent(1)),
            ExportFiles.Row(2, "李四", ExportFiles.Id(2), village: "丁庄村", code: "410221101203", period: Recent(1)),
        ]));
        var r = Assert.Single(b.Validation.Rejections);
        Assert.Equal(ValidationRule.DuplicatePayment, r.Rule);
        Assert.Contains("史庄村", r.Message);
        var index = OpenIndex();
        Assert.Equal(1, (await Village(index)).TotalCount);
        Assert.Equal(["李*"], (await Village(index, "410221101203")).Items.Select(p => p.MaskedName));
    }

    [Fact]
    public virtual void Funds_that_exclude_each_other_are_checked_across_files()
    {
        _data.Sync(_files.Csv("a.csv", [ExportFiles.Row(1, "张三明", ExportFiles.Id(1), fund: "农村低保", period: Recent(1))]));
        var b = _data.Sync(_files.Csv("b.csv", [ExportFiles.Row(1, "张三明", ExportFiles.Id(1), fund: "特困人员供养", period: Recent(1))]));
        Assert.Equal(ValidationRule.ExclusiveFunds, Assert.Single(b.Validation.Rejections).Rule);
        var c = _data.Sync(_files.Csv("c.csv", [ExportFiles.Row(1, "张三明", ExportFiles.Id(1), fund: "高龄津贴", amount: "100", period: Recent(1))]));
        Assert.Empty(c.Validation.Rejections);
    }

    [Fact]
    public virtual async Task A_run_that_is_not_committed_publishes_nothing()
    {
        _data.Sync(_files.Csv("a.csv", [ExportFiles.Row(1, "张三明", ExportFiles.Id(1), period: Recent(1))]));
        using (var sync = NewSync())
        {
            var run = sync.Run(_files.Csv("b.csv", [ExportFiles.Row(1, "张三明", ExportFiles.Id(1), "900", period: Recent(1))]), new SyncSettings(), null, dryRun: false);
            Assert.Single(run.Replacement!.Changed);
        }
        var index = OpenIndex();
        Assert.Equal(580m, (await Village(index)).TotalAmount);
    }

    [Fact]
    public virtual async Task Pages_walk_the_whole_filtered_set_in_every_order_without_overlap()
    {
        _data.AddCounty(people: 60, months: 2);
        var index = OpenIndex();
        var expected = _data.Rows.Count;
        foreach (var sort in Enum.GetValues<PaymentSort>())
        {
            var seen = new List<PublicPayment>();
            for (var page = 1; seen.Count < expected; page++)
                seen.AddRange((await index.SearchAsync(new PaymentQuery { RegionCode = "410221", Sort = sort, Page = page, PageSize = 25 })).Items);
            Assert.Equal(expected, seen.Select(p => p.Id).Distinct().Count());
            var keys = sort switch
            {
                PaymentSort.AmountDesc => seen.Select(p => -p.Amount).ToList(),
                PaymentSort.AmountAsc => seen.Select(p => p.Amount).ToList(),
                PaymentSort.PeriodAsc => seen.Select(p => (decimal)p.Period.Value).ToList(),
                PaymentSort.Name => null,
                _ => seen.Select(p => -(decimal)p.Period.Value).ToList(),
            };
            if (keys is not null) Assert.Equal(keys.Order(), keys);
            else Assert.Equal(seen.Select(p => p.MaskedName).Order(StringComparer.Ordinal), seen.Select(p => p.MaskedName));
        }
        Assert.Empty((await index.SearchAsync(new PaymentQuery { RegionCode = "410221", Page = expected / 25 + 2, PageSize = 25 })).Items);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => index.SearchAsync(new PaymentQuery { Page = 101, PageSize = 100 }));
    }

    [Fact]
    public virtual async Task Periods_lists_the_published_months_newest_first_and_a_single_payment_is_found_by_its_id()
    {
        _data.AddCounty(people: 30, months: 3);
        var index = OpenIndex();
        Assert.Equal(SampleExport.RecentMonths(3, Today).OrderDescending(), await index.PeriodsAsync());
        var payment = (await index.SearchAsync(new PaymentQuery { RegionCode = "410221" })).Items[0];
        Assert.Equal(payment, await index.FindAsync(payment.Id));
        Assert.Null(await index.FindAsync("0000000000"));
        Assert.Equal(await index.SummarizeAsync("410221", null, null, SummaryGrouping.Fund),
            await index.SummarizeAsync("41", null, null, SummaryGrouping.Fund));
        Assert.Empty(await index.SummarizeAsync("410221101201", null, null, SummaryGrouping.ChildRegion));
    }

    [Fact]
    public virtual async Task A_reader_that_missed_several_commits_is_told_every_region_changed()
    {
        _data.Sync(_files.Csv("a.csv", [ExportFiles.Row(1, "张三明", ExportFiles.Id(1), period: Recent(1))]));
        var index = OpenIndex();
        _data.Sync(_files.Csv("b.csv", [ExportFiles.Row(1, "李四", ExportFiles.Id(2), village: "丁庄村", code: "410221101203", period: Recent(1))]));
        _data.Sync(_files.Csv("c.csv", [ExportFiles.Row(1, "王五", ExportFiles.Id(3), period: Recent(2))]));
        var change = await index.RefreshAsync();
        Assert.NotNull(change);
        Assert.True(change.AllRegions);
        Assert.Null(await index.RefreshAsync());
        Assert.Equal(3, (await index.SearchAsync(new PaymentQuery { RegionCode = "410221" })).TotalCount);
    }

    [Fact]
    public virtual async Task An_empty_index_answers_with_nothing()
    {
        var index = OpenIndex();
        Assert.Null(await index.RefreshAsync());
        Assert.Equal(0, (await index.SearchAsync(new PaymentQuery { RegionCode = "41" })).TotalCount);
        Assert.Empty(await index.SummarizeAsync("41", null, null, SummaryGrouping.ChildRegion));
        Assert.Empty(await index.FindOwnAsync(_data.Owners.For("张三明", ExportFiles.Id(1))));
        Assert.Empty(await index.PeriodsAsync());
    }

    public virtual void Dispose()
    {
        foreach (var index in _opened) index.Dispose();
        _data.Dispose();
        _files.Dispose();
    }
}
