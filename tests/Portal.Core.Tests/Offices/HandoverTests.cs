using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Database;
using Portal.Core.Reports;
using Portal.Core.Staff;
using Portal.Core.Tests.Reports;

namespace Portal.Core.Tests.Offices;

/// <summary>
/// 交办 and 报送 move a report between offices with a reason: the receiving office gets it with deadlines of its own, the
/// reporter sees the office change, both sides are on record. 督办 presses a subordinate without moving anything.
/// </summary>
public sealed class HandoverTests
{
    private static Task<string?> Handling(ReportsHarness h, Func<ReportHandling, Task<string?>> step) => h.With(sp => step(sp.GetRequiredService<ReportHandling>()));

    private static Task<QueuePage> Queue(ReportsHarness h, StaffActor reader, QueueFilter filter) => h.With(sp => sp.GetRequiredService<ReportQueue>().ListAsync(filter, reader));

    [Fact]
    public async Task The_city_hands_a_report_down_to_the_county_which_gets_fifteen_working_days_of_its_own_and_the_reporter_sees_the_new_office()
    {
        await using var h = await ReportsHarness.StartAsync(postgres: false, azurite: false);
        var city = await h.StaffAsync("kaifeng", StaffRoles.Intake, office: "4102");
        var qixian = await h.StaffAsync("qixian", StaffRoles.Intake, office: "410221");
        var receipt = await h.FileAsync(ReportsHarness.About("410221", "县处级", "县局长违规收礼"));
        var filed = await h.StoredAsync(receipt.ReceiptNumber);
        h.Clock.Advance(TimeSpan.FromDays(10));

        var handed = await Handling(h, x => x.HandOverAsync(filed.Id, city, "410221", "经初步了解，反映的是该局下属站所的股级干部，按管理权限由县纪委监委办理。"));

        var moved = await h.StoredAsync(receipt.ReceiptNumber);
        Assert.Null(handed);
        Assert.Equal("410221", moved.OfficeCode);
        Assert.Equal(ReportStatus.Submitted, moved.Status);
        Assert.True(moved.DueOn > filed.DueOn, $"the county's acceptance deadline {moved.DueOn} runs from the handover, after the city's {filed.DueOn}");
        Assert.Equal(ChinaTime.Date(h.Clock.GetUtcNow().UtcDateTime), ChinaTime.Date(moved.ReceivedAt));
        Assert.Equal([filed.Id], (await Queue(h, qixian, new QueueFilter())).Items.Select(i => i.Id));
        Assert.Empty((await Queue(h, city, new QueueFilter())).Items);
        Assert.True((await h.With(sp => sp.GetRequiredService<ReportQueue>().OpenAsync(filed.Id, city)))!.ReadOnly);

        var progress = (await h.LookupAsync(receipt.QueryCode))!;
        Assert.Equal("杞县纪委监委", progress.Office.Name);
        var line = progress.Timeline.Single(t => t.What == "转由杞县纪委监委办理");
        Assert.Contains("开封市纪委监委将您的举报交办杞县纪委监委", line.Text);
        Assert.DoesNotContain("股级干部", string.Join("", progress.Timeline.Select(t => t.Text)));
        Assert.Equal(moved.DueOn, progress.Deadlines.Single().DueOn);

        var details = (await h.With(sp => sp.GetRequiredService<ReportQueue>().OpenAsync(filed.Id, qixian)))!;
        var staffLine = details.Timeline.Single(t => t.What == "交办：开封市纪委监委 → 杞县纪委监委");
        Assert.Equal("kaifeng同志", staffLine.ActorName);
        Assert.Contains("股级干部", staffLine.StaffNote);
        var audit = await h.With(sp => sp.GetRequiredService<PortalDb>().AuditEntries.Where(a => a.ReportId == filed.Id && a.Action.Contains("交办"))
            .Select(a => new { a.StaffName, a.Action, a.Detail }).ToListAsync());
        Assert.Contains(audit, a => a.StaffName == "kaifeng同志" && a.Action == "交办" && a.Detail == $"{receipt.ReceiptNumber}：开封市纪委监委 → 杞县纪委监委");
        Assert.Contains(audit, a => a.StaffName == "杞县纪委监委" && a.Action == "收到交办");
    }

