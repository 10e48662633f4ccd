using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Core.Exhibition;
using Portal.Core.Staff;
using static Microsoft.Playwright.Assertions;

namespace Portal.Browser.Tests;

/// <summary>
/// The site's Content-Security-Policy in a real Chromium: nothing a visitor or an officer opens is blocked by it (Chromium
/// reports every blocked script, style, picture or frame on the console), and what must still run does.
/// </summary>
public class ContentSecurityPolicyTests(SiteOnKestrel site) : IClassFixture<SiteOnKestrel>
{
    [ChromiumFact]
    public async Task A_visitor_meets_no_blocked_content_and_the_receipts_print_button_still_prints()
    {
        var phone = await site.NewPhonePage();
        var blocked = Blocked(phone);
        // Stands in for the print dialog; it is installed by the browser itself, so the page's policy does not apply to it.
        await phone.AddInitScriptAsync("window.print = () => { window.printed = (window.printed || 0) + 1; };");
        var content = site.Services.GetRequiredService<IExhibitionContent>();
        var pages = new List<string> { "/", "/payments", "/payments/410221", "/payments/status/410221", "/payments/lookup", "/exhibition", "/news", "/reports", "/large-print?on=1" };
        foreach (var hall in content.Halls()) pages.AddRange([$"/exhibition/{hall.Slug}", .. hall.Exhibits.Select(e => "/exhibition/" + e.Id)]);

        foreach (var url in pages) await phone.GotoAsync(url);
        await phone.GotoAsync("/reports/new?confirm=1");
        await phone.Locator("input[name=anonymous][value=true]").CheckAsync();
        await phone.Locator("[name='reportedPerson.name']").FillAsync("王某");
        await phone.Locator("[name='reportedPerson.unit']").FillAsync("五里河镇史庄村村委会");
        await phone.Locator("[name='reportedPerson.level']").SelectOptionAsync("乡科级及以下");
        await phone.Locator("[name='reportedPerson.region']").SelectOptionAsync("410221");
        await phone.Locator("[name='category']").SelectOptionAsync("违反群众纪律");
        await phone.Locator("[name='title']").FillAsync("村干部优亲厚友");
        await phone.Locator("[name='content']").FillAsync("村主任把自己的亲戚报成低保户，连续两年每月领钱，真正困难的老人却没评上。");
        await phone.Locator("[name='password']").FillAsync("我的查询密码2026");
        await phone.Locator("[name='passwordRepeat']").FillAsync("我的查询密码2026");
        await phone.GetByRole(AriaRole.Button, new() { Name = "提交举报" }).TapAsync();
        await Expect(phone.Locator(".query-code")).ToBeVisibleAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "打印本页" }).TapAsync();

        Assert.Equal(1, await phone.EvaluateAsync<int>("() => window.printed || 0"));
        Assert.Empty(blocked);
    }

    [ChromiumFact]
    public async Task An_officer_meets_no_blocked_content_and_the_live_preview_still_runs()
    {
        await site.CreateStaffAsync("csp-press", "宣传干事小刘", StaffRoles.Press | StaffRoles.Intake | StaffRoles.Admin | StaffRoles.Auditor, "4102");
        var officer = await site.SignInAsync("csp-press");
        var blocked = Blocked(officer);
        var hall = site.Services.GetRequiredService<IExhibitionContent>().Halls()[0];

        foreach (var url in new[] { "/admin", "/admin/staff", "/admin/departments", "/admin/calendar", "/admin/audit", "/admin/data", "/admin/exhibition" }) await officer.GotoAsync(url);
        await officer.GetByRole(AriaRole.Link, new() { Name = $"在“{hall.Title}”里添加展品" }).ClickAsync();
        await officer.Locator("[name='Fields.Body']").FillAsync("宣传墙上写着**清风入户**四个大字。");

        await Expect(officer.Locator("#preview strong")).ToHaveTextAsync("清风入户");
        Assert.Empty(blocked);
    }

    /// <summary>What Chromium reports the content policy blocked on this page from now on, and any feature of the permissions policy it does not know.</summary>
    private static List<string> Blocked(IPage page)
    {
        var blocked = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal) || message.Text.Contains("Permissions-Policy", StringComparison.Ordinal))
                lock (blocked) blocked.Add($"{page.Url}: {message.Text}");
        };
        return blocked;
    }
}
