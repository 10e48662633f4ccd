using Portal.Core.Ingest;
using Portal.Core.Payments;
using Portal.Core.Payments.Lucene;
using Portal.Core.Tests.Ingest;
using Portal.Tests;

namespace Portal.Core.Tests.Payments;

/// <summary>The sync rule: a file replaces exactly the (village, fund, period) partitions it has valid rows for.</summary>
public class PartitionSyncTests : IDisposable
{
    private readonly SampleData _data = new();
    private readonly ExportFiles _files = new();

    private LucenePaymentIndex OpenIndex() => new(_data.IndexDirectory, SampleData.Funds, TimeProvider.System);

    private static PaymentPage Village(LucenePaymentIndex index, string code = "410221101201") =>
        index.Search(new PaymentQuery { RegionCode = code, PageSize = 100 });

    private static string Recent(int monthsAgo) => Period.Of(DateTimeOffset.Now).AddMonths(-monthsAgo).ToString();

    [Fact]
    public void Running_the_same_file_again_changes_nothing()
    {
        var path = _files.Csv("a.csv", [ExportFiles.Row(1, "张三明", ExportFiles.Id(1), period: Recent(1)), ExportFiles.Row(2, "李四", ExportFiles.Id(2), period: Recent(1))]);
        var first = _data.Sync(path);
        var again = _data.Sync(path);
        Assert.Single(first.Replacement!.Changed);
        Assert.Empty(again.Replacement!.Changed);
        Assert.Equal(1, again.Replacement.Unchanged);
        using var index = OpenIndex();
        Assert.Equal(2, Village(index).TotalCount);
    }

    [Fact]
    public void A_corrected_file_replaces_what_its_earlier_version_published()
    {
        _data.Sync(_files.Csv("v1.csv", [ExportFiles.Row(1, "张三明", ExportFiles.Id(1), "580", period: Recent(1)), ExportFiles.Row(2, "李四", ExportFiles.Id(2), "580", period: Recent(1))]));
        _data.Sync(_files.Csv("v2.csv", [ExportFiles.Row(1, "张三明", ExportFiles.Id(1), "600", period: Recent(1))]));
        using var index = OpenIndex();
        var page = Village(index);
        Assert.Equal(1, page.TotalCount);
        Assert.Equal(600m, page.TotalAmount);
        Assert.Equal("张*明", page.Items.Single().MaskedName);
    }

    [Fact]
    public void Files_for_different_villages_funds_or_periods_never_overwrite_each_other()
    {
        _data.Sync(_files.Csv("a.csv", [ExportFiles.Row(1, "张三明", ExportFiles.Id(1), period: Recent(1))]));
        _data.Sync(_files.Csv("b.csv", [ExportFiles.Row(1, "李四", ExportFiles.Id(2), village: "丁庄村", code: "410221101203", period: Recent(1))]));
        _data.Sync(_files.Csv("c.csv", [ExportFiles.Row(1, "王五", ExportFiles.Id(3), fund: "高龄津贴", amount: "100", period: Recent(1))]));
        _data.Sync(_files.Csv("d.csv", [ExportFiles.Row(1, "张三明", ExportFiles.Id(1), period: Recent(2))]));
        using var index = OpenIndex();
        Assert.Equal(3, Village(index).TotalCount);
        Assert.Equal(1, Village(index, "410221101203").TotalCount);
        Assert.Equal(4, index.Search(new PaymentQuery { RegionCode = "410221101" }).TotalCount);
    }

    [Fact]
    public void A_partition_whose_rows_were_all_rejected_keeps_what_it_published()
    {
        _data.Sync(_files.Csv("v1.csv", [ExportFiles.Row(1, "张三明", ExportFiles.Id(1), "580", period: Recent(1))]));
        var bad = _data.Sync(_files.Csv("v2.csv", [ExportFiles.Row(1, "张三明", ExportFiles.Id(1), "58000", period: Recent(1))]));
        Assert.Null(bad.Replacement);
        Assert.Equal(1, bad.PartitionsKept);
        using var index = OpenIndex();
        Assert.Equal(580m, Village(index).TotalAmount);
    }