    [Fact]
    public async Task The_county_sends_an_accepted_report_up_and_the_city_has_five_working_days_to_transfer_it_from_that_day()
    {
        await using var h = await ReportsHarness.StartAsync(postgres: false, azurite: false);
        var city = await h.StaffAsync("kaifeng", StaffRoles.Intake, office: "4102");
        var qixian = await h.StaffAsync("qixian", StaffRoles.Intake, office: "410221");
        var receipt = await h.FileAsync(ReportsHarness.About("410221102203", "乡科级及以下", "镇长插手低保评定"));
        var id = (await h.StoredAsync(receipt.ReceiptNumber)).Id;
        Assert.Null(await Handling(h, x => x.AcceptAsync(id, qixian, new StaffStep(null, null))));
        var accepted = await h.StoredAsync(receipt.ReceiptNumber);
        h.Clock.Advance(TimeSpan.FromDays(14));

        Assert.Null(await Handling(h, x => x.HandOverAsync(id, qixian, "4102", "核查中发现涉及县处级干部。")));

        var sent = await h.StoredAsync(receipt.ReceiptNumber);
        var calendar = await h.With(sp => sp.GetRequiredService<WorkingCalendarSource>().CurrentAsync(sp.GetRequiredService<PortalDb>()));
        var today = ChinaTime.Date(h.Clock.GetUtcNow().UtcDateTime);
        Assert.Equal(("4102", ReportStatus.Accepted), (sent.OfficeCode, sent.Status));
        Assert.True(accepted.DueOn < today, "the county's transfer deadline had passed");
        Assert.Equal(calendar.AddWorkingDays(today, 5), sent.DueOn);
        Assert.Null(await h.With(sp => sp.GetRequiredService<ReportQueue>().OpenAsync(id, qixian)));
        Assert.Equal([id], (await Queue(h, city, new QueueFilter())).Items.Select(i => i.Id));
        var progress = (await h.LookupAsync(receipt.QueryCode))!;
        Assert.Equal("开封市纪委监委", progress.Office.Name);
        Assert.Contains(progress.Timeline, t => t.What == "转由开封市纪委监委办理" && t.Text!.Contains("杞县纪委监委将您的举报报送开封市纪委监委"));
        Assert.Equal([DeadlineKind.Transfer, DeadlineKind.Conclude], progress.Deadlines.Select(d => d.Kind));
        Assert.All(progress.Deadlines, d => Assert.False(d.Passed));
    }

    [Fact]
    public async Task A_handover_to_itself_to_a_sibling_to_nowhere_without_a_reason_or_after_the_handler_has_it_is_refused_and_nothing_moves()
    {
        await using var h = await ReportsHarness.StartAsync(postgres: false, azurite: false);
        var city = await h.StaffAsync("kaifeng", StaffRoles.Intake, office: "4102");
        var qixian = await h.StaffAsync("qixian", StaffRoles.Intake, office: "410221");
        var weishi = await h.StaffAsync("weishi", StaffRoles.Intake, office: "410223");
        var handler = await h.StaffAsync("chengban", StaffRoles.Handler, office: "410221");
        var id = (await h.StoredAsync((await h.FileAsync(ReportsHarness.About("410221102203", "乡科级及以下", "村支书侵占集体资金"))).ReceiptNumber)).Id;
        const string reason = "按管理权限。";

        Assert.Equal("不能交办给本机关。请选择：开封市纪委监委。", await Handling(h, x => x.HandOverAsync(id, qixian, "410221", reason)));
        Assert.Equal("尉氏县纪委监委不是本机关的上级或下级，不能交办或报送。请选择：开封市纪委监委。", await Handling(h, x => x.HandOverAsync(id, qixian, "410223", reason)));
        Assert.Equal("没有这个机关（999999）。请选择：开封市纪委监委。", await Handling(h, x => x.HandOverAsync(id, qixian, "999999", reason)));
        Assert.StartsWith("请写明交办或报送的理由", await Handling(h, x => x.HandOverAsync(id, qixian, "4102", "  ")));
        Assert.Equal("没有这个举报。", await Handling(h, x => x.HandOverAsync(id, weishi, "4102", reason)));
        Assert.Equal("这件举报由杞县纪委监委办理，上级机关只能查阅，不能办理。", await Handling(h, x => x.HandOverAsync(id, city, "410223", reason)));
        Assert.Equal("410221", (await h.With(sp => sp.GetRequiredService<PortalDb>().Reports.AsNoTracking().SingleAsync(r => r.Id == id))).OfficeCode);

        Assert.Null(await Handling(h, x => x.AcceptAsync(id, qixian, new StaffStep(null, null))));
        Assert.Null(await Handling(h, x => x.TransferAsync(id, qixian, "第一监督检查室", handler.Id, new StaffStep(null, null))));
        Assert.Equal("举报当前状态为“已转办”：已转给承办人或已结束办理，不能再交办或报送。", await Handling(h, x => x.HandOverAsync(id, qixian, "4102", reason)));
        Assert.False(await h.With(sp => sp.GetRequiredService<PortalDb>().ReportEvents.AnyAsync(e => e.ReportId == id && e.Kind == ReportEventKind.Handover)));
    }

