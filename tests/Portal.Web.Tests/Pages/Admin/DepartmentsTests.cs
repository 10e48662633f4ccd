using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Database;
using Portal.Core.Staff;

namespace Portal.Web.Tests.Pages.Admin;

/// <summary>An administrator adds a department in /admin and binds a 数据报送 clerk to it in 账号管理.</summary>
[Collection(BackOfficeCollection.Name)]
public class DepartmentsTests(BackOfficeFactory factory)
{
    [Fact]
    public async Task An_administrator_adds_a_department_and_binds_a_new_clerk_who_then_lands_on_the_upload_page()
    {
        var admin = await factory.SignInAsync(await factory.StaffAsync("许管理", StaffRoles.Admin));
        var name = "杞县民政局" + Guid.NewGuid().ToString("N")[..4];

        var list = await admin.PostAndFollowAsync("/admin/departments", null, [
            new("Name", name), new("Counties", "410221"), new("FundCodes", "rural-dibao"), new("FundCodes", "urban-dibao")]);

        Assert.Contains($"<b>{name}</b> · 可报送 杞县 的 农村低保、城市低保", list);
        var department = await factory.WithAsync(sp => sp.GetRequiredService<PortalDb>().Departments.SingleAsync(d => d.Name == name));
        var userName = "clerk." + Guid.NewGuid().ToString("N")[..8];
        var staff = await admin.PostAndFollowAsync("/admin/staff", "create", new()
        {
            ["UserName"] = userName, ["DisplayName"] = "李报送", ["Password"] = "a long first password", ["Roles"] = "Submitter", ["DepartmentId"] = department.Id.ToString(),
        });
        Assert.Contains($"<b>李报送</b> <span class=\"user\">{userName}</span> · 数据报送（{name}）", staff);
        var signIn = await factory.Browser().PostAsync("/admin/login", null, new() { ["userName"] = userName, ["password"] = "a long first password" });
        Assert.Equal("/admin/data", signIn.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_clerk_without_a_department_a_county_code_that_is_not_one_and_a_non_administrator_are_refused()
    {
        var admin = await factory.SignInAsync(await factory.StaffAsync("何管理", StaffRoles.Admin));
        var auditor = await factory.SignInAsync(await factory.StaffAsync("吕审计", StaffRoles.Auditor));

        var unbound = await admin.PostAsync("/admin/staff", "create", new()
        {
            ["UserName"] = "clerk." + Guid.NewGuid().ToString("N")[..8], ["DisplayName"] = "没部门", ["Password"] = "a long first password", ["Roles"] = "Submitter",
        });
        var badCounty = await admin.PostAsync("/admin/departments", null, new() { ["Name"] = "某某局", ["Counties"] = "4102", ["FundCodes"] = "rural-dibao" });

        Assert.Equal("数据报送账号须选择所属部门（部门由管理员在“报送部门”中添加）。", StaffBrowser.Alert(await unbound.Content.ReadAsStringAsync()));
        Assert.Equal("“4102”不是有效的县级区划代码（6 位，如 410221）。", StaffBrowser.Alert(await badCounty.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync("/admin/departments")).StatusCode);
    }
}
