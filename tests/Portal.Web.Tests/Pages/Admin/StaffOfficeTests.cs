using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Database;
using Portal.Core.Staff;

namespace Portal.Web.Tests.Pages.Admin;

/// <summary>账号管理 by office: 开封市's administrator manages every county's accounts; 杞县's manages 杞县's and never sees the city's.</summary>
public sealed class StaffOfficeTests
{
    [Fact]
    public async Task A_county_administrator_sees_only_the_county_accounts_and_a_post_about_a_city_account_is_404_and_on_record()
    {
        using var factory = new BackOfficeFactory();
        var cityClerk = await factory.StaffAsync("汴受理", StaffRoles.Intake, office: "4102");
        var weishiClerk = await factory.StaffAsync("尉受理", StaffRoles.Intake, office: "410223");
        var qixianClerk = await factory.StaffAsync("杞受理", StaffRoles.Intake, office: "410221");
        var adminAccount = await factory.StaffAsync("杞管理", StaffRoles.Admin, office: "410221");
        var admin = await factory.SignInAsync(adminAccount);

        var list = await admin.PageAsync("/admin/staff");
        var onCity = await admin.PostAsync("/admin/staff", "update", new() { ["AccountId"] = cityClerk.Id.ToString(), ["Roles"] = "Intake", ["Disabled"] = "true" });

        Assert.Contains($"<span class=\"user\">{qixianClerk.UserName}</span>", list);
        Assert.DoesNotContain(cityClerk.UserName, list);
        Assert.DoesNotContain(weishiClerk.UserName, list);
        Assert.Equal(HttpStatusCode.NotFound, onCity.StatusCode);
        Assert.False(await factory.WithAsync(sp => sp.GetRequiredService<PortalDb>().StaffAccounts.Where(a => a.Id == cityClerk.Id).Select(a => a.Disabled).SingleAsync()));
        var refusals = await factory.WithAsync(sp => sp.GetRequiredService<PortalDb>().AuditEntries
            .Where(a => a.StaffId == adminAccount.Id && a.Action == "修改账号被拒").Select(a => a.Detail!).ToListAsync());
        Assert.Contains(refusals, d => d.Contains(cityClerk.Id.ToString()));
    }

    [Fact]
    public async Task The_city_administrator_moves_a_county_account_to_another_county_and_a_county_administrator_cannot_move_one_up()
    {
        using var factory = new BackOfficeFactory();
        var clerk = await factory.StaffAsync("杞受理", StaffRoles.Intake, office: "410221");
        var countyClerk = await factory.StaffAsync("杞承办", StaffRoles.Handler, office: "410221");
        var cityAdmin = await factory.StaffAsync("汴管理", StaffRoles.Admin, office: "4102");
        var city = await factory.SignInAsync(cityAdmin);
        var county = await factory.SignInAsync(await factory.StaffAsync("杞管理", StaffRoles.Admin, office: "410221"));

        var cityList = await city.PageAsync("/admin/staff");
        var moved = await city.PostAndFollowAsync("/admin/staff", "update", new() { ["AccountId"] = clerk.Id.ToString(), ["Roles"] = "Intake", ["OfficeCode"] = "410223" });
        var countyList = await county.PageAsync("/admin/staff");
        var up = await county.PostAsync("/admin/staff", "update", new() { ["AccountId"] = countyClerk.Id.ToString(), ["Roles"] = "Handler", ["OfficeCode"] = "4102" });
        var refused = await up.Content.ReadAsStringAsync();

        Assert.Contains($"<span class=\"user\">{clerk.UserName}</span> · 受理员 · 杞县纪委监委", cityList);
        Assert.Contains($"<span class=\"user\">{clerk.UserName}</span> · 受理员 · 尉氏县纪委监委", moved);
        Assert.DoesNotContain(clerk.UserName, countyList);
        Assert.Equal("只能把账号调到本机关或下级机关。", StaffBrowser.Alert(refused));
        Assert.DoesNotContain("<option value=\"4102\"", refused);
        Assert.Equal("410221", await factory.WithAsync(sp => sp.GetRequiredService<PortalDb>().StaffAccounts.Where(a => a.Id == countyClerk.Id).Select(a => a.OfficeCode).SingleAsync()));
        var moves = await factory.WithAsync(sp => sp.GetRequiredService<PortalDb>().AuditEntries
            .Where(a => a.StaffId == cityAdmin.Id && a.Action == "修改账号").Select(a => a.Detail!).ToListAsync());
        Assert.Contains(moves, d => d.EndsWith("机关 杞县纪委监委 → 尉氏县纪委监委"));
    }

    [Fact]
    public async Task An_account_of_an_office_taken_out_of_the_configuration_shows_it_to_the_city_administrator_and_keeps_it_when_saved()
    {
        using var factory = new BackOfficeFactory();
        var orphan = await factory.StaffAsync("旧机关受理", StaffRoles.Intake, office: "410221");
        await factory.WithAsync(sp => sp.GetRequiredService<PortalDb>().StaffAccounts.Where(a => a.Id == orphan.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.OfficeCode, "410299")));
        var city = await factory.SignInAsync(await factory.StaffAsync("汴管理", StaffRoles.Admin, office: "4102"));

        var list = await city.PageAsync("/admin/staff");
        var saved = await city.PostAndFollowAsync("/admin/staff", "update", new() { ["AccountId"] = orphan.Id.ToString(), ["Roles"] = "Intake", ["OfficeCode"] = "410299", ["Disabled"] = "true" });

        Assert.Contains("<option value=\"410299\" selected>410299（已不在受理机关配置中）</option>", list);
        Assert.Contains($"<span class=\"user\">{orphan.UserName}</span>", saved);
        Assert.Equal(("410299", true), await factory.WithAsync(sp => sp.GetRequiredService<PortalDb>().StaffAccounts.Where(a => a.Id == orphan.Id).Select(a => new ValueTuple<string, bool>(a.OfficeCode, a.Disabled)).SingleAsync()));
    }
}
