using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Database;
using Portal.Core.Reports;
using Portal.Core.Staff;
using Portal.Core.Tests.Reports;
using Portal.Core.Tests.Supervision;

namespace Portal.Core.Tests.Staff;

/// <summary>
/// An administrator manages the accounts of their own office and of the offices below it: lists them, moves them between
/// those offices; the accounts of a superior or a sibling office do not exist for them, and every attempt is on record.
/// </summary>
public sealed class AccountOfficeTests
{
    [Fact]
    public async Task A_county_administrator_lists_the_county_accounts_only_and_the_city_administrator_lists_every_county_too()
    {
        await using var h = await ReportsHarness.StartAsync(postgres: false, azurite: false);
        var cityAdmin = await h.StaffAsync("city.admin", StaffRoles.Admin, office: "4102");
        var qixianAdmin = await h.StaffAsync("qixian.admin", StaffRoles.Admin, office: "410221");
        await h.StaffAsync("qixian.intake", StaffRoles.Intake, office: "410221");
        await h.StaffAsync("weishi.intake", StaffRoles.Intake, office: "410223");

        var seenByCounty = await ListAsync(h, qixianAdmin);
        var seenByCity = await ListAsync(h, cityAdmin);

        Assert.Equal(["qixian.admin", "qixian.intake"], seenByCounty);
        Assert.Equal(["city.admin", "qixian.admin", "qixian.intake", "weishi.intake"], seenByCity);
    }

    [Fact]
    public async Task The_city_administrator_moves_an_account_from_one_county_to_another_and_the_audit_names_both_offices()
    {
        await using var h = await ReportsHarness.StartAsync(postgres: false, azurite: false);
        var cityAdmin = await h.StaffAsync("city.admin", StaffRoles.Admin, office: "4102");
        var clerk = await h.StaffAsync("moving.clerk", StaffRoles.Intake, office: "410221");
        var stampBefore = (await StoredAsync(h, clerk.Id)).SecurityStamp;

        var problem = await UpdateAsync(h, clerk.Id, StaffRoles.Intake, cityAdmin, office: "410223");

        Assert.Null(problem);
        var stored = await StoredAsync(h, clerk.Id);
        Assert.Equal("410223", stored.OfficeCode);
        Assert.NotEqual(stampBefore, stored.SecurityStamp);
        Assert.Contains("moving.clerk：角色 受理员 → 受理员，机关 杞县纪委监委 → 尉氏县纪委监委", await AuditAsync(h, cityAdmin.Id, "修改账号"));
    }

    [Fact]
    public async Task A_county_administrator_cannot_change_a_city_account_which_is_answered_as_not_existing_and_on_record()
    {
        await using var h = await ReportsHarness.StartAsync(postgres: false, azurite: false);
        var cityClerk = await h.StaffAsync("city.intake", StaffRoles.Intake, office: "4102");
        var weishiClerk = await h.StaffAsync("weishi.intake", StaffRoles.Intake, office: "410223");
        var qixianAdmin = await h.StaffAsync("qixian.admin", StaffRoles.Admin, office: "410221");

        var onCity = await UpdateAsync(h, cityClerk.Id, StaffRoles.Intake, qixianAdmin, disabled: true);
        var onSibling = await UpdateAsync(h, weishiClerk.Id, StaffRoles.Admin, qixianAdmin, office: "410221");

        Assert.Equal(StaffAccounts.NoSuchAccount, onCity);
        Assert.Equal(StaffAccounts.NoSuchAccount, onSibling);
        Assert.False((await StoredAsync(h, cityClerk.Id)).Disabled);
        Assert.Equal(("410223", StaffRoles.Intake), ((await StoredAsync(h, weishiClerk.Id)).OfficeCode, (await StoredAsync(h, weishiClerk.Id)).Roles));
        var refusals = await AuditAsync(h, qixianAdmin.Id, "修改账号被拒");
        Assert.Equal(2, refusals.Count);
        Assert.Contains(refusals, r => r.Contains(cityClerk.Id.ToString()));
        Assert.Contains(refusals, r => r.Contains(weishiClerk.Id.ToString()));
    }