    [Fact]
    public void Readers_see_a_sync_only_once_it_is_committed_and_learn_which_counties_changed()
    {
        _data.Sync(_files.Csv("a.csv", [ExportFiles.Row(1, "张三明", ExportFiles.Id(1), period: Recent(1))]));
        using var index = OpenIndex();
        Assert.Null(index.Refresh());
        using var sync = new PartitionSync(new ExportValidation(SampleData.Regions, SampleData.Funds, _data.Owners, TimeProvider.System),
            () => new LucenePaymentWriter(_data.IndexDirectory, SampleData.Regions), _data.DataDirectory);
        sync.Run(_files.Csv("b.csv", [ExportFiles.Row(1, "李四", ExportFiles.Id(2), village: "丁庄村", code: "410221101203", period: Recent(1))]), new SyncSettings(), null, dryRun: false);
        Assert.Null(index.Refresh());
        Assert.Equal(1, index.Search(new PaymentQuery { RegionCode = "410221" }).TotalCount);
        sync.Commit();
        var change = index.Refresh();
        Assert.NotNull(change);
        Assert.Equal(["410221"], change.CountyCodes);
        Assert.False(change.AllRegions);
        Assert.Equal(2, index.Search(new PaymentQuery { RegionCode = "410221" }).TotalCount);
    }

    [Fact]
    public void Rollups_at_every_level_equal_the_sum_of_the_payments()
    {
        _data.AddCounty(people: 120, months: 3);
        using var index = OpenIndex();
        foreach (var level in new[] { "41", "4102", "410221" })
        {
            var children = index.Summarize(level, null, null, SummaryGrouping.ChildRegion);
            foreach (var child in children)
            {
                var rows = _data.Rows.Where(r => r.Person.Village.Code.StartsWith(child.Key, StringComparison.Ordinal)).ToList();
                Assert.Equal(rows.Count, child.Count);
                Assert.Equal(rows.Sum(r => r.Amount), child.Amount);
            }
            Assert.Equal(_data.Rows.Sum(r => r.Amount), children.Sum(c => c.Amount));
        }
        var byFund = index.Summarize("410221", null, null, SummaryGrouping.Fund);
        Assert.All(byFund, f => Assert.Equal(_data.Rows.Where(r => r.Fund.Code == f.Key).Sum(r => r.Amount), f.Amount));
        Assert.Equal(3, index.Summarize("410221", null, null, SummaryGrouping.Period).Count);
    }

    [Fact]
    public void Payments_past_their_funds_publication_window_leave_every_answer()
    {
        var old = Period.Of(DateTimeOffset.Now).AddMonths(-30).ToString();
        _data.Sync(_files.Csv("a.csv",
        [
            ExportFiles.Row(1, "张三明", ExportFiles.Id(1), period: old),
            ExportFiles.Row(2, "李四", ExportFiles.Id(2), period: Recent(1)),
        ]));
        using var index = OpenIndex();
        Assert.Equal(1, Village(index).TotalCount);
        Assert.Equal(1, index.Summarize("410221", null, null, SummaryGrouping.ChildRegion).Sum(t => t.Count));
        Assert.Empty(index.FindOwn(_data.Owners.For("张三明", ExportFiles.Id(1))));
        Assert.Single(index.FindOwn(_data.Owners.For("李四", ExportFiles.Id(2))));

        // The same index a few years on: the recent payment has left too, without anyone touching the index.
        using var later = new LucenePaymentIndex(_data.IndexDirectory, SampleData.Funds, new ShiftedClock(TimeSpan.FromDays(365 * 3)));
        Assert.Equal(0, Village(later).TotalCount);
    }

    [Fact]
    public void Search_filters_sorts_pages_and_totals_the_whole_filtered_set()
    {
        _data.AddCounty(people: 150, months: 2);
        using var index = OpenIndex();
        var all = _data.Rows;
        var page = index.Search(new PaymentQuery { RegionCode = "410221", FundCode = "rural-dibao", Sort = PaymentSort.AmountDesc, Page = 2, PageSize = 10 });
        var expected = all.Where(r => r.Fund.Code == "rural-dibao").ToList();
        Assert.Equal(expected.Count, page.TotalCount);
        Assert.Equal(expected.Sum(r => r.Amount), page.TotalAmount);
        Assert.Equal(10, page.Items.Count);
        Assert.Equal(expected.Select(r => r.Amount).OrderDescending().Skip(10).Take(10), page.Items.Select(p => p.Amount));

        var period = Portal.Core.Ingest.Samples.SampleExport.RecentMonths(2)[0];
        Assert.Equal(all.Count(r => r.Period == period), index.Search(new PaymentQuery { RegionCode = "41", Period = period }).TotalCount);

        var surname = all[0].Person.Name[..1];
        var bySurname = index.Search(new PaymentQuery { RegionCode = "410221", Name = surname, PageSize = 100 });
        Assert.Equal(all.Count(r => Portal.Core.Privacy.NameMask.Surname(r.Person.Name).StartsWith(surname, StringComparison.Ordinal)), bySurname.TotalCount);
        Assert.All(bySurname.Items, p => Assert.StartsWith(surname, p.MaskedName));
    }

