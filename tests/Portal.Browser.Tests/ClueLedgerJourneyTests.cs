using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Core.Database;
using Portal.Core.Staff;
using Portal.Core.Supervision;
using static Microsoft.Playwright.Assertions;

namespace Portal.Browser.Tests;

/// <summary>
/// 疑似线索台账 in Chromium: a 监督 officer opens a red clue and assigns it; the assignee records 属实 with an evidence file,
/// starts rectification and proposes 已整改 with the amount recovered; a second officer confirms it, and 史庄村 turns from
/// red to green on /admin/clues, and the township's public 监督情况 counts it. The clue is put straight into the database,
/// as the rules would find it. Taps are counted.
/// </summary>
public class ClueLedgerJourneyTests(SiteOnKestrel site) : IClassFixture<SiteOnKestrel>
{
    private const string Village = "410221101201";

    private async Task<long> RedClueAsync(string village = Village, ClueState state = ClueState.Open, decimal? recovered = null)
    {
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDb>();
        var clue = new Clue
        {
            RuleCode = "deceased", RuleVersion = 1, Level = ClueLevel.Red, Reason = "死亡日期 2026-03", PaymentId = "j" + Guid.NewGuid().ToString("N")[..12], PersonKey = "journey",
            CountyCode = village[..6], TownshipCode = village[..9], VillageCode = village, FundCode = "rural-dibao", Period = 202605, Amount = 600m,
            MaskedName = "张*明", Department = "杞县民政局", SourceFile = "2026-05农村低保.xlsx", SourceRow = 17,
            FoundAt = DateTime.UtcNow, LastFoundAt = DateTime.UtcNow, State = state, RecoveredAmount = recovered, StateChangedAt = DateTime.UtcNow,
        };
        db.Clues.Add(clue);
        await db.SaveChangesAsync();
        return clue.Id;
    }

    private static async Task AtLeast44PixelsTallAsync(ILocator target)
    {
        var box = await target.BoundingBoxAsync();
        Assert.True(box is { Height: >= 44 }, $"{await target.TextContentAsync()} is {box?.Height} px tall");
    }

    private static ILocator PublicFigure(IPage page, string term) => page.Locator(".figures div", new() { Has = page.Locator("dt", new() { HasText = term }) }).Locator("dd");

    private static ILocator VillageColour(IPage page) => page.Locator("ul.colours li.village", new() { HasText = "史庄村" }).Locator(".colour");

