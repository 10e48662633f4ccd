using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Exhibition;
using Portal.Core.Staff;

namespace Portal.Web.Tests.Pages.Admin;

/// <summary>A county office's press officers write news for their county: listed under it and on /news, never for another office.</summary>
[Collection(BackOfficeCollection.Name)]
public sealed partial class CountyNewsTests(BackOfficeFactory site)
{
    private const string Qixian = "410221";
    private const string Weishi = "410223";
    private const string City = "4102";
    private const string NewArticle = "/admin/exhibition/edit?kind=article";

    private async Task<StaffBrowser> PressAsync(string office) => await site.SignInAsync(await site.StaffAsync("宣传干事", StaffRoles.Press, office));

    private static Dictionary<string, string> Article(string slug, string title, string office) => new()
    {
        ["Slug"] = slug, ["Fields.Date"] = "2026-12-02", ["Fields.Title"] = title, ["Fields.Summary"] = title + "的摘要",
        ["Fields.Category"] = NewsCategories.News, ["Fields.Office"] = office, ["Fields.Body"] = "县纪委监委召开会议。", ["Revision"] = "0",
    };

    private static async Task StepAsync(StaffBrowser browser, string page, string handler)
    {
        var revision = RevisionField().Match(await browser.PageAsync(page)).Groups[1].Value;
        var response = await browser.PostAsync(page, handler, new Dictionary<string, string> { ["Revision"] = revision });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{handler}: {StaffBrowser.Alert(await response.Content.ReadAsStringAsync())}");
    }

    [Fact]
    public async Task A_county_officers_news_is_listed_under_the_county_and_on_the_news_page_naming_the_county()
    {
        var officer = await PressAsync(Qixian);
        var reviewer = await PressAsync(Qixian);
        var visitor = site.CreateClient();

        var editor = await officer.PageAsync(NewArticle);
        Assert.Equal([(Qixian, "杞县纪委监委")], OfficeChoices(editor));
        var saved = await officer.PostAsync(NewArticle, "save", Article("qixian-meeting", "杞县召开警示教育大会", Qixian));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = saved.Headers.Location!.OriginalString;
        await StepAsync(officer, page, "submit");
        await StepAsync(reviewer, page, "approve");

        var county = WebUtility.HtmlDecode(await Html.Get(visitor, "/news?office=" + Qixian));
        Assert.Contains("杞县召开警示教育大会", county);
        Assert.Contains("<h1>杞县纪委监委新闻发布</h1>", county);
        Assert.DoesNotContain("杞县召开警示教育大会", WebUtility.HtmlDecode(await Html.Get(visitor, "/news?office=" + Weishi)));
        var all = WebUtility.HtmlDecode(await Html.Get(visitor, "/news"));
        Assert.Matches("杞县召开警示教育大会</a></h2>\\s*<p class=\"meta\">.*<span class=\"office\">杞县纪委监委</span>", all);
        var article = WebUtility.HtmlDecode(await Html.Get(visitor, "/news/2026-12-02-qixian-meeting"));
        Assert.Contains("<span class=\"office\">杞县纪委监委</span>", article);
        Assert.Contains("<name>杞县纪委监委</name>", await visitor.GetStringAsync("/news/feed.atom"));
        Assert.Contains("杞县纪委监委 · 2026-12-02-qixian-meeting", WebUtility.HtmlDecode(await officer.PageAsync("/admin/exhibition")));
    }

    [Theory]
    [InlineData(Weishi, "不能为尉氏县纪委监委")]
    [InlineData(City, "不能为开封市纪委监委")]
    public async Task A_county_officer_cannot_write_for_another_county_or_the_city_and_nothing_is_stored(string office, string refusal)
    {
        var officer = await PressAsync(Qixian);
        var slug = "not-ours-" + office;

        var response = await officer.PostAsync(NewArticle, "save", Article(slug, "越权的新闻", office));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(refusal, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        var rows = await site.WithAsync(sp => sp.GetRequiredService<ExhibitionPublishing>().OverviewAsync(new StaffActor(Guid.Empty, "测试", StaffRoles.Press, City)));
        Assert.DoesNotContain(rows, r => r.Item.Key.EndsWith(slug, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_countys_officer_cannot_open_or_approve_a_countys_news_and_a_county_edits_no_halls()
    {
        var officer = await PressAsync(Qixian);
        var weishi = await PressAsync(Weishi);
        var saved = await officer.PostAsync(NewArticle, "save", Article("qixian-draft", "杞县的草稿", Qixian));
        var page = saved.Headers.Location!.OriginalString;
        await StepAsync(officer, page, "submit");

        var opened = await weishi.GetAsync(page);
        Assert.Equal(HttpStatusCode.Forbidden, opened.StatusCode);
        Assert.Contains("不能为杞县纪委监委", WebUtility.HtmlDecode(await opened.Content.ReadAsStringAsync()));
        Assert.DoesNotContain("杞县的草稿", WebUtility.HtmlDecode(await weishi.PageAsync("/admin/exhibition")));

        var list = WebUtility.HtmlDecode(await officer.PageAsync("/admin/exhibition"));
        Assert.DoesNotContain("新建展厅", list);
        Assert.DoesNotContain("<h2>展厅</h2>", list);
        var hall = await officer.GetAsync("/admin/exhibition/edit?kind=hall");
        Assert.Equal(HttpStatusCode.Forbidden, hall.StatusCode);
        Assert.Contains("由开封市纪委监委的宣传人员编辑和发布", WebUtility.HtmlDecode(await hall.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_city_officers_choice_is_the_city_first_then_every_county()
    {
        var city = await PressAsync(City);

        var choices = OfficeChoices(await city.PageAsync(NewArticle));

        Assert.Equal((City, "开封市纪委监委"), choices[0]);
        Assert.Contains((Qixian, "杞县纪委监委"), choices);
        Assert.Contains((Weishi, "尉氏县纪委监委"), choices);
        Assert.Contains($"<option value=\"{City}\" selected=\"selected\">", await city.PageAsync(NewArticle));
    }

    private static List<(string Code, string Name)> OfficeChoices(string html)
    {
        var select = OfficeSelect().Match(html);
        Assert.True(select.Success, "the editor has no office choice");
        return OfficeOption().Matches(select.Value).Select(m => (m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value))).ToList();
    }

    [GeneratedRegex("name=\"Revision\" value=\"(\\d+)\"")]
    private static partial Regex RevisionField();

    [GeneratedRegex("<select name=\"Fields.Office\">.*?</select>", RegexOptions.Singleline)]
    private static partial Regex OfficeSelect();

    [GeneratedRegex("<option value=\"([^\"]+)\"[^>]*>([^<]+)</option>")]
    private static partial Regex OfficeOption();
}