    [Fact]
    public void Searching_a_place_name_finds_the_payments_of_that_village()
    {
        _data.Sync(_files.Csv("a.csv",
        [
            ExportFiles.Row(1, "张三明", ExportFiles.Id(1), period: Recent(1)),
            ExportFiles.Row(2, "李四", ExportFiles.Id(2), village: "丁庄村", code: "410221101203", period: Recent(1)),
        ]));
        using var index = OpenIndex();
        var page = index.Search(new PaymentQuery { RegionCode = "410221", Name = "丁庄" });
        Assert.Equal(["李*"], page.Items.Select(p => p.MaskedName));
        Assert.Equal(0, index.Search(new PaymentQuery { RegionCode = "410223", Name = "丁庄" }).TotalCount);
    }

    [Fact]
    public void A_person_finds_their_own_payments_by_name_and_id_number_only()
    {
        _data.AddCounty(people: 40, months: 3);
        using var index = OpenIndex();
        var person = _data.Rows[0].Person;
        var own = index.FindOwn(_data.Owners.For(person.Name, person.IdNumber));
        Assert.Equal(_data.Rows.Count(r => r.Person == person), own.Count);
        Assert.Empty(index.FindOwn(_data.Owners.For(person.Name + "某", person.IdNumber)));
        Assert.Equal(own[0], index.Find(own[0].Id));
    }

    [Fact]
    public void A_person_already_published_in_another_village_for_the_same_fund_and_period_is_held_back()
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
        using var index = OpenIndex();
        Assert.Equal(1, Village(index).TotalCount);
        Assert.Equal(["李*"], Village(index, "410221101203").Items.Select(p => p.MaskedName));
    }

    [Fact]
    public void Funds_that_exclude_each_other_are_checked_across_files()
    {
        _data.Sync(_files.Csv("a.csv", [ExportFiles.Row(1, "张三明", ExportFiles.Id(1), fund: "农村低保", period: Recent(1))]));
        var b = _data.Sync(_files.Csv("b.csv", [ExportFiles.Row(1, "张三明", ExportFiles.Id(1), fund: "特困人员供养", period: Recent(1))]));
        Assert.Equal(ValidationRule.ExclusiveFunds, Assert.Single(b.Validation.Rejections).Rule);
        var c = _data.Sync(_files.Csv("c.csv", [ExportFiles.Row(1, "张三明", ExportFiles.Id(1), fund: "高龄津贴", amount: "100", period: Recent(1))]));
        Assert.Empty(c.Validation.Rejections);
    }

    [Fact]
    public void A_run_that_is_not_committed_publishes_nothing()
    {
        _data.Sync(_files.Csv("a.csv", [ExportFiles.Row(1, "张三明", ExportFiles.Id(1), period: Recent(1))]));
        using (var sync = new PartitionSync(new ExportValidation(SampleData.Regions, SampleData.Funds, _data.Owners, TimeProvider.System),
            () => new LucenePaymentWriter(_data.IndexDirectory, SampleData.Regions), _data.DataDirectory))
        {
            var run = sync.Run(_files.Csv("b.csv", [ExportFiles.Row(1, "张三明", ExportFiles.Id(1), "900", period: Recent(1))]), new SyncSettings(), null, dryRun: false);
            Assert.Single(run.Replacement!.Changed);
        }
        using var index = OpenIndex();
        Assert.Equal(580m, Village(index).TotalAmount);
    }

    public void Dispose()
    {
        _data.Dispose();
        _files.Dispose();
    }

    private sealed class ShiftedClock(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow + shift;
    }
}
