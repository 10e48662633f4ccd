using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Database;
using Portal.Core.Offices;
using Portal.Core.Payments;
using Portal.Core.Reports;
using Portal.Core.Reports.Statistics;
using Portal.Core.Staff;
using Portal.Tests;

namespace Portal.Core.Tests.Reports.Statistics;

/// <summary>The record read from a real database after staff handled reports the way the desk does; run on SQLite and PostgreSQL.</summary>
public abstract class ReportStatisticsBehaviour
{
    protected abstract Task<ReportsHarness> StartAsync();

    private static readonly MonthRange September = new(new Period(2026, 9), new Period(2026, 9));

    [Fact]
    public virtual async Task The_record_counts_each_step_staff_took_in_the_office_and_its_citys_record_includes_the_county()
    {
        await using var h = await StartAsync();
        var intake = await h.StaffAsync("shouli", StaffRoles.Intake);
        var handler = await h.StaffAsync("chengban", StaffRoles.Handler);
        var ids = new List<Guid>();
        foreach (var form in new[] { ReportsHarness.Named(), ReportsHarness.Anonymous(), ReportsHarness.Named("村会计虚报冒领") })
            ids.Add((await h.StoredAsync((await h.FileAsync(form)).ReceiptNumber)).Id);
        var county = ReportsHarness.Named("县局长违规收礼");
        county.ReportedPerson!.Level = "县处级";
        var cityReport = await h.StoredAsync((await h.FileAsync(county)).ReceiptNumber);
        h.Clock.Advance(TimeSpan.FromDays(1));

        async Task Do(Func<ReportHandling, Task<string?>> step) => Assert.Null(await h.With(sp => step(sp.GetRequiredService<ReportHandling>())));
        await Do(x => x.AcceptAsync(ids[0], intake, new StaffStep(null, null)));
        await Do(x => x.AcceptAsync(ids[1], intake, new StaffStep(null, null)));
        await Do(x => x.RefuseAsync(ids[2], intake, new StaffStep("属于民事纠纷。", null)));
        await Do(x => x.TransferAsync(ids[0], intake, "第二监督检查室", handler.Id, new StaffStep(null, null)));
        await Do(x => x.StartAsync(ids[0], handler, new StaffStep(null, null)));
        await Do(x => x.ConcludeAsync(ids[0], handler, Disposition.PreliminaryVerification, new StaffStep("经核查，问题属实。", null)));

        var tree = h.Services.GetRequiredService<OfficeTree>();
        var qixian = await h.With(sp => sp.GetRequiredService<ReportStatistics>().RecordAsync([tree.Find("410221")!], September));
        var city = await h.With(sp => sp.GetRequiredService<ReportStatistics>().RecordAsync(tree.WithinRegion("4102"), September));

        Assert.Equal("4102", cityReport.OfficeCode);
        Assert.Equal([3, 2, 1, 1, 1], new[] { qixian.Total.Received, qixian.Total.Accepted, qixian.Total.Refused, qixian.Total.Transferred, qixian.Total.Concluded }.Select(c => c.Value));
        Assert.Equal("少于3", qixian.Total.Accepted.Text);
        Assert.Null(qixian.Total.OnTimeAccept.Shown);
        Assert.Equal(2, qixian.ByCategory.Single(c => c.Category == ReportCategory.MassDiscipline).Count.Value);
        Assert.Equal(1, qixian.ByDisposition.Single(d => d.Disposition == Disposition.PreliminaryVerification).Count.Value);
        Assert.Equal(qixian.Total.Received, qixian.Months.Single(m => m.Month == new Period(2026, 9)).Figures.Received);
        Assert.Equal(4, city.Total.Received.Value);
        Assert.Contains(city.Offices, o => o.Code == "4102");
    }

    [Fact]
    public virtual async Task A_report_left_waiting_past_its_acceptance_deadline_lowers_the_share_accepted_in_time()
    {
        await using var h = await StartAsync();
        var intake = await h.StaffAsync("shouli", StaffRoles.Intake);
        var ids = new List<Guid>();
        for (var i = 0; i < 4; i++)
            ids.Add((await h.StoredAsync((await h.FileAsync(ReportsHarness.Named($"村干部问题{i}"))).ReceiptNumber)).Id);
        h.Clock.Advance(TimeSpan.FromDays(1));
        foreach (var id in ids.Take(3))
            Assert.Null(await h.With(sp => sp.GetRequiredService<ReportHandling>().AcceptAsync(id, intake, new StaffStep(null, null))));
        var qixian = () => h.With(sp => sp.GetRequiredService<ReportStatistics>().RecordAsync([sp.GetRequiredService<OfficeTree>().Find("410221")!], September));

        var beforeTheDeadline = await qixian();
        // Filed 1 September: the 15th working day is 22 September; by the 29th the fourth report is late.
        h.Clock.Advance(TimeSpan.FromDays(27));
        var afterIt = await qixian();

        Assert.Equal(new PublicShare(3, 3), beforeTheDeadline.Total.OnTimeAccept);
        Assert.Equal(new PublicShare(3, 4), afterIt.Total.OnTimeAccept);
        Assert.Equal(new PublicShare(3, 4), afterIt.Months.Single().Figures.OnTimeAccept);
    }