    [Fact]
    public async Task The_city_presses_a_county_report_once_per_step_the_county_sees_it_marked_and_the_reporter_sees_that_it_was_pressed()
    {
        await using var h = await ReportsHarness.StartAsync(postgres: false, azurite: false);
        var city = await h.StaffAsync("kaifeng", StaffRoles.Intake, office: "4102");
        var qixian = await h.StaffAsync("qixian", StaffRoles.Intake, office: "410221");
        var receipt = await h.FileAsync(ReportsHarness.About("410221102203", "村（社区）干部", "村主任优亲厚友"));
        var id = (await h.StoredAsync(receipt.ReceiptNumber)).Id;
        var other = (await h.StoredAsync((await h.FileAsync(ReportsHarness.About("410221102203", "村（社区）干部", "另一件"))).ReceiptNumber)).Id;
        const string demand = "请于 3 个工作日内受理并报告进展。";

        Assert.Equal("督办由上级机关对下级机关的举报提出。", await Handling(h, x => x.SuperviseAsync(id, qixian, demand)));
        Assert.StartsWith("请写明督办要求", await Handling(h, x => x.SuperviseAsync(id, city, "")));
        Assert.Null(await Handling(h, x => x.SuperviseAsync(id, city, demand)));
        Assert.StartsWith("已于 ", await Handling(h, x => x.SuperviseAsync(id, city, demand)));

        var marked = await Queue(h, qixian, new QueueFilter(SupervisedOnly: true));
        Assert.Equal([id], marked.Items.Select(i => i.Id));
        Assert.NotNull(marked.Items.Single().SupervisedAt);
        Assert.DoesNotContain(other, marked.Items.Select(i => i.Id));
        var details = (await h.With(sp => sp.GetRequiredService<ReportQueue>().OpenAsync(id, qixian)))!;
        Assert.Equal(("开封市纪委监委", demand), (details.Supervisions.Single().OfficeName, details.Supervisions.Single().Demand));
        var progress = (await h.LookupAsync(receipt.QueryCode))!;
        Assert.Contains(progress.Timeline, t => t.What == "上级纪委监委督办" && t.Text == "开封市纪委监委已督促杞县纪委监委按期办理您的举报。");
        Assert.DoesNotContain(demand, string.Join("", progress.Timeline.Select(t => t.Text)));

        h.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Null(await Handling(h, x => x.AcceptAsync(id, qixian, new StaffStep(null, null))));
        Assert.Empty((await Queue(h, qixian, new QueueFilter(SupervisedOnly: true))).Items);
        h.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Null(await Handling(h, x => x.SuperviseAsync(id, city, "请尽快转办。")));
        var audit = await h.With(sp => sp.GetRequiredService<PortalDb>().AuditEntries.Where(a => a.ReportId == id && a.Action.Contains("督办")).Select(a => a.StaffName + "：" + a.Action).ToListAsync());
        Assert.Equal(["kaifeng同志：督办", "杞县纪委监委：收到督办", "kaifeng同志：督办", "杞县纪委监委：收到督办"], audit);
    }

    [Fact]
    public async Task The_city_sees_every_urged_report_of_its_counties_in_one_oversight_list_naming_each_office()
    {
        await using var h = await ReportsHarness.StartAsync(postgres: false, azurite: false);
        var city = await h.StaffAsync("kaifeng", StaffRoles.Intake, office: "4102");
        var qixian = await h.StaffAsync("qixian", StaffRoles.Intake, office: "410221");
        var urgedReceipt = await h.FileAsync(ReportsHarness.About("410221102203", "村（社区）干部", "杞县的举报"));
        var urged = (await h.StoredAsync(urgedReceipt.ReceiptNumber)).Id;
        var weishi = (await h.StoredAsync((await h.FileAsync(ReportsHarness.About("410223", "乡科级及以下", "尉氏的举报"))).ReceiptNumber)).Id;
        var own = (await h.StoredAsync((await h.FileAsync(ReportsHarness.About("410221", "县处级", "市管的举报"))).ReceiptNumber)).Id;
        h.Clock.Advance(TimeSpan.FromDays(30));
        var result = await h.With(sp => sp.GetRequiredService<ReportProgress>().UrgeAsync(urgedReceipt.QueryCode, ReportsHarness.Password, DeadlineKind.Accept));
        Assert.True(result.Urged, result.Message);

        var below = await Queue(h, city, new QueueFilter(Office: QueueFilter.AllBelow));
        var urgedBelow = await Queue(h, city, new QueueFilter(Office: QueueFilter.AllBelow, UrgedOnly: true));
        var countyAsksBelow = await Queue(h, qixian, new QueueFilter(Office: QueueFilter.AllBelow));

        Assert.True(below.ReadOnly);
        Assert.Null(below.Office);
        Assert.Equal(new[] { urged, weishi }.Order(), below.Items.Select(i => i.Id).Order());
        Assert.DoesNotContain(own, below.Items.Select(i => i.Id));
        var item = Assert.Single(urgedBelow.Items);
        Assert.Equal((urged, "杞县纪委监委"), (item.Id, item.OfficeName));
        Assert.NotNull(item.UrgedAt);
        Assert.False(countyAsksBelow.ReadOnly);
        Assert.Equal([urged], countyAsksBelow.Items.Select(i => i.Id));
        var read = await h.With(sp => sp.GetRequiredService<PortalDb>().AuditEntries.Where(a => a.StaffId == city.Id && a.Action == "督查查看下级举报列表").Select(a => a.Detail).ToListAsync());
        Assert.Contains(read, d => d!.StartsWith("全部下级机关"));
    }
}
