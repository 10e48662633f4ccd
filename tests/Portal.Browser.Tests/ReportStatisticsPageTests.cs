using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Core.Database;
using Portal.Core.Reports;
using Portal.Tests;

namespace Portal.Browser.Tests;

/// <summary>举报办理情况 on a phone: figures, charts and tables with some counts withheld, read by everyone.</summary>
public class ReportStatisticsPageTests(SiteOnKestrel site) : IClassFixture<SiteOnKestrel>
{
    /// <summary>Three reports of 杞县 and one of 尉氏县 in the last weeks, so the page has figures, 少于3 and 不公布 to show.</summary>
    private async Task SeedAsync()
    {
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDb>();
        string DaysAgo(int days) => ChinaTime.Format(site.Clock.GetUtcNow().UtcDateTime.AddDays(-days));
        foreach (var days in new[] { 9, 8, 7 }) await ReportStatisticsSample.AddAsync(db, "410221", DaysAgo(days), acceptedAfterDays: 1);
        await ReportStatisticsSample.AddAsync(db, "410223", DaysAgo(6), category: ReportCategory.IntegrityDiscipline);
    }

    [AxeFact]
    public async Task The_public_record_of_report_handling_passes_the_accessibility_rules_in_normal_and_large_print()
    {
        await SeedAsync();

        var found = await AxeCheck.ViolationsAsync(site, ["/reports/statistics", "/reports/statistics?office=410221", "/reports/statistics?from=2026-13"]);

        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    [ChromiumFact]
    public async Task A_phone_user_finds_a_countys_record_from_the_report_page_in_three_taps()
    {
        await SeedAsync();
        var phone = await site.NewPhonePage();
        await phone.GotoAsync("/reports");
        var taps = 0;

        await phone.GetByRole(AriaRole.Link, new() { Name = "办理情况", Exact = true }).ClickAsync();
        taps++;
        await phone.GetByRole(AriaRole.Combobox, new() { Name = "纪委监委" }).SelectOptionAsync(new SelectOptionValue { Label = "杞县纪委监委" });
        taps++;
        await phone.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
        taps++;
        await phone.ScreenshotAsync(new() { Path = Screenshots.File("report-statistics"), FullPage = true });

        Assert.Equal(3, taps);
        Assert.Contains("office=410221", phone.Url);
        Assert.Equal("杞县纪委监委", (await phone.Locator("main h2").First.InnerTextAsync()).Split('：')[0]);
        Assert.NotEqual("0", await phone.Locator(".figures div", new() { HasText = "收到举报" }).Locator("dd").InnerTextAsync());
        Assert.Equal(2, await phone.Locator("main svg[role=img]").CountAsync());
    }
}
