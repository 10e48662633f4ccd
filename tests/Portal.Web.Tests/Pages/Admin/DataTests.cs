using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Database;
using Portal.Core.Payments;
using Portal.Core.Staff;
using Portal.Core.Submissions;
using Portal.Tests;

namespace Portal.Web.Tests.Pages.Admin;

/// <summary>
/// 数据报送 in the browser: a department's clerk uploads exports, follows the check, reads every rejection, downloads the
/// report and uploads the fixed file; the 纪委's staff read the record. A site of its own, since these tests publish payments.
/// </summary>
public sealed class DataTests(BackOfficeFactory factory) : IClassFixture<BackOfficeFactory>
{
    private const string Header = "序号,乡镇（街道）,村（社区）,行政区划代码,户主姓名,身份证号码,资金类别,家庭人口,发放金额（元）,所属期";

    private static string Id(int sequence)
    {
        var body = "410221" + "19560312" + sequence.ToString("D3");
        return body + Portal.Core.Privacy.IdNumber.CheckCharacter(body);
    }

    private static string Row(int n, string amount = "580.00", string code = "410221101201", string village = "史庄村", string township = "五里河镇") =>
        $"{n},{township},{village},{code},城低户{(char)('甲' + n)},{Id(n)},城市低保,3,\"{amount}\",2026-08";

    private static byte[] Csv(IEnumerable<string> rows) =>
        new UTF8Encoding(true).GetBytes(string.Join("\r\n", new[] { "杞县2026年8月城市低保发放花名册", Header }.Concat(rows)) + "\r\n");

    private async Task<StaffBrowser> ClerkAsync(string department, string county)
    {
        var found = await factory.WithAsync(sp => sp.GetRequiredService<Departments>().FindByNameAsync(department));
        if (found is null)
        {
            var (added, problem) = await factory.WithAsync(sp => sp.GetRequiredService<Departments>().AddAsync(department, [county], ["rural-dibao", "urban-dibao", "tekun", "temporary-aid"], by: null));
            Assert.True(added is not null, problem);
            found = added;
        }
        var (account, refusal) = await factory.WithAsync(sp => sp.GetRequiredService<StaffAccounts>()
            .CreateAsync("clerk-" + Guid.NewGuid().ToString("N")[..10], department + "报送员", BackOfficeFactory.StaffPassword, StaffRoles.Submitter, by: null, found!.Id));
        Assert.True(account is not null, refusal);
        return await factory.SignInAsync(account!);
    }

