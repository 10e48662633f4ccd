using System.Net;
using Portal.Core.Staff;
using Portal.Web.Admin;

namespace Portal.Web.Tests.Pages.Admin;

[Collection(BackOfficeCollection.Name)]
public class LoginTests(BackOfficeFactory factory)
{
    private static Dictionary<string, string> Credentials(string userName, string password) => new() { ["userName"] = userName, ["password"] = password };

    [Fact]
    public async Task A_staff_member_signs_in_with_a_strict_session_cookie_for_the_back_office_only()
    {
        var intake = await factory.StaffAsync("李受理", StaffRoles.Intake);
        using var browser = factory.Browser();

        var response = await browser.PostAsync("/admin/login", null, Credentials(intake.UserName.ToUpperInvariant(), BackOfficeFactory.StaffPassword));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(StaffSignIn.CookieName + "=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("path=/admin", cookie);
        Assert.Contains("samesite=strict", cookie);
        Assert.Contains("httponly", cookie);
        Assert.DoesNotContain("expires=", cookie);
        Assert.DoesNotContain("secure", cookie);
        Assert.Contains("李受理", await browser.PageAsync("/admin"));

        using var https = new StaffBrowser(factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") }));
        var overHttps = await https.PostAsync("/admin/login", null, Credentials(intake.UserName, BackOfficeFactory.StaffPassword));
        Assert.Contains(overHttps.Headers.GetValues("Set-Cookie"), c => c.StartsWith(StaffSignIn.CookieName + "=", StringComparison.Ordinal) && c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Each_role_lands_on_its_own_page_and_a_return_address_outside_the_back_office_is_ignored()
    {
        var admin = await factory.StaffAsync("赵管理", StaffRoles.Admin);
        var auditor = await factory.StaffAsync("钱审计", StaffRoles.Auditor);

        var toStaff = await factory.Browser().PostAsync("/admin/login?returnUrl=https%3A%2F%2Fevil.example%2F", null, Credentials(admin.UserName, BackOfficeFactory.StaffPassword));
        var toAudit = await factory.Browser().PostAsync("/admin/login?returnUrl=%2Fpayments", null, Credentials(auditor.UserName, BackOfficeFactory.StaffPassword));
        var back = await factory.Browser().PostAsync("/admin/login?returnUrl=%2Fadmin%2Faudit%3Fpage%3D2", null, Credentials(auditor.UserName, BackOfficeFactory.StaffPassword));

        Assert.Equal("/admin/staff", toStaff.Headers.Location?.OriginalString);
        Assert.Equal("/admin/audit", toAudit.Headers.Location?.OriginalString);
        Assert.Equal("/admin/audit?page=2", back.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_user_get_the_same_refusal_and_nothing_typed_is_written_back()
    {
        var intake = await factory.StaffAsync("孙受理", StaffRoles.Intake);
        using var browser = factory.Browser();

        var wrongPassword = await browser.PostAsync("/admin/login", null, Credentials(intake.UserName, "not-the-password"));
        var unknownUser = await browser.PostAsync("/admin/login", null, Credentials("nobody-here", "not-the-password"));

        foreach (var response in new[] { wrongPassword, unknownUser })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(StaffAccounts.SignInRefusal, StaffBrowser.Alert(html));
            Assert.DoesNotContain("not-the-password", html);
            Assert.DoesNotContain(intake.UserName, html);
            Assert.DoesNotContain("nobody-here", html);
            Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(StaffSignIn.CookieName, StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task After_five_wrong_passwords_even_the_right_one_is_refused_with_the_same_message()
    {
        var intake = await factory.StaffAsync("周受理", StaffRoles.Intake);
        using var browser = factory.Browser();
        for (var i = 0; i < SignInBackOff.FreeFailures; i++)
            await browser.PostAsync("/admin/login", null, Credentials(intake.UserName, $"wrong-password-{i}"));

        var response = await browser.PostAsync("/admin/login", null, Credentials(intake.UserName, BackOfficeFactory.StaffPassword));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(StaffAccounts.SignInRefusal, StaffBrowser.Alert(await response.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task A_disabled_accounts_existing_cookie_stops_working_at_its_next_request()
    {
        var admin = await factory.SignInAsync(await factory.StaffAsync("吴管理", StaffRoles.Admin));
        var handler = await factory.StaffAsync("郑承办", StaffRoles.Handler);
        var handlerBrowser = await factory.SignInAsync(handler);
        Assert.Equal(HttpStatusCode.OK, (await handlerBrowser.GetAsync("/admin")).StatusCode);

        await admin.PostAndFollowAsync("/admin/staff", "update", new() { ["AccountId"] = handler.Id.ToString(), ["Roles"] = "Handler", ["Disabled"] = "true" });

        var response = await handlerBrowser.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/login", response.Headers.Location?.AbsolutePath);
        var refused = await handlerBrowser.PostAsync("/admin/login", null, Credentials(handler.UserName, BackOfficeFactory.StaffPassword));
        Assert.Equal(StaffAccounts.SignInRefusal, StaffBrowser.Alert(await refused.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_disabled_account_is_answered_exactly_like_a_wrong_password()
    {
        var admin = await factory.SignInAsync(await factory.StaffAsync("蒋管理", StaffRoles.Admin));
        var disabled = await factory.StaffAsync("沈承办", StaffRoles.Handler);
        var enabled = await factory.StaffAsync("韩承办", StaffRoles.Handler);
        await admin.PostAndFollowAsync("/admin/staff", "update", new() { ["AccountId"] = disabled.Id.ToString(), ["Roles"] = "Handler", ["Disabled"] = "true" });

        var rightPasswordOfDisabled = await factory.Browser().PostAsync("/admin/login", null, Credentials(disabled.UserName, BackOfficeFactory.StaffPassword));
        var wrongPasswordOfEnabled = await factory.Browser().PostAsync("/admin/login", null, Credentials(enabled.UserName, "not-the-password"));

        Assert.Equal(wrongPasswordOfEnabled.StatusCode, rightPasswordOfDisabled.StatusCode);
        Assert.Equal(StaffAccounts.SignInRefusal, StaffBrowser.Alert(await rightPasswordOfDisabled.Content.ReadAsStringAsync()));
        Assert.Equal(WithoutToken(await wrongPasswordOfEnabled.Content.ReadAsStringAsync()), WithoutToken(await rightPasswordOfDisabled.Content.ReadAsStringAsync()));
        Assert.Equal(CookieNames(wrongPasswordOfEnabled), CookieNames(rightPasswordOfDisabled));
    }

    [Fact]
    public async Task Sign_in_attempts_from_one_address_are_limited_and_the_refusal_says_when_to_try_again()
    {
        using var own = new BackOfficeFactory { Settings = { ["Portal:RateLimits:StaffSignInPermitLimit"] = "3", ["Portal:RateLimits:StaffSignInWindow"] = "00:10:00" } };
        var intake = await own.StaffAsync("卫受理", StaffRoles.Intake);
        using var stranger = From(own, "203.0.113.9");
        using var colleague = From(own, "198.51.100.4");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) statuses.Add((await stranger.PostAsync("/admin/login", null, Credentials(intake.UserName, $"guess-{i}"))).StatusCode);
        var refused = await stranger.PostAsync("/admin/login", null, Credentials(intake.UserName, BackOfficeFactory.StaffPassword));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var wait = refused.Headers.RetryAfter?.Delta ?? throw new Xunit.Sdk.XunitException("no Retry-After");
        Assert.InRange(wait, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains($"请 {(int)Math.Ceiling(wait.TotalMinutes)} 分钟后再试", page);
        Assert.False(refused.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(StaffSignIn.CookieName, StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Redirect, (await colleague.PostAsync("/admin/login", null, Credentials(intake.UserName, BackOfficeFactory.StaffPassword))).StatusCode);
    }

    [Fact]
    public async Task Behind_the_https_proxy_the_antiforgery_and_sign_in_cookies_are_secure()
    {
        var intake = await factory.StaffAsync("秦受理", StaffRoles.Intake);
        // The proxy speaks plain http to the host; a cookie jar would not send secure cookies back over it, so this client carries them by hand.
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var form = await client.GetAsync("/admin/login");
        var antiforgery = Assert.Single(form.Headers.GetValues("Set-Cookie"), c => c.StartsWith("portal-af=", StringComparison.Ordinal));
        var post = new HttpRequestMessage(HttpMethod.Post, "/admin/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>(Credentials(intake.UserName, BackOfficeFactory.StaffPassword))
            {
                ["af"] = Html.AntiforgeryToken(await form.Content.ReadAsStringAsync()),
            }),
        };
        post.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        var response = await client.SendAsync(post);

        Assert.Contains("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var signIn = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(StaffSignIn.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("; secure", signIn, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_new_password_set_by_the_administrator_signs_out_the_sessions_that_used_the_old_one()
    {
        var admin = await factory.SignInAsync(await factory.StaffAsync("王管理", StaffRoles.Admin));
        var intake = await factory.StaffAsync("冯受理", StaffRoles.Intake);
        var intakeBrowser = await factory.SignInAsync(intake);

        await admin.PostAndFollowAsync("/admin/staff", "update", new() { ["AccountId"] = intake.Id.ToString(), ["Roles"] = "Intake", ["Password"] = "a brand new passphrase" });

        Assert.Equal(HttpStatusCode.Redirect, (await intakeBrowser.GetAsync("/admin")).StatusCode);
        var again = await intakeBrowser.PostAsync("/admin/login", null, Credentials(intake.UserName, "a brand new passphrase"));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await intakeBrowser.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task Signing_out_is_a_post_and_ends_the_session()
    {
        var browser = await factory.SignInAsync(await factory.StaffAsync("陈受理", StaffRoles.Intake));
        var queue = await browser.PageAsync("/admin");
        Assert.Contains("退出", queue);

        var response = await browser.PostAsync("/admin/logout", null, []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(StaffSignIn.LoginPath, response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task A_session_stays_open_while_used_and_ends_after_thirty_idle_minutes()
    {
        using var own = new BackOfficeFactory();
        var browser = await own.SignInAsync(await own.StaffAsync("褚受理", StaffRoles.Intake));

        own.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin")).StatusCode);
        own.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin")).StatusCode);
        own.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/admin")).StatusCode);
    }

    private static StaffBrowser From(BackOfficeFactory factory, string address)
    {
        var browser = factory.Browser();
        browser.Client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return browser;
    }

    private static string WithoutToken(string html) => html.Replace(Html.AntiforgeryToken(html), "");

    private static string[] CookieNames(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.Select(c => c.Split('=')[0]).Order().ToArray() : [];
}
