using System.Text.RegularExpressions;
using Portal.Core.Staff;

namespace Portal.Web.Tests.Pages.Admin;

[Collection(BackOfficeCollection.Name)]
public partial class CalendarTests(BackOfficeFactory factory)
{
    private static List<string> Days(string html) =>
        Day().Matches(html).Select(m => $"{m.Groups[1].Value} {m.Groups[2].Value} {m.Groups[3].Value} {m.Groups[4].Value}").ToList();

    [Fact]
    public async Task In_December_the_queue_warns_that_next_years_holidays_are_missing_until_the_administrator_enters_them()
    {
        using var site = new BackOfficeFactory();
        site.Clock.SetChinaDate(new DateOnly(2026, 12, 7));
        var admin = await site.SignInAsync(await site.StaffAsync("日历管理员", StaffRoles.Admin | StaffRoles.Intake));
        const string warning = "工作日历里还没有 2027 年的节假日和调休";

        var before = await admin.PageAsync("/admin");
        await admin.PostAndFollowAsync("/admin/calendar?year=2027", "import", new() { ["Lines"] = "2027-01-01,false,元旦\r\n" });
        var after = await admin.PageAsync("/admin");

        Assert.Contains(warning, before);
        Assert.Contains("href=\"/admin/calendar?year=2027\"", before);
        Assert.DoesNotContain(warning, after);
    }

    [Fact]
    public async Task An_administrator_imports_a_years_holidays_sees_them_and_removes_one()
    {
        var admin = await factory.SignInAsync(await factory.StaffAsync("日历管理员", StaffRoles.Admin));

        var year = await admin.PostAndFollowAsync("/admin/calendar?year=2031", "import", new() { ["Lines"] = "2031-01-01,false,元旦\r\n2031-01-26,true,春节调休上班\r\n" });

        Assert.Equal(["2031-01-01 星期三 放假 元旦", "2031-01-26 星期日 上班 春节调休上班"], Days(year));
        var removed = await admin.PostAndFollowAsync("/admin/calendar?year=2031", "remove", new() { ["Date"] = "2031-01-26" });
        Assert.Equal(["2031-01-01 星期三 放假 元旦"], Days(removed));
    }

    [Fact]
    public async Task A_malformed_line_is_named_and_nothing_is_imported()
    {
        var admin = await factory.SignInAsync(await factory.StaffAsync("日历管理员乙", StaffRoles.Admin));

        var response = await admin.PostAsync("/admin/calendar?year=2032", "import", new() { ["Lines"] = "2032-01-01,false,元旦\n2032/02/11,休息,春节" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("第 2 行格式不对", html);
        Assert.Contains("2032/02/11,休息,春节", html);
        Assert.Empty(Days(html));
        Assert.Empty(Days(await admin.PageAsync("/admin/calendar?year=2032")));
    }

    [GeneratedRegex("<th scope=\"row\">([0-9-]{10})</th>\\s*<td>([^<]+)</td>\\s*<td>([^<]+)</td>\\s*<td>([^<]*)</td>")]
    private static partial Regex Day();
}
