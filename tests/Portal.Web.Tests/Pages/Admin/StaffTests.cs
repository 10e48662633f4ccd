using System.Net;
using Portal.Core.Staff;

namespace Portal.Web.Tests.Pages.Admin;

[Collection(BackOfficeCollection.Name)]
public class StaffTests(BackOfficeFactory factory)
{
    [Fact]
    public async Task An_administrator_adds_an_account_that_can_then_sign_in_with_its_roles()
    {
        var admin = await factory.SignInAsync(await factory.StaffAsync("褚管理", StaffRoles.Admin));
        var userName = "handler." + Guid.NewGuid().ToString("N")[..8];

        var list = await admin.PostAndFollowAsync("/admin/staff", "create", new()
        {
            ["UserName"] = userName, ["DisplayName"] = "新来的承办人", ["Password"] = "a long first password", ["Roles"] = "Handler",
        });

        Assert.Contains($"<b>新来的承办人</b> <span class=\"user\">{userName}</span> · 承办人", list);
        var signIn = await factory.Browser().PostAsync("/admin/login", null, new() { ["userName"] = userName, ["password"] = "a long first password" });
        Assert.Equal("/admin", signIn.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Cores_refusal_is_shown_nothing_is_added_and_the_password_is_not_written_back()
    {
        var admin = await factory.SignInAsync(await factory.StaffAsync("卫管理", StaffRoles.Admin));
        var userName = "short." + Guid.NewGuid().ToString("N")[..8];

        var response = await admin.PostAsync("/admin/staff", "create", new()
        {
            ["UserName"] = userName, ["DisplayName"] = "密码太短", ["Password"] = "tiny-pw1", ["Roles"] = "Intake",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(StaffAccounts.PasswordProblem("tiny-pw1"), StaffBrowser.Alert(html));
        Assert.DoesNotContain("tiny-pw1", html);
        Assert.Contains($"value=\"{userName}\"", html);
        Assert.Contains("<input type=\"checkbox\" name=\"Roles\" value=\"Intake\" checked=\"checked\"> 受理员", html);
        Assert.DoesNotContain($"<span class=\"user\">{userName}</span>", await admin.PageAsync("/admin/staff"));
    }

    [Fact]
    public async Task An_administrator_cannot_disable_their_own_account()
    {
        var account = await factory.StaffAsync("蒋管理", StaffRoles.Admin);
        var admin = await factory.SignInAsync(account);

        var response = await admin.PostAsync("/admin/staff", "update", new() { ["AccountId"] = account.Id.ToString(), ["Roles"] = "Admin", ["Disabled"] = "true" });

        Assert.Contains("不能停用自己", StaffBrowser.Alert(await response.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/staff")).StatusCode);
    }

    [Fact]
    public async Task A_new_role_applies_from_the_next_sign_in()
    {
        var admin = await factory.SignInAsync(await factory.StaffAsync("沈管理", StaffRoles.Admin));
        var member = await factory.StaffAsync("韩受理", StaffRoles.Intake);
        var before = await factory.SignInAsync(member);
        Assert.Equal(HttpStatusCode.Forbidden, (await before.GetAsync("/admin/audit")).StatusCode);

        var list = await admin.PostAndFollowAsync("/admin/staff", "update", [new("AccountId", member.Id.ToString()), new("Roles", "Intake"), new("Roles", "Auditor")]);

        Assert.Contains("<span class=\"user\">" + member.UserName + "</span> · 受理员、审计", list);
        Assert.Equal(HttpStatusCode.Redirect, (await before.GetAsync("/admin/audit")).StatusCode);
        var after = await factory.SignInAsync(member);
        Assert.Equal(HttpStatusCode.OK, (await after.GetAsync("/admin/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await after.GetAsync("/admin")).StatusCode);
    }
}