    [Fact]
    public async Task A_county_administrator_cannot_move_an_account_up_to_the_city_or_over_to_another_county()
    {
        await using var h = await ReportsHarness.StartAsync(postgres: false, azurite: false);
        var qixianAdmin = await h.StaffAsync("qixian.admin", StaffRoles.Admin, office: "410221");
        var clerk = await h.StaffAsync("qixian.intake", StaffRoles.Intake, office: "410221");

        var up = await UpdateAsync(h, clerk.Id, StaffRoles.Intake, qixianAdmin, office: "4102");
        var across = await UpdateAsync(h, clerk.Id, StaffRoles.Intake, qixianAdmin, office: "410223");
        var nowhere = await UpdateAsync(h, clerk.Id, StaffRoles.Intake, qixianAdmin, office: "999999");

        Assert.Equal("只能把账号调到本机关或下级机关。", up);
        Assert.Equal("只能把账号调到本机关或下级机关。", across);
        Assert.Equal("没有代码为“999999”的受理机关。", nowhere);
        Assert.Equal("410221", (await StoredAsync(h, clerk.Id)).OfficeCode);
        var refusals = await AuditAsync(h, qixianAdmin.Id, "调动账号被拒");
        Assert.Contains(refusals, r => r.StartsWith("qixian.intake：杞县纪委监委 → 开封市纪委监委"));
        Assert.Contains(refusals, r => r.StartsWith("qixian.intake：杞县纪委监委 → 尉氏县纪委监委"));
    }

    [Fact]
    public async Task No_administrator_moves_themselves_and_a_handler_with_open_reports_stays_until_they_are_concluded()
    {
        await using var h = await ReportsHarness.StartAsync(postgres: false, azurite: false);
        var cityAdmin = await h.StaffAsync("city.admin", StaffRoles.Admin, office: "4102");
        var intake = await h.StaffAsync("qixian.intake", StaffRoles.Intake, office: "410221");
        var handler = await h.StaffAsync("qixian.handler", StaffRoles.Handler, office: "410221");
        var id = (await h.StoredAsync((await h.FileAsync(ReportsHarness.Anonymous())).ReceiptNumber)).Id;
        Assert.Null(await h.With(sp => sp.GetRequiredService<ReportHandling>().AcceptAsync(id, intake, new StaffStep(null, null))));
        Assert.Null(await h.With(sp => sp.GetRequiredService<ReportHandling>().TransferAsync(id, intake, "某某镇纪委", handler.Id, new StaffStep(null, null))));

        var self = await UpdateAsync(h, cityAdmin.Id, StaffRoles.Admin, cityAdmin, office: "410221");
        var withOpenReport = await UpdateAsync(h, handler.Id, StaffRoles.Handler, cityAdmin, office: "410223");

        Assert.Equal("不能调动自己的账号，以免本机关没有人能管理账号；请由上级机关的管理员调动。", self);
        Assert.Equal("该账号还承办着 1 件未办结的举报，调走后原机关无人能办理；请办结后再调动机关。", withOpenReport);
        Assert.Equal("4102", (await StoredAsync(h, cityAdmin.Id)).OfficeCode);
        Assert.Equal("410221", (await StoredAsync(h, handler.Id)).OfficeCode);
    }

