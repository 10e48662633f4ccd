using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Core.Exhibition;
using Portal.Core.Staff;
using static Microsoft.Playwright.Assertions;

namespace Portal.Browser.Tests;

/// <summary>
/// The press office in Chromium: an officer writes an exhibit with a picture and sees the live preview, a second officer
/// approves it, a visitor on a phone sees it at once; the officer takes it down and it is gone.
/// </summary>
public class PressOfficeJourneyTests(SiteOnKestrel site) : IClassFixture<SiteOnKestrel>
{
    [ChromiumFact]
    public async Task An_officer_creates_an_exhibit_with_a_picture_a_reviewer_approves_it_a_visitor_sees_it_and_it_is_gone_when_taken_down()
    {
        // Halls are city-wide: the city office's press officers edit them.
        await site.CreateStaffAsync("xuanchuan1", "宣传干事小王", StaffRoles.Press, "4102");
        await site.CreateStaffAsync("xuanchuan2", "宣传科长老周", StaffRoles.Press, "4102");
        var hall = site.Services.GetRequiredService<IExhibitionContent>().Halls()[0];
        var title = "清风入户" + Guid.NewGuid().ToString("N")[..4];

        // The officer writes the exhibit and uploads its picture.
        var officer = await site.SignInAsync("xuanchuan1");
        await Expect(officer.Locator("h1")).ToHaveTextAsync("展厅与新闻");
        await officer.GetByRole(AriaRole.Link, new() { Name = $"在“{hall.Title}”里添加展品" }).ClickAsync();
        await officer.Locator("[name=Slug]").FillAsync("qingfeng-ruhu");
        await officer.Locator("[name='Fields.Title']").FillAsync(title);
        await officer.Locator("[name='Fields.Kind']").SelectOptionAsync("Image");
        await officer.Locator("[name='Fields.Caption']").FillAsync("村口的廉政宣传墙");
        await officer.Locator("[name='Fields.Body']").FillAsync("宣传墙上写着**清风入户**四个大字。<script>alert('x')</script>");
        await Expect(officer.Locator("#preview strong")).ToHaveTextAsync("清风入户");
        await Expect(officer.Locator("#preview script")).ToHaveCountAsync(0);
        await officer.Locator("[name=NewFile]").SetInputFilesAsync(new FilePayload { Name = "宣传墙.png", MimeType = "image/png", Buffer = Png() });
        await officer.Locator("[name=NewAlt]").FillAsync("写着清风入户的宣传墙");
        await officer.GetByRole(AriaRole.Button, new() { Name = "保存为草稿" }).ClickAsync();
        await Expect(officer.Locator(".facts-list")).ToContainTextAsync("草稿");
        await officer.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await Expect(officer.Locator(".facts-list")).ToContainTextAsync("待审核");
        var editor = officer.Url;

        // A second officer approves it.
        var reviewer = await site.SignInAsync("xuanchuan2");
        await reviewer.GetByRole(AriaRole.Link, new() { Name = title }).First.ClickAsync();
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "批准发布" }).ClickAsync();
        await Expect(reviewer.Locator(".facts-list")).ToContainTextAsync("已发布");

        // A visitor on a phone sees it at once, picture and all, at the end of the hall.
        var phone = await site.NewPhonePage();
        await phone.GotoAsync($"/exhibition/{hall.Slug}");
        await phone.GetByRole(AriaRole.Link, new() { Name = title }).TapAsync();
        await Expect(phone.Locator("h1")).ToHaveTextAsync(title);
        var picture = phone.GetByAltText("写着清风入户的宣传墙");
        await Expect(picture).ToBeVisibleAsync();
        Assert.True(await picture.EvaluateAsync<int>("img => img.naturalWidth") > 0, "the uploaded picture should load");
        Assert.DoesNotContain("<script", await phone.Locator(".transcript").InnerHTMLAsync());

        // The officer takes it down; the visitor's next look finds nothing.
        await officer.GotoAsync(editor);
        await officer.GetByRole(AriaRole.Button, new() { Name = "撤下" }).ClickAsync();
        await Expect(officer.Locator(".facts-list")).ToContainTextAsync("已撤下");
        var gone = await phone.ReloadAsync();
        Assert.Equal(404, gone!.Status);
        await phone.GotoAsync($"/exhibition/{hall.Slug}");
        await Expect(phone.GetByRole(AriaRole.Link, new() { Name = title })).ToHaveCountAsync(0);
    }

    /// <summary>A real 2×2 PNG.</summary>
    private static byte[] Png() => Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==");
}
