using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Database;
using Portal.Core.Privacy;
using Portal.Core.Staff;
using Portal.Core.Supervision;

namespace Portal.Web.Tests.Pages.Admin.Clues;

/// <summary>疑似线索台账 by office: 杞县's 监督 sees and works 杞县's clues and lists, 尉氏县's are 404 to them; the city's sees both.</summary>
public sealed class ClueOfficeScopeTests
{
    private const string WeishiVillage = "410223101201";

    [Fact]
    public async Task A_county_supervisor_sees_the_countys_clues_only_and_another_countys_clue_address_is_404_and_on_record()
    {
        using var factory = new BackOfficeFactory();
        var inQixian = await factory.AddClueAsync();
        var inWeishi = await factory.AddClueAsync(village: WeishiVillage);
        var qixianAccount = await factory.StaffAsync("杞监督", StaffRoles.Supervisor, office: "410221");
        var qixian = await factory.SignInAsync(qixianAccount);
        var city = await factory.SignInAsync(await factory.StaffAsync("汴监督", StaffRoles.Supervisor, office: "4102"));

        var qixianLedger = await qixian.PageAsync("/admin/clues");
        var filteredToWeishi = await qixian.PageAsync("/admin/clues?village=" + WeishiVillage);
        var guessed = await qixian.GetAsync(inWeishi.Page());
        var ownPage = await qixian.PageAsync(inQixian.Page());
        var actedOnGuess = await qixian.Client.PostAsync(inWeishi.Page() + "?handler=assign", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["af"] = Html.AntiforgeryToken(ownPage), ["Version"] = "0", ["AssigneeId"] = qixianAccount.Id.ToString(),
        }));
        var cityLedger = await city.PageAsync("/admin/clues");

        Assert.Contains("杞县纪委监委辖区内的线索", qixianLedger);
        Assert.Contains($"href=\"{inQixian.Page()}\"", qixianLedger);
        Assert.DoesNotContain($"href=\"{inWeishi.Page()}\"", qixianLedger);
        Assert.DoesNotContain("尉氏县", qixianLedger);
        Assert.DoesNotContain($"href=\"{inWeishi.Page()}\"", filteredToWeishi);
        Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, actedOnGuess.StatusCode);
        Assert.Equal((ClueState.Open, null), ((await factory.ClueAsync(inWeishi.Id)).State, (await factory.ClueAsync(inWeishi.Id)).AssigneeId));
        Assert.Contains($"href=\"{inQixian.Page()}\"", cityLedger);
        Assert.Contains($"href=\"{inWeishi.Page()}\"", cityLedger);
        Assert.Contains("尉氏县", cityLedger);
        Assert.Contains("开封市纪委监委：本平台全部线索", cityLedger);
        var tries = await factory.WithAsync(sp => sp.GetRequiredService<PortalDb>().AuditEntries.AsNoTracking()
            .Where(a => a.StaffId == qixianAccount.Id && a.Action.EndsWith("线索被拒")).Select(a => a.Action).ToListAsync());
        Assert.Contains("查看线索被拒", tries);
        Assert.Contains("办理线索被拒", tries);
    }

    [Fact]
    public async Task A_county_supervisor_imports_a_list_for_the_county_only_and_reads_only_the_lists_that_apply_to_it()
    {
        using var factory = new BackOfficeFactory();
        var qixian = await factory.SignInAsync(await factory.StaffAsync("杞监督", StaffRoles.Supervisor, office: "410221"));
        var city = await factory.SignInAsync(await factory.StaffAsync("汴监督", StaffRoles.Supervisor, office: "4102"));

        var form = await qixian.PageAsync(Page);
        var refused = await UploadAsync(qixian, "410223", "尉氏死亡名单.csv");
        var forAll = await UploadAsync(qixian, "", "全市死亡名单.csv");
        var cityDone = await UploadAsync(city, "410223", "尉氏死亡名单.csv");
        var qixianList = await qixian.PageAsync(Page);

        Assert.Contains("name=\"County\" value=\"410221\"", form);
        Assert.Contains("只能填杞县纪委监委辖区内的县", form);
        Assert.Equal("杞县纪委监委只能导入本辖区内县的名单，尉氏县（410223）不在本辖区。", StaffBrowser.Alert(refused));
        Assert.Equal("杞县纪委监委只能导入本辖区内县的名单，请填写县的 6 位区划代码，如 410221。", StaffBrowser.Alert(forAll));
        Assert.Contains("已导入尉氏县的死亡人员名单", WebUtility.HtmlDecode(cityDone));
        Assert.Equal(1, await factory.WithAsync(sp => sp.GetRequiredService<PortalDb>().ReferenceImports.CountAsync()));
        Assert.DoesNotContain("尉氏死亡名单.csv", qixianList);
        Assert.Contains("尉氏死亡名单.csv", await city.PageAsync(Page));
    }

    private const string Page = "/admin/clues/references";

    private static async Task<string> UploadAsync(StaffBrowser officer, string county, string name)
    {
        var body = "410223" + "19480101" + "001";
        var csv = new UTF8Encoding(true).GetBytes(string.Join("\r\n", "死亡人员名单", "姓名,公民身份号码,死亡日期", $"赵老汉,{body + IdNumber.CheckCharacter(body)},2026-03-15") + "\r\n");
        var file = new ByteArrayContent(csv);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Html.AntiforgeryToken(await officer.PageAsync(Page))), "af" },
            { new StringContent("Deceased"), "Kind" },
            { new StringContent(county), "County" },
            { file, "Upload", name },
        };
        var response = await officer.Client.PostAsync(Page, form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
