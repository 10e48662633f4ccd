using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Database;
using Portal.Core.Reports;
using Portal.Core.Staff;
using Portal.Core.Tests.Reports;

namespace Portal.Core.Tests.Offices;

/// <summary>Each office works its own reports; the city reads its counties' queues for oversight and acts on none of them.</summary>
public sealed class OfficeScopeTests
{
    [Fact]
    public async Task A_report_is_handled_by_the_office_its_receipt_and_its_progress_name()
    {
        await using var h = await ReportsHarness.StartAsync(postgres: false, azurite: false);

        var village = await h.FileAsync(ReportsHarness.About("410221102203", "村（社区）干部", "村干部优亲厚友"));
        var county = await h.FileAsync(ReportsHarness.About("410221", "县处级", "县领导插手工程"));

        Assert.Equal(("410221", "杞县纪委监委"), (village.Office.Code, village.Office.Name));
        Assert.Equal(("4102", "开封市纪委监委"), (county.Office.Code, county.Office.Name));
        Assert.Equal("杞县纪委监委", (await h.LookupAsync(village.QueryCode))!.Office.Name);
        Assert.Equal("410221", (await h.StoredAsync(village.ReceiptNumber)).OfficeCode);
    }

    [Fact]
    public async Task Staff_of_two_counties_each_see_and_act_on_their_own_reports_only()
    {
        await using var h = await ReportsHarness.StartAsync(postgres: false, azurite: false);
        var qixian = await h.StaffAsync("qixian", StaffRoles.Intake, office: "410221");
        var weishi = await h.StaffAsync("weishi", StaffRoles.Intake, office: "410223");
        var inQixian = (await h.StoredAsync((await h.FileAsync(ReportsHarness.About("410221102203", "乡科级及以下", "杞县的举报"))).ReceiptNumber)).Id;
        var inWeishi = (await h.StoredAsync((await h.FileAsync(ReportsHarness.About("410223", "乡科级及以下", "尉氏的举报"))).ReceiptNumber)).Id;

        var qixianQueue = await h.With(sp => sp.GetRequiredService<ReportQueue>().ListAsync(new QueueFilter(), qixian));
        var weishiQueue = await h.With(sp => sp.GetRequiredService<ReportQueue>().ListAsync(new QueueFilter(), weishi));
        var guessed = await h.With(sp => sp.GetRequiredService<ReportQueue>().OpenAsync(inQixian, weishi));
        var actedOnGuess = await h.With(sp => sp.GetRequiredService<ReportHandling>().AcceptAsync(inQixian, weishi, new StaffStep(null, null)));
        var askedForSibling = await h.With(sp => sp.GetRequiredService<ReportQueue>().ListAsync(new QueueFilter(Office: "410221"), weishi));

        Assert.Equal([inQixian], qixianQueue.Items.Select(i => i.Id));
        Assert.Equal([inWeishi], weishiQueue.Items.Select(i => i.Id));
        Assert.Null(guessed);
        Assert.Equal("没有这个举报。", actedOnGuess);
        Assert.Equal([inWeishi], askedForSibling.Items.Select(i => i.Id));
        Assert.False(askedForSibling.ReadOnly);
        var audit = await h.With(sp => sp.GetRequiredService<PortalDb>().AuditEntries.Where(a => a.ReportId == inQixian).Select(a => new { a.StaffId, a.Action }).ToListAsync());
        Assert.Contains(audit, a => a.StaffId == weishi.Id && a.Action == "查看举报被拒");
    }

    [Fact]
    public async Task The_city_reads_a_county_queue_for_oversight_every_read_is_audited_and_it_cannot_act()
    {
        await using var h = await ReportsHarness.StartAsync(postgres: false, azurite: false);
        var city = await h.StaffAsync("kaifeng", StaffRoles.Intake | StaffRoles.Handler, office: "4102");
        var qixian = await h.StaffAsync("qixian", StaffRoles.Intake, office: "410221");
        var id = (await h.StoredAsync((await h.FileAsync(ReportsHarness.About("410221102203", "乡科级及以下", "杞县的举报"))).ReceiptNumber)).Id;

        var own = await h.With(sp => sp.GetRequiredService<ReportQueue>().ListAsync(new QueueFilter(), city));
        var overseen = await h.With(sp => sp.GetRequiredService<ReportQueue>().ListAsync(new QueueFilter(Office: "410221"), city));
        var opened = await h.With(sp => sp.GetRequiredService<ReportQueue>().OpenAsync(id, city));
        var accepted = await h.With(sp => sp.GetRequiredService<ReportHandling>().AcceptAsync(id, city, new StaffStep(null, null)));
        var countyOverCity = await h.With(sp => sp.GetRequiredService<ReportQueue>().ListAsync(new QueueFilter(Office: "4102"), qixian));

        Assert.Empty(own.Items);
        Assert.Equal([id], overseen.Items.Select(i => i.Id));
        Assert.Equal((true, "杞县纪委监委"), (overseen.ReadOnly, overseen.Office!.Name));
        Assert.True(opened!.ReadOnly);
        Assert.Equal("杞县纪委监委", opened.Office.Name);
        Assert.Equal("这件举报由杞县纪委监委办理，上级机关只能查阅，不能办理。", accepted);
        Assert.Equal(ReportStatus.Submitted, (await h.StoredAsync(opened.ReceiptNumber)).Status);
        Assert.False(countyOverCity.ReadOnly);
        Assert.Equal("杞县纪委监委", countyOverCity.Office!.Name);
        var audit = await h.With(sp => sp.GetRequiredService<PortalDb>().AuditEntries.Where(a => a.StaffId == city.Id).Select(a => new { a.Action, a.Detail }).ToListAsync());
        Assert.Contains(audit, a => a.Action == "督查查看下级举报列表" && a.Detail!.StartsWith("杞县纪委监委"));
        Assert.Contains(audit, a => a.Action == "督查查看举报" && a.Detail!.Contains("杞县纪委监委"));
    }
}
