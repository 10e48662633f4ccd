using System.Net;
using Portal.Core.Staff;

namespace Portal.Web.Tests.Pages.Admin;

[Collection(BackOfficeCollection.Name)]
public class AccessTests(BackOfficeFactory factory)
{
    private const string SomeReport = "/admin/reports/6f1c2b0e-9d4a-4c1e-8f57-0a3b2c1d4e5f";

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin?status=Submitted")]
    [InlineData(SomeReport)]
    [InlineData(SomeReport + "/attachments/0b8e3f6a-1c2d-4e5f-9a7b-8c6d5e4f3a2b")]
    [InlineData("/admin/staff")]
    [InlineData("/admin/audit")]
    [InlineData("/admin/calendar")]
    [InlineData("/admin/logout")]
    public async Task Anonymous_requests_to_every_back_office_page_are_sent_to_the_sign_in_page(string url)
    {
        var response = await factory.Browser().GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/login?returnUrl=" + Uri.EscapeDataString(url), response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task An_anonymous_post_of_a_step_changes_nothing()
    {
        var id = (await factory.FileAsync()).Id;
        using var anonymous = factory.Browser();
        var login = await anonymous.PageAsync("/admin/login");

        var response = await anonymous.Client.PostAsync($"/admin/reports/{id}?handler=accept",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["af"] = Html.AntiforgeryToken(login) }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/login", response.Headers.Location?.AbsolutePath);
        var intake = await factory.SignInAsync(await factory.StaffAsync("蒋受理", StaffRoles.Intake));
        Assert.Contains("<dd class=\"status\">已提交</dd>", await intake.PageAsync($"/admin/reports/{id}"));
    }

    [Theory]
    [InlineData(StaffRoles.Handler, "/admin/staff")]
    [InlineData(StaffRoles.Handler, "/admin/calendar")]
    [InlineData(StaffRoles.Auditor, "/admin")]
    [InlineData(StaffRoles.Auditor, SomeReport)]
    [InlineData(StaffRoles.Intake, "/admin/audit")]
    [InlineData(StaffRoles.Intake, "/admin/staff")]
    [InlineData(StaffRoles.Admin, "/admin")]
    [InlineData(StaffRoles.Admin, "/admin/audit")]
    public async Task A_staff_member_without_the_role_gets_a_Chinese_403_page(StaffRoles role, string url)
    {
        var browser = await factory.SignInAsync(await factory.StaffAsync("沈职员", role));

        var response = await browser.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("没有权限", await response.Content.ReadAsStringAsync());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("noindex, nofollow", string.Join(",", response.Headers.GetValues("X-Robots-Tag")));
    }

    [Fact]
    public async Task Every_back_office_answer_is_kept_out_of_caches_and_search_engines()
    {
        var everyone = await factory.SignInAsync(await factory.StaffAsync("韩全能", StaffRoles.Intake | StaffRoles.Handler | StaffRoles.Admin | StaffRoles.Auditor));
        var id = (await factory.FileAsync()).Id;
        var urls = new[]
        {
            "/admin", "/admin?due=Overdue&page=2", "/admin?page=99999999", $"/admin/reports/{id}", "/admin/staff",
            "/admin/audit", $"/admin/audit?report={id}", "/admin/audit?page=99999999", "/admin/calendar", "/admin/calendar?year=99999", "/admin/logout",
        };

        var responses = new List<(string Url, HttpResponseMessage Response)>();
        foreach (var url in urls) responses.Add((url, await everyone.GetAsync(url)));
        responses.Add(("login page", await factory.Browser().GetAsync("/admin/login")));
        responses.Add(("sign-in redirect", await factory.Browser().GetAsync("/admin/staff")));
        responses.Add(("missing report", await everyone.GetAsync("/admin/reports/" + Guid.NewGuid())));

        foreach (var (url, response) in responses)
        {
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect or HttpStatusCode.NotFound, $"{url}: {response.StatusCode}");
            Assert.True(response.Headers.CacheControl?.ToString() == "no-store", $"{url}: Cache-Control {response.Headers.CacheControl}");
            Assert.True(response.Headers.TryGetValues("X-Robots-Tag", out var robots) && robots.Single() == "noindex, nofollow", url);
            Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var sniff) && sniff.Single() == "nosniff", url);
        }
        Assert.Contains("没有这件举报", await responses[^1].Response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Every_form_of_the_back_office_carries_an_antiforgery_token_and_a_post_without_it_is_refused()
    {
        var everyone = await factory.SignInAsync(await factory.StaffAsync("杨全能", StaffRoles.Intake | StaffRoles.Admin));
        var id = (await factory.FileAsync()).Id;

        foreach (var url in new[] { "/admin", $"/admin/reports/{id}", "/admin/staff", "/admin/calendar", "/admin/logout" })
        {
            var html = await everyone.PageAsync(url);
            var posts = html.Split("<form").Skip(1).Where(f => f.Contains("method=\"post\"", StringComparison.Ordinal)).ToList();
            Assert.All(posts, form => Assert.Contains("name=\"af\"", form[..form.IndexOf("</form>", StringComparison.Ordinal)]));
        }

        var forged = await everyone.Client.PostAsync($"/admin/reports/{id}?handler=accept", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("<dd class=\"status\">已提交</dd>", await everyone.PageAsync($"/admin/reports/{id}"));
    }

    [Fact]
    public async Task Nothing_a_staff_member_types_or_reads_reaches_the_logs()
    {
        var secretTitle = "标题" + Guid.NewGuid().ToString("N")[..10];
        var report = await factory.FileAsync(f => f.Title = secretTitle);
        var admin = await factory.StaffAsync("孔全能", StaffRoles.Intake | StaffRoles.Admin);
        var browser = factory.Browser();
        await browser.PostAsync("/admin/login", null, new() { ["userName"] = admin.UserName, ["password"] = "wrong-pass-" + Guid.NewGuid().ToString("N")[..6] });
        browser = await factory.SignInAsync(admin);
        var typed = new[] { "公开说明" + Guid.NewGuid().ToString("N")[..8], "内部备注" + Guid.NewGuid().ToString("N")[..8], "newpass-" + Guid.NewGuid().ToString("N") };

        await browser.PostAndFollowAsync(report.Page, "accept", new() { ["PublicNote"] = typed[0], ["StaffNote"] = typed[1] });
        await browser.PostAndFollowAsync("/admin/staff", "create", new()
        {
            ["UserName"] = "logs." + Guid.NewGuid().ToString("N")[..8], ["DisplayName"] = "日志测试", ["Password"] = typed[2], ["Roles"] = "Auditor",
        });

        var logs = factory.Logs.Text;
        Assert.Contains("/admin/staff", logs);
        foreach (var secret in typed.Append(secretTitle).Append(BackOfficeFactory.StaffPassword).Append("wrong-pass-")) Assert.DoesNotContain(secret, logs);
    }
}
