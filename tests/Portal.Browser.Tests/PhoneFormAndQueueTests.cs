using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Core.Reports;
using Portal.Core.Staff;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.Browser.Tests;

/// <summary>The report form and the staff queue on a 360×740 phone.</summary>
public class PhoneFormAndQueueTests(SiteOnKestrel site, ITestOutputHelper output) : IClassFixture<SiteOnKestrel>
{
    [ChromiumFact]
    public async Task On_a_phone_the_staff_queue_is_one_card_per_report_with_no_cell_squeezed_or_cut_off()
    {
        var title = "村委会主任优亲厚友" + Guid.NewGuid().ToString("N")[..4];
        await FileAnonymousReportAsync(title);
        await site.CreateStaffAsync("shouli.phone", "受理员小李", StaffRoles.Intake);
        var phone = await site.SignInAsync("shouli.phone", onPhone: true);
        await phone.GotoAsync("/admin");

        var card = phone.Locator("table.queue tbody tr").Filter(new() { HasText = title });
        var text = await card.InnerTextAsync();
        Assert.Matches("^JB[0-9]{8}-", text);
        Assert.Contains("违反群众纪律", text);
        Assert.Equal("block", await card.EvaluateAsync<string>("row => getComputedStyle(row).display"));
        // Each line of the card is named by its column, shown before the value (data-label).
        var labels = await card.EvaluateAsync<string[]>("row => [...row.querySelectorAll('td')].filter(td => getComputedStyle(td, '::before').content !== 'none').map(td => td.dataset.label)");
        foreach (var label in new[] { "状态", "类别", "地区", "期限" }) Assert.Contains(label, labels);
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the queue scrolls sideways at 360px");
        var squeezed = await phone.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('table.queue tbody th, table.queue tbody td, table.queue, .scroll')]
              .filter(e => e.scrollWidth > e.clientWidth + 1 || (e.matches('td, th') && e.getBoundingClientRect().width < 200))
              .map(e => `${e.tagName} ${e.dataset.label ?? ''} ${Math.round(e.getBoundingClientRect().width)}px: ${e.textContent.trim().slice(0, 20)}`)
            """);
        Assert.True(squeezed.Length == 0, "cells squeezed or cut off at 360px:\n" + string.Join("\n", squeezed));
        await phone.ScreenshotAsync(new() { Path = Screenshots.File("admin-queue-phone"), FullPage = true });
    }

    [ChromiumFact]
    public async Task The_report_form_is_measured_in_phone_screens_and_stays_under_four()
    {
        var phone = await site.NewPhonePage();
        await phone.GotoAsync("/reports/new?confirm=1");
        var anonymous = await ScreensAsync(phone);
        await Expect(phone.GetByLabel("身份证号")).Not.ToBeVisibleAsync();
        await phone.Locator("label.choice").Filter(new() { HasText = "实名举报" }).TapAsync();
        await Expect(phone.GetByLabel("身份证号")).ToBeVisibleAsync();
        var named = await ScreensAsync(phone);
        output.WriteLine($"report form at 360×740: {anonymous:0.00} screens before 实名 is chosen, {named:0.00} with the reporter's fields");
        Assert.True(named < 4, $"the report form with the reporter's fields is {named:0.00} screens long at 360×740");
        Assert.True(anonymous < named, "the reporter's fields are shown before 实名 is chosen");
        await phone.ScreenshotAsync(new() { Path = Screenshots.File("report-form-phone"), FullPage = true });
    }

    [AxeFact]
    public async Task The_report_form_and_the_staff_queue_on_a_phone_have_no_WCAG_2_1_A_or_AA_violations()
    {
        await FileAnonymousReportAsync("村委会主任优亲厚友");
        await site.CreateStaffAsync("shouli.axe", "受理员小周", StaffRoles.Intake);
        var found = await AxeCheck.ViolationsAsync(site, ["/reports/new?confirm=1"]);
        found.AddRange(await AxeCheck.ViolationsAsync(site, ["/admin"], () => site.SignInAsync("shouli.axe", onPhone: true)));
        Assert.True(found.Count == 0, "axe-core found WCAG 2.1 A/AA violations:\n" + string.Join("\n", found));
    }

    private static Task<double> ScreensAsync(IPage phone) =>
        phone.EvaluateAsync<double>("document.documentElement.scrollHeight / window.innerHeight");

    private async Task FileAnonymousReportAsync(string title)
    {
        using var scope = site.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<ReportIntake>().SubmitAsync(new ReportSubmission
        {
            Anonymous = true,
            ReportedPerson = new() { Name = "王某", Unit = "五里河镇史庄村村委会", Level = "乡科级及以下", Region = "410221" },
            Category = "违反群众纪律", Title = title,
            Content = "村主任王某把自己的亲戚报成低保户，连续两年每月领钱，真正困难的五保老人却没评上。",
            Password = "我的查询密码2026",
        }, []);
        Assert.True(result.Succeeded, string.Join("；", result.Errors.Values));
    }
}
