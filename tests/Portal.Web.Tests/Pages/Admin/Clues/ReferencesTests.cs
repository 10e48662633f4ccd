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

/// <summary>/admin/clues/references: a 监督 officer uploads a reference list; a bad file is refused in Chinese and the list it would have replaced stays whole.</summary>
public sealed class ReferencesTests(BackOfficeFactory factory) : IClassFixture<BackOfficeFactory>
{
    private const string Page = "/admin/clues/references";

    private static string Id(int sequence)
    {
        var body = "410221" + "19480101" + sequence.ToString("D3");
        return body + IdNumber.CheckCharacter(body);
    }

    private static byte[] Csv(string header, params string[] rows) =>
        new UTF8Encoding(true).GetBytes(string.Join("\r\n", ["杞县死亡人员名单", header, .. rows]) + "\r\n");

    private static async Task<string> UploadAsync(StaffBrowser officer, string kind, string county, string name, byte[] bytes)
    {
        var html = await officer.PageAsync(Page);
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Html.AntiforgeryToken(html)), "af" },
            { new StringContent(kind), "Kind" },
            { new StringContent(county), "County" },
            { file, "Upload", name },
        };
        var response = await officer.Client.PostAsync(Page, form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private Task<List<ReferenceEntry>> EntriesAsync() =>
        factory.WithAsync(sp => sp.GetRequiredService<PortalDb>().ReferenceEntries.AsNoTracking().Where(e => e.Kind == ReferenceKind.Deceased && e.CountyCode == "410221").ToListAsync());

    [Fact]
    public async Task A_supervision_officer_uploads_a_list_and_a_bad_file_afterwards_gets_a_Chinese_error_and_leaves_the_list_whole()
    {
        var officer = await factory.SignInAsync(await factory.StaffAsync("纪检监督员", StaffRoles.Supervisor));

        var done = await UploadAsync(officer, "Deceased", "410221", "死亡名单.csv", Csv("姓名,公民身份号码,死亡日期", $"赵老汉,{Id(1)},2026-03-15", $"钱老太,{Id(2)},2026-04-01", $"孙某,{Id(3)[..17]},2026-04-01"));

        Assert.Contains("已导入杞县的死亡人员名单：读取 3 行，保留 2 条，退回 1 行。", StaffBrowser.Alert(done) ?? WebUtility.HtmlDecode(done));
        Assert.Contains(IdNumber.Mask(Id(3)[..17]), WebUtility.HtmlDecode(done));
        Assert.DoesNotContain(Id(1), done);
        Assert.Equal(2, (await EntriesAsync()).Count);

        var refused = await UploadAsync(officer, "Deceased", "410221", "错表.csv", Csv("姓名,身份证号,户籍地", $"李某,{Id(4)},杞县"));

        Assert.Equal("错表.csv：第 2 行的表头缺少“死亡日期”列，死亡人员名单必须有这些列。", StaffBrowser.Alert(refused));
        Assert.Equal(2, (await EntriesAsync()).Count);
        Assert.Contains("死亡名单.csv", refused);
        var audit = await factory.WithAsync(sp => sp.GetRequiredService<PortalDb>().AuditEntries.AsNoTracking().Where(a => a.Action == "导入比对名单").ToListAsync());
        Assert.Contains(audit, a => a.StaffName == "纪检监督员" && a.Detail!.Contains("死亡名单.csv：读取 3 行，保留 2 条，退回 1 行"));
    }

    [Theory]
    [InlineData(StaffRoles.Intake), InlineData(StaffRoles.Admin), InlineData(StaffRoles.Press)]
    public async Task Staff_without_the_supervision_role_get_403_for_the_page_and_the_upload(StaffRoles role)
    {
        var browser = await factory.SignInAsync(await factory.StaffAsync("其他职员", role));

        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync(Page)).StatusCode);
        using var form = new MultipartFormDataContent { { new StringContent("Deceased"), "Kind" } };
        Assert.NotEqual(HttpStatusCode.OK, (await browser.Client.PostAsync(Page, form)).StatusCode);
    }
}