    [ChromiumFact]
    public async Task An_officer_assigns_a_red_clue_the_assignee_finds_it_true_and_rectifies_it_and_a_second_officer_turns_the_village_green()
    {
        await site.CreateStaffAsync("jiandu.zu", "监督组长", StaffRoles.Supervisor);
        await site.CreateStaffAsync("jiandu.he", "核查员王", StaffRoles.Supervisor);
        var id = await RedClueAsync();
        // Two cases of the same township were put right before: with this one the public may see the count and the amount.
        await RedClueAsync("410221101202", ClueState.Rectified, 600m);
        await RedClueAsync("410221101202", ClueState.Rectified, 600m);
        var villager = await site.NewPhonePage();
        var evidence = new FilePayload { Name = "民政局回函.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4 回函"u8.ToArray() };
        var taps = 0;

        // The officer signs in and lands on the ledger: 史庄村 is red, said in words too (1 tap).
        var lead = await site.SignInAsync("jiandu.zu");
        taps++;
        await Expect(lead.Locator("h1")).ToHaveTextAsync("疑似线索台账");
        await Expect(VillageColour(lead)).ToHaveTextAsync("▲红色");
        // The rest of the county is there at a glance too: the villages and townships without a clue, green.
        await Expect(lead.Locator("li.village.quiet", new() { HasText = "没有线索" }).First).ToContainTextAsync("●绿色");
        await Expect(lead.Locator("ul.colours > li.quiet")).ToContainTextAsync("个乡镇（街道）没有线索");

        // Opens the clue (1 tap), picks the assignee and assigns (2 taps).
        await lead.GetByRole(AriaRole.Link, new() { Name = $"#{id}" }).ClickAsync();
        taps++;
        await Expect(lead.Locator("main")).ToContainTextAsync("杞县民政局 · 2026-05农村低保.xlsx · 第 17 行");
        await lead.GetByLabel("核查人").SelectOptionAsync(new SelectOptionValue { Label = "核查员王" });
        taps++;
        var assign = lead.GetByRole(AriaRole.Button, new() { Name = "分派" });
        await AtLeast44PixelsTallAsync(assign);
        await assign.ClickAsync();
        taps++;
        await Expect(lead.Locator("dd.status")).ToContainTextAsync("核查中 · 核查人 核查员王");

        // The assignee opens the clue from the ledger (2 taps with signing in), records 属实 with the department's letter (3 taps), and starts rectifying (1 tap).
        var officer = await site.SignInAsync("jiandu.he");
        taps++;
        await officer.GetByRole(AriaRole.Link, new() { Name = $"#{id}" }).ClickAsync();
        taps++;
        await officer.GetByLabel("属实", new() { Exact = true }).CheckAsync();
        taps++;
        await officer.GetByLabel("核查情况").FillAsync("民政局回函：张某已于 2026 年 3 月死亡，4 月起仍发放。");
        await officer.Locator("form", new() { HasText = "核查结论" }).Locator("input[type=file]").SetInputFilesAsync(evidence);
        taps++;
        await officer.GetByRole(AriaRole.Button, new() { Name = "提交核查结论" }).ClickAsync();
        taps++;
        await Expect(officer.Locator("ol.timeline")).ToContainTextAsync("核查属实");
        await Expect(officer.Locator("ol.timeline")).ToContainTextAsync("民政局回函.pdf");
        await officer.GetByRole(AriaRole.Button, new() { Name = "开始整改" }).ClickAsync();
        taps++;

        // Proposes 已整改 with ¥1,800.00 recovered and the receipt (2 taps).
        await officer.GetByLabel("追回金额（元）").FillAsync("1800");
        await officer.GetByLabel("整改情况").FillAsync("已追回 4 至 6 月低保金，并停发。");
        await officer.Locator("form", new() { HasText = "提请确认已整改" }).Locator("input[type=file]").SetInputFilesAsync(evidence);
        taps++;
        await officer.GetByRole(AriaRole.Button, new() { Name = "提请确认" }).ClickAsync();
        taps++;
        await Expect(officer.Locator("section.proposal")).ToContainTextAsync("您是提请人，不能自己确认。");

        // Until a second person confirms, the village stays red; the officer who assigned it confirms (2 taps: the ledger's link, then 确认).
        await lead.GotoAsync("/admin/clues");
        await Expect(VillageColour(lead)).ToHaveTextAsync("▲红色");
        await villager.GotoAsync("/payments/supervision/410221101");
        await Expect(PublicFigure(villager, "已整改")).ToHaveTextAsync("少于3");
        await Expect(PublicFigure(villager, "追回金额")).ToHaveTextAsync("不公布");
        await lead.GetByRole(AriaRole.Link, new() { Name = $"#{id}" }).ClickAsync();
        taps++;
        var confirm = lead.GetByRole(AriaRole.Button, new() { Name = "确认已整改" });
        await AtLeast44PixelsTallAsync(confirm);
        await confirm.ClickAsync();
        taps++;
        await Expect(lead.Locator("dd.status")).ToContainTextAsync("已整改");
        await Expect(lead.Locator("main")).ToContainTextAsync("追回 ¥1,800.00");

        // Back on the ledger (1 tap), 史庄村 is green.
        await lead.GetByRole(AriaRole.Link, new() { Name = "线索台账" }).First.ClickAsync();
        taps++;
        await Expect(VillageColour(lead)).ToHaveTextAsync("●绿色");
        Assert.Equal(15, taps);

        // The public sees the township's figures, never the village or the clue.
        await villager.ReloadAsync();
        await Expect(PublicFigure(villager, "已整改")).ToHaveTextAsync("3");
        await Expect(PublicFigure(villager, "追回金额")).ToHaveTextAsync("¥3,000.00");
        await Expect(villager.Locator("main")).Not.ToContainTextAsync("史庄村");
        await Expect(villager.Locator("main")).Not.ToContainTextAsync("张*明");
    }

    [AxeFact]
    public async Task The_ledger_and_a_clue_pass_the_accessibility_rules_in_normal_and_large_print()
    {
        await site.CreateStaffAsync("jiandu.axe", "无障碍检查员", StaffRoles.Supervisor);
        // Another village than the journey's, whose colour this clue would otherwise keep red.
        var id = await RedClueAsync("410221101203");

        var found = await AxeCheck.ViolationsAsync(site, ["/admin/clues", $"/admin/clues/{id}"], () => site.SignInAsync("jiandu.axe"));

        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    [AxeFact]
    public async Task The_public_supervision_figures_of_a_county_and_a_township_pass_the_accessibility_rules_in_normal_and_large_print()
    {
        var found = await AxeCheck.ViolationsAsync(site, ["/payments/supervision/410221", "/payments/supervision/410221101"]);

        Assert.True(found.Count == 0, string.Join("\n", found));
    }
}