    [Fact]
    public virtual async Task A_report_handed_from_the_city_to_a_county_is_the_citys_transfer_and_the_countys_receipt_judged_from_the_day_it_arrived()
    {
        await using var h = await StartAsync();
        var city = await h.StaffAsync("kaifeng", StaffRoles.Intake, office: "4102");
        var qixian = await h.StaffAsync("qixian", StaffRoles.Intake, office: "410221");
        var form = ReportsHarness.Named("县局长违规收礼");
        form.ReportedPerson!.Level = "县处级";
        var id = (await h.StoredAsync((await h.FileAsync(form)).ReceiptNumber)).Id;
        // Past the city's own 15 working days from submission: only the county's clock, from the handover, is fair to it.
        h.Clock.Advance(TimeSpan.FromDays(24));
        Assert.Null(await h.With(sp => sp.GetRequiredService<ReportHandling>().HandOverAsync(id, city, "410221", "实为股级干部，按管理权限交办。")));
        h.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Null(await h.With(sp => sp.GetRequiredService<ReportHandling>().AcceptAsync(id, qixian, new StaffStep(null, null))));

        var tree = h.Services.GetRequiredService<OfficeTree>();
        Task<HandlingRecord> Of(IReadOnlyList<Office> offices) => h.With(sp => sp.GetRequiredService<ReportStatistics>().RecordAsync(offices, September));
        var county = await Of([tree.Find("410221")!]);
        var cityOnly = await Of([tree.Find("4102")!]);
        var whole = await Of(tree.WithinRegion("4102"));

        int[] Steps(HandlingRecord r) => [r.Total.Received.Value, r.Total.Accepted.Value, r.Total.Transferred.Value];
        Assert.Equal([1, 1, 0], Steps(county));
        Assert.Equal(new PublicShare(1, 1), county.Total.OnTimeAccept);
        Assert.Equal([1, 0, 1], Steps(cityOnly));
        Assert.Equal([1, 1, 0], Steps(whole));
    }

    [Fact]
    public virtual async Task The_record_is_computed_without_opening_any_sealed_field()
    {
        await using var h = await StartAsync();
        var intake = await h.StaffAsync("shouli", StaffRoles.Intake);
        for (var i = 0; i < 3; i++)
        {
            var id = (await h.StoredAsync((await h.FileAsync(ReportsHarness.Named($"村干部问题{i}"))).ReceiptNumber)).Id;
            Assert.Null(await h.With(sp => sp.GetRequiredService<ReportHandling>().AcceptAsync(id, intake, new StaffStep("已受理。", "可查"))));
        }
        // Sealed fields no key can open: any figure that needed one would now fail.
        await h.With(async sp =>
        {
            var db = sp.GetRequiredService<PortalDb>();
            await db.Reports.ExecuteUpdateAsync(s => s.SetProperty(r => r.SealedContent, [1, 2, 3]).SetProperty(r => r.SealedIdentity, [4, 5, 6]));
            return await db.ReportEvents.ExecuteUpdateAsync(s => s.SetProperty(e => e.SealedPublicNote, [7]).SetProperty(e => e.SealedStaffNote, [8]));
        });

        var record = await h.With(sp => sp.GetRequiredService<ReportStatistics>().RecordAsync([sp.GetRequiredService<OfficeTree>().Find("410221")!], September));

        Assert.Equal(3, record.Total.Accepted.Value);
        Assert.Equal(1.0, record.Total.OnTimeAccept.Shown);
        Assert.Equal(0, record.Total.AcceptWorkingDays.Median);
    }
}

public sealed class SqliteReportStatisticsTests : ReportStatisticsBehaviour
{
    protected override Task<ReportsHarness> StartAsync() => ReportsHarness.StartAsync(postgres: false, azurite: false);
}

public sealed class PostgresReportStatisticsTests : ReportStatisticsBehaviour
{
    protected override Task<ReportsHarness> StartAsync() => ReportsHarness.StartAsync(postgres: true, azurite: false);

    [Fact]
    public void Every_statistics_behaviour_is_also_run_against_PostgreSQL()
    {
        Assert.Empty(SuiteCoverage.NotRerun(typeof(ReportStatisticsBehaviour), GetType(), typeof(PostgresFactAttribute)));
    }

    // Each behaviour again, marked to need PostgreSQL.
    [PostgresFact] public override Task The_record_counts_each_step_staff_took_in_the_office_and_its_citys_record_includes_the_county() =>
        base.The_record_counts_each_step_staff_took_in_the_office_and_its_citys_record_includes_the_county();
    [PostgresFact] public override Task A_report_handed_from_the_city_to_a_county_is_the_citys_transfer_and_the_countys_receipt_judged_from_the_day_it_arrived() =>
        base.A_report_handed_from_the_city_to_a_county_is_the_citys_transfer_and_the_countys_receipt_judged_from_the_day_it_arrived();
    [PostgresFact] public override Task The_record_is_computed_without_opening_any_sealed_field() => base.The_record_is_computed_without_opening_any_sealed_field();
    [PostgresFact] public override Task A_report_left_waiting_past_its_acceptance_deadline_lowers_the_share_accepted_in_time() =>
        base.A_report_left_waiting_past_its_acceptance_deadline_lowers_the_share_accepted_in_time();
}