    /// <summary>Picks the files on /admin/data and presses 只检查 or 检查并公开; answers where the site sent the clerk.</summary>
    private static async Task<HttpResponseMessage> UploadAsync(StaffBrowser clerk, bool dryRun, params (string Name, byte[] Bytes)[] files)
    {
        var html = await clerk.PageAsync("/admin/data");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Html.AntiforgeryToken(html)), "af" },
            { new StringContent(dryRun ? "true" : "false"), "DryRun" },
        };
        foreach (var (name, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, "Files", name);
        }
        return await clerk.Client.PostAsync("/admin/data", form);
    }

    /// <summary>The record's page once the worker is done with it (its page stops refreshing itself).</summary>
    private static async Task<string> ResultAsync(StaffBrowser clerk, HttpResponseMessage upload)
    {
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var page = upload.Headers.Location!.OriginalString;
        var html = "";
        Assert.True(await Eventually.HoldsAsync(async () => !(html = await clerk.PageAsync(page)).Contains("http-equiv=\"refresh\"")), html);
        return html;
    }

    [Fact]
    public async Task A_clerk_checks_a_file_reads_every_rejection_downloads_a_report_Excel_cannot_run_and_publishes_the_fixed_file()
    {
        var clerk = await ClerkAsync("杞县民政局", "410221");
        string[] good = [Row(1), Row(2), Row(3)];
        var bad = Csv([.. good, Row(4, amount: "-5"), Row(5, amount: "9999999"), Row(6, code: "410221101299", village: "没有这个村")]);

        var check = await ResultAsync(clerk, await UploadAsync(clerk, dryRun: true, ("=1+2.csv", bad)));

        Assert.Contains("<dt>读取</dt><dd>6 行</dd>", check);
        Assert.Contains("<dt>退回</dt><dd>3 行</dd>", check);
        Assert.Contains("金额无效", check);
        Assert.Contains("金额超出标准", check);
        Assert.Contains("退回和提醒（3 条）", check);
        var report = await clerk.Client.GetAsync(Html.Link(check, "下载退回报告（CSV，可用 Excel 打开）"));
        var csv = Encoding.UTF8.GetString(await report.Content.ReadAsByteArrayAsync());
        Assert.Equal("text/csv", report.Content.Headers.ContentType?.MediaType);
        // The file name the clerk's computer gave starts with =: Excel would run it as a formula.
        Assert.Contains("\n'=1+2.csv,", csv);
        Assert.DoesNotContain("\n=1+2.csv", csv);

        var publish = await ResultAsync(clerk, await UploadAsync(clerk, dryRun: false, ("城市低保8月.csv", Csv(good))));

        Assert.Contains("<dt>已公开</dt><dd>3 行，¥1,740.00</dd>", publish);
        Assert.Contains("全部合格，已公开。", publish);
        // The page is asked for once the site's index has taken the commit in, so no page of the old index is cached meanwhile.
        var index = factory.Services.GetRequiredService<IPaymentIndex>();
        Assert.True(await Eventually.HoldsAsync(async () => (await index.SearchAsync(new PaymentQuery { RegionCode = "410221101201", FundCode = "urban-dibao" })).TotalCount == 3));
        Assert.Contains("¥1,740.00", await factory.CreateClient().GetStringAsync("/payments/410221101201?fund=urban-dibao"));
    }

    [Fact]
    public async Task A_clerk_withdraws_a_published_month_with_a_reason_the_village_page_shows_and_the_audit_log_keeps()
    {
        var clerk = await ClerkAsync("杞县民政局", "410221");
        var weishi = await ClerkAsync("尉氏县民政局", "410223");
        await ResultAsync(clerk, await UploadAsync(clerk, dryRun: false, ("城市低保8月.csv", Csv([Row(41, code: "410221101202", village: "玉皇庙村")]))));
        var index = factory.Services.GetRequiredService<IPaymentIndex>();
        Assert.True(await Eventually.HoldsAsync(async () => (await index.SearchAsync(new PaymentQuery { RegionCode = "410221101202", FundCode = "urban-dibao" })).TotalCount == 1));

        var refused = await WithdrawAsync(weishi, "410221101202", "urban-dibao", "2026-08", "名单有误");
        Assert.Equal("本账号（尉氏县民政局）只能撤回 尉氏县 的 农村低保、城市低保、特困人员供养、临时救助 的数据。", StaffBrowser.Alert(refused));
        Assert.Contains("value=\"410221101202\"", refused);
        Assert.Equal(1, (await index.SearchAsync(new PaymentQuery { RegionCode = "410221101202", FundCode = "urban-dibao" })).TotalCount);

        var done = await WithdrawAsync(clerk, "410221101202", "urban-dibao", "2026-08", "发放名单有误，核实后重新公开");
        Assert.Contains("已撤回 五里河镇玉皇庙村 城市低保 2026年8月（1 笔）", done);
        Assert.True(await Eventually.HoldsAsync(async () => (await index.SearchAsync(new PaymentQuery { RegionCode = "410221101202", FundCode = "urban-dibao" })).TotalCount == 0));
        Assert.True(await Eventually.HoldsAsync(async () => (await factory.CreateClient().GetStringAsync("/payments/410221101202?fund=urban-dibao")).Contains("发放名单有误，核实后重新公开")));
        var audit = await factory.WithAsync(sp => sp.GetRequiredService<PortalDb>().AuditEntries.Where(e => e.Action == "撤回公开数据").ToListAsync());
        Assert.Equal("410221101202 urban-dibao 202608：发放名单有误，核实后重新公开", Assert.Single(audit).Detail);
    }

    /// <summary>Fills in 撤回已公开的数据 and presses 撤回; answers the page the clerk sees.</summary>
    private static async Task<string> WithdrawAsync(StaffBrowser clerk, string village, string fund, string period, string reason)
    {
        var form = await clerk.PageAsync("/admin/data/withdraw");
        var answer = await clerk.Client.PostAsync("/admin/data/withdraw", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["af"] = Html.AntiforgeryToken(form), ["Village"] = village, ["Fund"] = fund, ["Period"] = period, ["Reason"] = reason,
        }));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return await answer.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task A_clerk_of_another_county_is_refused_the_whole_file_and_nothing_is_published()
    {
        var clerk = await ClerkAsync("尉氏县民政局", "410223");

        var result = await ResultAsync(clerk, await UploadAsync(clerk, dryRun: false, ("杞县城市低保.csv", Csv([Row(11), Row(12)]))));

        Assert.Equal("本账号（尉氏县民政局）只能报送 尉氏县 的 农村低保、城市低保、特困人员供养、临时救助；此文件含 杞县 的数据，未公开任何数据。", StaffBrowser.Alert(result));
        Assert.Contains("重新上传", result);
        Assert.Equal(0, await factory.WithAsync(sp => sp.GetRequiredService<PortalDb>().Submissions.Where(s => s.FileName == "杞县城市低保.csv").SumAsync(s => s.RowsPublished)));
    }

    [Fact]
    public async Task The_countys_jiwei_reads_its_departments_records_without_an_upload_form_and_a_clerk_only_their_own()
    {
        var qixian = await ClerkAsync("杞县民政局", "410221");
        var weishi = await ClerkAsync("尉氏县民政局", "410223");
        var upload = await UploadAsync(qixian, dryRun: true, ("只检查一下.csv", Csv([Row(21)])));
        await ResultAsync(qixian, upload);
        var record = upload.Headers.Location!.OriginalString;
        var auditor = await factory.SignInAsync(await factory.StaffAsync("纪委审计", StaffRoles.Auditor));
        var press = await factory.SignInAsync(await factory.StaffAsync("宣传干事", StaffRoles.Press));

        var list = await auditor.PageAsync("/admin/data");

        Assert.Contains("只检查一下.csv", list);
        Assert.DoesNotContain("type=\"file\"", list);
        Assert.Contains("<h1>只检查一下.csv</h1>", await auditor.PageAsync(record));
        Assert.DoesNotContain("只检查一下.csv", await weishi.PageAsync("/admin/data"));
        Assert.Equal(HttpStatusCode.NotFound, (await weishi.GetAsync(record)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await press.GetAsync("/admin/data")).StatusCode);
    }

    [Fact]
    public async Task A_county_jiwei_reads_its_own_countys_records_another_countys_address_is_404_and_the_city_reads_both()
    {
        var qixianClerk = await ClerkAsync("杞县民政局", "410221");
        var qixianUpload = await UploadAsync(qixianClerk, dryRun: true, ("杞县的报送.csv", Csv([Row(41)])));
        await ResultAsync(qixianClerk, qixianUpload);
        var weishiClerk = await ClerkAsync("尉氏县民政局", "410223");
        var weishiUpload = await UploadAsync(weishiClerk, dryRun: true, ("尉氏县的报送.csv", Csv([Row(42)])));
        await ResultAsync(weishiClerk, weishiUpload);
        var weishiJiwei = await factory.SignInAsync(await factory.StaffAsync("尉氏审计", StaffRoles.Auditor, office: "410223"));
        var city = await factory.SignInAsync(await factory.StaffAsync("市纪委审计", StaffRoles.Auditor, office: "4102"));

        var weishiList = await weishiJiwei.PageAsync("/admin/data");
        var guessed = await weishiJiwei.GetAsync(qixianUpload.Headers.Location!.OriginalString);
        var cityList = await city.PageAsync("/admin/data");

        Assert.Contains("尉氏县纪委监委辖区内各部门的报送记录", weishiList);
        Assert.Contains("尉氏县的报送.csv", weishiList);
        Assert.DoesNotContain("杞县的报送.csv", weishiList);
        Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);
        Assert.Contains("<h1>尉氏县的报送.csv</h1>", await weishiJiwei.PageAsync(weishiUpload.Headers.Location!.OriginalString));
        Assert.Contains("杞县的报送.csv", cityList);
        Assert.Contains("尉氏县的报送.csv", cityList);
    }

    [Fact]
    public async Task A_file_waiting_its_turn_shows_so_and_its_page_refreshes_itself_until_it_is_done()
    {
        var clerk = await ClerkAsync("杞县民政局", "410221");
        // Another host's worker has the turn.
        await factory.WithAsync(sp => sp.GetRequiredService<PortalDb>().SubmissionLeases
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, "other-host").SetProperty(l => l.Until, DateTime.UtcNow.AddHours(1))));
        var upload = await UploadAsync(clerk, dryRun: true, ("排队.csv", Csv([Row(31)])));

        var waiting = await clerk.PageAsync(upload.Headers.Location!.OriginalString);

        Assert.Contains("<meta http-equiv=\"refresh\" content=\"3\">", waiting);
        Assert.Contains("正在排队", waiting);
        await factory.WithAsync(sp => sp.GetRequiredService<PortalDb>().SubmissionLeases.ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, (string?)null)));
        Assert.Contains("<dt>读取</dt><dd>1 行</dd>", await ResultAsync(clerk, upload));
    }
}