    [Fact]
    public async Task A_supervisor_with_open_clues_of_the_county_moves_only_once_they_are_reassigned()
    {
        await using var h = await ReportsHarness.StartAsync(postgres: false, azurite: false);
        var cityAdmin = await h.StaffAsync("city.admin", StaffRoles.Admin, office: "4102");
        var leaving = await h.StaffAsync("qixian.jiandu", StaffRoles.Supervisor, office: "410221");
        var staying = await h.StaffAsync("qixian.jiandu2", StaffRoles.Supervisor, office: "410221");
        var clue = await h.AddAsync(LedgerClues.New());
        Assert.Null(await h.Ledger(l => l.AssignAsync(clue.Id, 0, staying, leaving.Id, null)));

        var withOpenClue = await UpdateAsync(h, leaving.Id, StaffRoles.Supervisor, cityAdmin, office: "410223");
        var upToTheCity = await UpdateAsync(h, leaving.Id, StaffRoles.Supervisor, cityAdmin, office: "4102");
        Assert.Null(await UpdateAsync(h, leaving.Id, StaffRoles.Supervisor, cityAdmin, office: "410221"));
        Assert.Null(await h.Ledger(l => l.AssignAsync(clue.Id, 1, staying, staying.Id, null)));
        var afterReassigning = await UpdateAsync(h, leaving.Id, StaffRoles.Supervisor, cityAdmin, office: "410223");

        Assert.Equal("该账号还在核查 1 条尉氏县纪委监委辖区以外的线索，请先在线索页改派给原辖区的监督人员，再调动机关。", withOpenClue);
        Assert.Null(upToTheCity);
        Assert.Null(afterReassigning);
        Assert.Equal("410223", (await StoredAsync(h, leaving.Id)).OfficeCode);
    }

    [Fact]
    public async Task An_account_of_an_office_no_longer_configured_is_the_top_administrators_keeps_its_office_when_saved_and_can_be_moved()
    {
        await using var h = await ReportsHarness.StartAsync(postgres: false, azurite: false);
        var cityAdmin = await h.StaffAsync("city.admin", StaffRoles.Admin, office: "4102");
        var qixianAdmin = await h.StaffAsync("qixian.admin", StaffRoles.Admin, office: "410221");
        var orphan = await h.StaffAsync("old.office", StaffRoles.Intake, office: "410221");
        await h.With(sp => sp.GetRequiredService<PortalDb>().StaffAccounts.Where(a => a.Id == orphan.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.OfficeCode, "410299")));

        var seenByCounty = await ListAsync(h, qixianAdmin);
        var seenByCity = await ListAsync(h, cityAdmin);
        var rolesOnly = await UpdateAsync(h, orphan.Id, StaffRoles.Intake | StaffRoles.Handler, cityAdmin);
        var keptOffice = (await StoredAsync(h, orphan.Id)).OfficeCode;
        var moved = await UpdateAsync(h, orphan.Id, StaffRoles.Intake, cityAdmin, office: "410223");

        Assert.DoesNotContain("old.office", seenByCounty);
        Assert.Contains("old.office", seenByCity);
        Assert.Null(rolesOnly);
        Assert.Equal("410299", keptOffice);
        Assert.Null(moved);
        Assert.Equal("410223", (await StoredAsync(h, orphan.Id)).OfficeCode);
        Assert.Contains(await AuditAsync(h, cityAdmin.Id, "修改账号"), d => d.EndsWith("机关 410299 → 尉氏县纪委监委"));
    }

    private static Task<List<string>> ListAsync(ReportsHarness h, StaffActor reader) =>
        h.With(async sp => (await sp.GetRequiredService<StaffAccounts>().ListAsync(reader)).Select(a => a.UserName).ToList());

    private static Task<string?> UpdateAsync(ReportsHarness h, Guid id, StaffRoles roles, StaffActor by, bool disabled = false, string? office = null) =>
        h.With(sp => sp.GetRequiredService<StaffAccounts>().UpdateAsync(id, roles, disabled, null, by, office: office));

    private static Task<StaffAccount> StoredAsync(ReportsHarness h, Guid id) =>
        h.With(sp => sp.GetRequiredService<PortalDb>().StaffAccounts.AsNoTracking().SingleAsync(a => a.Id == id));

    private static Task<List<string>> AuditAsync(ReportsHarness h, Guid staffId, string action) =>
        h.With(sp => sp.GetRequiredService<PortalDb>().AuditEntries.AsNoTracking().Where(a => a.StaffId == staffId && a.Action == action).Select(a => a.Detail!).ToListAsync());
}
