using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Core.Ingest.Samples;
using Portal.Core.Payments;
using Portal.Core.Privacy;
using Portal.Core.Staff;
using Portal.Core.Submissions;
using Portal.Tests;
using static Microsoft.Playwright.Assertions;

namespace Portal.Browser.Tests;

/// <summary>
/// 数据报送 in Chromium: a clerk of 杞县民政局 uploads the month's XLSX with three bad rows, reads them, downloads the report,
/// uploads the fixed file, and the village page shows the payments and the county's public record the submission; a clerk of 尉氏县 is refused the 杞县 file. The clerk's
/// taps are counted, and every button the clerk presses is at least 44 px tall.
/// </summary>
public class SubmissionJourneyTests(SiteOnKestrel site) : IClassFixture<SiteOnKestrel>
{
    private static readonly string[] Funds = ["rural-dibao", "urban-dibao", "tekun", "temporary-aid"];

    private static object?[] Row(int n, string amount = "580.00", string code = "410221101201", string village = "史庄村")
    {
        var body = "410221" + "19560312" + n.ToString("D3");
        return [n, "五里河镇", village, code, "城低户" + (char)('甲' + n), body + IdNumber.CheckCharacter(body), "城市低保", 3, amount, "2026-08"];
    }

    private static FilePayload Xlsx(string name, IEnumerable<object?[]> rows)
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".xlsx");
        object?[][] header = [["杞县2026年8月城市低保发放花名册"], ["序号", "乡镇（街道）", "村（社区）", "行政区划代码", "户主姓名", "身份证号码", "资金类别", "家庭人口", "发放金额（元）", "所属期"]];
        XlsxWriter.Write(path, header.Concat(rows));
        try { return new FilePayload { Name = name, MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = File.ReadAllBytes(path) }; }
        finally { File.Delete(path); }
    }

    private async Task ClerkAsync(string user, string department, string county)
    {
        using var scope = site.Services.CreateScope();
        var departments = scope.ServiceProvider.GetRequiredService<Departments>();
        var found = await departments.FindByNameAsync(department) ?? (await departments.AddAsync(department, [county], Funds, by: null)).Department!;
        var (account, problem) = await scope.ServiceProvider.GetRequiredService<StaffAccounts>()
            .CreateAsync(user, department + "报送员", SiteOnKestrel.StaffPassword, StaffRoles.Submitter, by: null, found.Id);
        Assert.True(account is not null, problem);
    }

    private static async Task AtLeast44PixelsTallAsync(ILocator target)
    {
        var box = await target.BoundingBoxAsync();
        Assert.True(box is { Height: >= 44 }, $"{await target.TextContentAsync()} is {box?.Height} px tall");
    }

    [ChromiumFact]
    public async Task A_clerk_uploads_a_file_with_three_bad_rows_fixes_them_and_the_village_page_shows_the_payments()
    {
        await ClerkAsync("qixian.mz", "杞县民政局", "410221");
        object?[][] good = [Row(1), Row(2), Row(3), Row(4), Row(5)];
        var taps = 0;

        // Signing in lands on 数据报送 (1 tap).
        var clerk = await site.SignInAsync("qixian.mz");
        taps++;
        await Expect(clerk.Locator("h1")).ToHaveTextAsync("数据报送");
        await Expect(clerk.Locator("main")).ToContainTextAsync("本账号（杞县民政局）可报送 杞县 的 农村低保、城市低保、特困人员供养、临时救助 的数据。");

        // The month's file, three rows wrong: pick it and press 检查并公开 (2 taps).
        await clerk.Locator("input[type=file]").SetInputFilesAsync(Xlsx("城市低保8月.xlsx", [.. good, Row(6, amount: "-5"), Row(7, amount: "9999999"), Row(8, code: "410221101299", village: "没有这个村")]));
        taps++;
        var publish = clerk.GetByRole(AriaRole.Button, new() { Name = "检查并公开" });
        await AtLeast44PixelsTallAsync(publish);
        await AtLeast44PixelsTallAsync(clerk.GetByRole(AriaRole.Button, new() { Name = "只检查" }));
        await publish.ClickAsync();
        taps++;

        // The page follows the check by itself and then shows every rejection.
        await Expect(clerk.Locator("dl.result")).ToContainTextAsync("退回3 行", new() { Timeout = 30_000 });
        await Expect(clerk.Locator("dl.result")).ToContainTextAsync("已公开5 行，¥2,900.00");
        await Expect(clerk.Locator("table.rejections tbody tr")).ToHaveCountAsync(3);
        await Expect(clerk.Locator("table.rejections")).ToContainTextAsync("金额无效");

        // The report downloads (1 tap).
        var link = clerk.GetByRole(AriaRole.Link, new() { Name = "下载退回报告（CSV，可用 Excel 打开）" });
        await AtLeast44PixelsTallAsync(link);
        var download = await clerk.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        taps++;
        var report = await File.ReadAllLinesAsync(await download.PathAsync());
        Assert.Equal(4, report.Length);
        Assert.EndsWith(".csv", download.SuggestedFilename);

        // The fixed file, from the page's way back (1 tap), picked and published (2 taps).
        await clerk.GetByRole(AriaRole.Link, new() { Name = "数据报送" }).First.ClickAsync();
        taps++;
        await clerk.Locator("input[type=file]").SetInputFilesAsync(Xlsx("城市低保8月（改）.xlsx", [.. good, Row(6), Row(7), Row(8)]));
        taps++;
        await clerk.GetByRole(AriaRole.Button, new() { Name = "检查并公开" }).ClickAsync();
        taps++;
        await Expect(clerk.Locator("main")).ToContainTextAsync("全部合格，已公开。", new() { Timeout = 30_000 });
        await Expect(clerk.Locator("dl.result")).ToContainTextAsync("已公开8 行，¥4,640.00");
        Assert.Equal(7, taps);

        // A villager's phone shows the eight payments, once the site's index has taken the commit in.
        var index = site.Services.GetRequiredService<IPaymentIndex>();
        Assert.True(await Eventually.HoldsAsync(async () => (await index.SearchAsync(new PaymentQuery { RegionCode = "410221101201", FundCode = "urban-dibao" })).TotalCount == 8));
        var phone = await site.NewPhonePage();
        await phone.GotoAsync("/payments/410221101201?fund=urban-dibao");
        await Expect(phone.Locator("main")).ToContainTextAsync("¥4,640.00");

        // The county's public record (公开情况) shows who published August's 城市低保, and that it was corrected once.
        await phone.GotoAsync("/payments/status/410221");
        var august = phone.Locator("main section", new() { HasText = "城市低保" }).Locator("tr", new() { HasText = "2026年8月" });
        await Expect(august).ToContainTextAsync("杞县民政局");
        await Expect(august).ToContainTextAsync("更正或重新公开 1 次");
    }

    [ChromiumFact]
    public async Task A_clerk_of_weishi_is_refused_the_qixian_file_with_what_the_account_may_submit()
    {
        await ClerkAsync("weishi.mz", "尉氏县民政局", "410223");
        var clerk = await site.SignInAsync("weishi.mz");

        await clerk.Locator("input[type=file]").SetInputFilesAsync(Xlsx("杞县城市低保8月.xlsx", [Row(11), Row(12)]));
        await clerk.GetByRole(AriaRole.Button, new() { Name = "检查并公开" }).ClickAsync();

        await Expect(clerk.GetByRole(AriaRole.Alert)).ToHaveTextAsync(
            "本账号（尉氏县民政局）只能报送 尉氏县 的 农村低保、城市低保、特困人员供养、临时救助；此文件含 杞县 的数据，未公开任何数据。", new() { Timeout = 30_000 });
        await Expect(clerk.GetByRole(AriaRole.Link, new() { Name = "数据报送" }).Last).ToBeVisibleAsync();
    }
}
