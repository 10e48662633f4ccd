using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Reports;
using Portal.Core.Staff;

namespace Portal.Web.Tests.Pages.Reports;

[Collection(WebCollection.Name)]
public class ProgressTests(PortalWebFactory factory)
{
    private readonly Reporter _reporter = new(factory.CreateClient());

    private async Task<(string Code, string ReceiptNumber)> FileReport()
    {
        var receipt = await _reporter.File(Reporter.NamedReport());
        return (Reporter.QueryCode(receipt), Reporter.ReceiptNumber(receipt));
    }

    [Fact]
    public async Task A_wrong_code_and_a_wrong_password_get_byte_identical_answers()
    {
        var (code, _) = await FileReport();

        await _reporter.LookUp(code, "不是这个密码");
        var wrongPassword = WithoutToken(_reporter.Page);
        await _reporter.LookUp("2345-6789-ABCD-EFGH-JKMN", Reporter.Password);
        var wrongCode = WithoutToken(_reporter.Page);
        await _reporter.LookUp("这不是查询码", Reporter.Password);
        var garbled = WithoutToken(_reporter.Page);

        Assert.Contains(ReportProgress.Refusal, wrongPassword);
        Assert.Equal(wrongPassword, wrongCode);
        Assert.Equal(wrongPassword, garbled);
        Assert.DoesNotContain(code, wrongPassword);
    }

    [Fact]
    public async Task After_five_wrong_passwords_the_right_password_is_refused_too()
    {
        var (code, _) = await FileReport();
        for (var i = 0; i < 5; i++) await _reporter.LookUp(code, "错误的密码-" + i);

        await _reporter.LookUp(code, Reporter.Password);
        Assert.Contains(ReportProgress.Refusal, _reporter.Page);
        Assert.DoesNotContain("办理记录", _reporter.Page);
    }

    [Fact]
    public async Task The_code_may_be_typed_in_lower_case_and_without_hyphens()
    {
        var (code, receiptNumber) = await FileReport();
        await _reporter.LookUp(code.Replace("-", " ").ToLowerInvariant(), Reporter.Password);
        Assert.Contains(receiptNumber, _reporter.Page);
    }

    [Fact]
    public async Task A_supplement_sent_with_the_ticket_joins_the_timeline_escaped_and_the_password_never_returns_to_the_page()
    {
        var (code, _) = await FileReport();
        await _reporter.LookUp(code, Reporter.Password);
        Assert.Contains("name=\"ticket\"", _reporter.Page);
        Assert.DoesNotContain(Reporter.Password, _reporter.Page);

        var response = await _reporter.Supplement("村里账本上还有两笔<script>alert(1)</script>不明支出。", Upload.Photo("账本.jpg"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("补充材料已收到", _reporter.Page);
        Assert.Contains("您补充了材料", _reporter.Page);
        Assert.Contains("村里账本上还有两笔&lt;script&gt;alert(1)&lt;/script&gt;不明支出。", _reporter.Page);
        Assert.DoesNotContain("<script>", _reporter.Page);
        Assert.DoesNotContain(Reporter.Password, _reporter.Page);

        await _reporter.LookUp(code, Reporter.Password);
        Assert.Contains("不明支出", _reporter.Page);
        Assert.Single(Regex.Matches(_reporter.Page, "附件 1 个"));
    }

    [Fact]
    public async Task Sending_the_same_supplement_form_again_as_a_refresh_does_adds_it_once()
    {
        var (code, _) = await FileReport();
        await _reporter.LookUp(code, Reporter.Password);
        var form = _reporter.Page;

        await _reporter.Supplement("评议会只有村干部参加");
        _reporter.Page = form;
        var again = await _reporter.Supplement("评议会只有村干部参加");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Single(Regex.Matches(_reporter.Page, "评议会只有村干部参加"));
    }

    [Fact]
    public async Task An_empty_supplement_is_asked_for_again_with_the_same_ticket()
    {
        var (code, _) = await FileReport();
        await _reporter.LookUp(code, Reporter.Password);
        var ticket = Reporter.ValueOf(_reporter.Page, "ticket");

        await _reporter.Supplement("  ");
        Assert.Contains("请填写补充说明或上传补充材料", Reporter.ErrorNextTo(_reporter.Page, "content"));
        Assert.Equal(ticket, Reporter.ValueOf(_reporter.Page, "ticket"));
    }

    [Fact]
    public async Task An_expired_or_forged_ticket_gets_its_message_and_the_lookup_form()
    {
        await _reporter.LookUp("2345-6789-ABCD-EFGH-JKMN", "whatever-password");
        var form = new Dictionary<string, string> { ["ticket"] = "CfDJ8-made-up", ["content"] = "补充说明" };
        var response = await _reporter.Client.PostAsync("/reports/progress/supplement", new FormUrlEncodedContent(form.Append(KeyValuePair.Create("af", Html.AntiforgeryToken(_reporter.Page)))));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("页面已过期", html);
        Assert.Contains("name=\"queryCode\"", html);
    }

    [Fact]
    public async Task A_report_not_accepted_shows_the_offices_reason_and_takes_no_more_supplements()
    {
        var (code, receiptNumber) = await FileReport();
        using (var scope = factory.Services.CreateScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
            var (account, problem) = await accounts.CreateAsync("intake-" + Guid.NewGuid().ToString("N")[..8], "受理员甲", "staff-password-123456", StaffRoles.Intake, by: null, office: "410221");
            Assert.True(account is not null, problem);
            var db = scope.ServiceProvider.GetRequiredService<Portal.Core.Database.PortalDb>();
            var id = await db.Reports.Where(r => r.ReceiptNumber == receiptNumber).Select(r => r.Id).SingleAsync();
            var refusal = await scope.ServiceProvider.GetRequiredService<ReportHandling>().RefuseAsync(id, StaffActor.Of(account),
                new StaffStep("属于民事纠纷，请向人民法院起诉。", "内部备注：不予受理"));
            Assert.Null(refusal);
        }

        await _reporter.LookUp(code, Reporter.Password);
        Assert.Contains("<b class=\"status\">不予受理</b>", _reporter.Page);
        Assert.Contains("属于民事纠纷，请向人民法院起诉。", _reporter.Page);
        Assert.DoesNotContain("内部备注", _reporter.Page);
        Assert.DoesNotContain("name=\"ticket\"", _reporter.Page);
        Assert.Contains("不能再补充材料", _reporter.Page);
    }

    private static string WithoutToken(string html) => Regex.Replace(html, "name=\"af\"[^>]*value=\"[^\"]+\"", "");
}
