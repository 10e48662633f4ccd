using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Exhibition;
using Portal.Core.Staff;
using Portal.Tests;

namespace Portal.Web.Tests.Pages.Admin;

/// <summary>The press office at /admin/exhibition: writing, uploading, review by a second person, publishing that the public sees at once.</summary>
[Collection(BackOfficeCollection.Name)]
public sealed partial class ExhibitionEditingTests(BackOfficeFactory site)
{
    private const string Hall = "honest-officials";
    private const string OtherHall = "integrity-rules";

    /// <summary>The exhibition is city-wide: its press officers are the city office's.</summary>
    private const string City = "4102";

    private async Task<(StaffBrowser Officer, StaffBrowser Reviewer)> PressOfficeAsync() =>
        (await site.SignInAsync(await site.StaffAsync("宣传干事", StaffRoles.Press, City)), await site.SignInAsync(await site.StaffAsync("宣传科长", StaffRoles.Press, City)));

    /// <summary>Posts the editor's form as a browser does: multipart, with the antiforgery field the page gave.</summary>
    private static async Task<HttpResponseMessage> PostEditorAsync(StaffBrowser browser, string page, string handler, Dictionary<string, string> fields, (string Field, string Name, byte[] Bytes)? file = null)
    {
        var html = await browser.PageAsync(page);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(Html.AntiforgeryToken(html)), "af");
        foreach (var (key, value) in fields) form.Add(new StringContent(value), key);
        if (file is { } upload)
        {
            var content = new ByteArrayContent(upload.Bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, upload.Field, upload.Name);
        }
        return await browser.Client.PostAsync(page + (page.Contains('?') ? "&" : "?") + "handler=" + handler, form);
    }

    /// <summary>The page's text as a person reads it.</summary>
    private static string Shown(string html) => WebUtility.HtmlDecode(html);

    private static string Revision(string html) => RevisionField().Match(html).Groups[1].Value;

    private async Task<string> CreateExhibitAsync(StaffBrowser officer, string slug, string title, (string, string, byte[])? picture = null)
    {
        var response = await PostEditorAsync(officer, $"/admin/exhibition/edit?kind=exhibit&hall={Hall}", "save", new()
        {
            ["Slug"] = slug, ["Fields.Title"] = title, ["Fields.Kind"] = picture is null ? "Text" : "Image", ["Order"] = "90",
            ["Fields.Caption"] = "测试说明", ["Fields.Body"] = "这是**文字稿**。", ["NewAlt"] = "一幅测试图片", ["Revision"] = "0",
        }, picture);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, Shown(await response.Content.ReadAsStringAsync()));
        return response.Headers.Location!.OriginalString;
    }

    private static async Task StepAsync(StaffBrowser browser, string page, string handler, Dictionary<string, string>? fields = null)
    {
        var html = await browser.PageAsync(page);
        var all = new Dictionary<string, string>(fields ?? []) { ["Revision"] = Revision(html) };
        var response = await browser.PostAsync(page, handler, all);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{handler}: {Shown(await response.Content.ReadAsStringAsync())}");
    }

    [Fact]
    public async Task An_exhibit_with_a_picture_is_public_the_moment_a_second_officer_approves_it_and_gone_the_moment_it_is_taken_down()
    {
        var (officer, reviewer) = await PressOfficeAsync();
        var visitor = site.CreateClient();
        // Both halls' pages are in the output cache before anything is published.
        await Html.Get(visitor, $"/exhibition/{Hall}");
        await Html.Get(visitor, $"/exhibition/{OtherHall}");

        var page = await CreateExhibitAsync(officer, "test-picture", "测试图片展品", ("NewFile", "漫画.png", await File.ReadAllBytesAsync(ExhibitionSample.Fixture("panel.png"))));
        await StepAsync(officer, page, "submit");
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/exhibition/{Hall}/test-picture")).StatusCode);
        site.EvictedTags.Clear();

        await StepAsync(reviewer, page, "approve");

        Assert.Equal(new[] { ExhibitionCacheTags.Hall(Hall), ExhibitionCacheTags.HallList }.Order(), site.EvictedTags.Order());
        var hall = await Html.Get(visitor, $"/exhibition/{Hall}");
        Assert.Contains("测试图片展品", hall);
        var other = await visitor.GetAsync($"/exhibition/{OtherHall}");
        Assert.True(other.Headers.Age is not null, "the other hall's page should still come from the cache");
        var exhibit = await Html.Get(visitor, $"/exhibition/{Hall}/test-picture");
        var image = ImageSource().Match(exhibit).Groups[1].Value;
        Assert.StartsWith("/media/exhibition/uploads/", image);
        var picture = await visitor.GetAsync(image);
        Assert.Equal(("image/png", "nosniff"), (picture.Content.Headers.ContentType?.MediaType, picture.Headers.GetValues("X-Content-Type-Options").Single()));
        Assert.Equal(await File.ReadAllBytesAsync(ExhibitionSample.Fixture("panel.png")), await picture.Content.ReadAsByteArrayAsync());
        Assert.Contains("width=\"64\" height=\"48\"", exhibit);

        await StepAsync(officer, page, "unpublish");

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/exhibition/{Hall}/test-picture")).StatusCode);
        Assert.DoesNotContain("测试图片展品", await Html.Get(visitor, $"/exhibition/{Hall}"));
        Assert.Contains("已撤下", await officer.PageAsync(page));
    }

    [Fact]
    public async Task A_typical_case_notice_is_in_the_news_list_and_the_feed_the_moment_it_is_approved()
    {
        var (officer, reviewer) = await PressOfficeAsync();
        var visitor = site.CreateClient();
        await Html.Get(visitor, "/news");
        await visitor.GetStringAsync("/news/feed.atom");

        var response = await PostEditorAsync(officer, "/admin/exhibition/edit?kind=article", "save", new()
        {
            ["Slug"] = "case-notice", ["Fields.Date"] = "2026-11-20", ["Fields.Title"] = "关于三起侵害群众利益问题的通报",
            ["Fields.Summary"] = "通报三起典型问题", ["Fields.Category"] = NewsCategories.TypicalCase, ["Fields.Body"] = "一、某村会计挪用低保金问题。", ["Revision"] = "0",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, Shown(await response.Content.ReadAsStringAsync()));
        var page = response.Headers.Location!.OriginalString;
        await StepAsync(officer, page, "submit");
        await StepAsync(reviewer, page, "approve");

        Assert.Contains("关于三起侵害群众利益问题的通报", await Html.Get(visitor, "/news"));
        Assert.Contains("关于三起侵害群众利益问题的通报", await visitor.GetStringAsync("/news/feed.atom"));
        Assert.Contains("一、某村会计挪用低保金问题。", await Html.Get(visitor, "/news/2026-11-20-case-notice"));
    }

    [Fact]
    public async Task A_new_hall_joins_the_hall_list_once_approved_and_its_address_cannot_be_taken_twice()
    {
        var (officer, reviewer) = await PressOfficeAsync();
        var visitor = site.CreateClient();
        var fields = new Dictionary<string, string>
        {
            ["Slug"] = "family-ethos", ["Order"] = "9", ["Fields.Title"] = "家风家教厅", ["Fields.Summary"] = "好家风是廉洁的第一道防线", ["Fields.Body"] = "本厅介绍家风家教。", ["Revision"] = "0",
        };

        var response = await PostEditorAsync(officer, "/admin/exhibition/edit?kind=hall", "save", fields);
        var page = response.Headers.Location!.OriginalString;
        await StepAsync(officer, page, "submit");
        await StepAsync(reviewer, page, "approve");
        var again = await PostEditorAsync(officer, "/admin/exhibition/edit?kind=hall", "save", fields);

        Assert.Contains("家风家教厅", await Html.Get(visitor, "/exhibition"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("已有网址为“family-ethos”的展厅", Shown(await again.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task An_officer_cannot_approve_their_own_exhibit()
    {
        var (officer, _) = await PressOfficeAsync();
        var page = await CreateExhibitAsync(officer, "own-approval", "自己批准");
        await StepAsync(officer, page, "submit");

        var html = await officer.PageAsync(page);
        var response = await officer.PostAsync(page, "approve", new() { ["Revision"] = Revision(html) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("另一位宣传人员", Shown(await response.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateClient().GetAsync($"/exhibition/{Hall}/own-approval")).StatusCode);
    }

    [Fact]
    public async Task A_scheduled_exhibit_appears_by_itself_when_its_time_comes()
    {
        var (officer, reviewer) = await PressOfficeAsync();
        var page = await CreateExhibitAsync(officer, "scheduled", "定时展品");
        await StepAsync(officer, page, "submit");
        var inAnHour = Core.Reports.ChinaTime.Local(site.Clock.GetUtcNow().UtcDateTime.AddHours(1));

        await StepAsync(reviewer, page, "approve", new() { ["PublishAt"] = inAnHour.ToString("yyyy-MM-ddTHH:mm") });

        Assert.Contains("定时发布", await reviewer.PageAsync(page));
        var visitor = site.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/exhibition/{Hall}/scheduled")).StatusCode);

        site.Clock.Advance(TimeSpan.FromMinutes(61));

        // The host's own refresher publishes it; the test only waits for it (every 0.2 s here, 5 s by default).
        var published = await Eventually.HoldsAsync(async () => (await visitor.GetAsync($"/exhibition/{Hall}/scheduled")).StatusCode == HttpStatusCode.OK);
        site.Clock.Advance(TimeSpan.FromMinutes(-61));
        Assert.True(published, "the scheduled exhibit was not published when its time came");
        Assert.Contains("已发布", await officer.PageAsync(page));
    }

    [Theory]
    [InlineData("picture.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", "SVG")]
    [InlineData("photo.png", "this is not a picture at all", "不是可用的格式")]
    public async Task An_upload_that_is_not_a_safe_picture_is_refused_in_Chinese_and_nothing_is_saved(string name, string text, string expected)
    {
        var (officer, _) = await PressOfficeAsync();
        var response = await PostEditorAsync(officer, $"/admin/exhibition/edit?kind=exhibit&hall={Hall}", "save", new()
        {
            ["Slug"] = "bad-upload-" + name[..3], ["Fields.Title"] = "坏图片", ["Fields.Kind"] = "Image", ["NewAlt"] = "说明", ["Revision"] = "0",
        }, ("NewFile", name, System.Text.Encoding.UTF8.GetBytes(text)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, Shown(await response.Content.ReadAsStringAsync()));
        var rows = await site.WithAsync(sp => sp.GetRequiredService<ExhibitionPublishing>().OverviewAsync(new StaffActor(Guid.Empty, "测试", StaffRoles.Press, City)));
        Assert.DoesNotContain(rows, r => r.Item.Key == $"{Hall}/bad-upload-{name[..3]}");
    }

    [Fact]
    public async Task A_picture_over_the_size_limit_is_refused_with_the_limit()
    {
        var (officer, _) = await PressOfficeAsync();
        var big = new byte[MediaUpload.MaxImageBytes + 1];
        (await File.ReadAllBytesAsync(ExhibitionSample.Fixture("panel.png"))).CopyTo(big, 0);

        var response = await PostEditorAsync(officer, $"/admin/exhibition/edit?kind=exhibit&hall={Hall}", "save", new()
        {
            ["Slug"] = "too-big", ["Fields.Title"] = "大图", ["Fields.Kind"] = "Image", ["NewAlt"] = "说明", ["Revision"] = "0",
        }, ("NewFile", "big.png", big));

        Assert.Contains("5 MB", Shown(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_live_preview_shows_the_markdown_as_the_public_will_see_it_without_script()
    {
        var (officer, _) = await PressOfficeAsync();

        var response = await officer.PostAsync($"/admin/exhibition/edit?kind=article", "render", new()
        {
            ["Fields.Body"] = ExhibitionSample.HostileMarkdown,
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("<table>", html);
        Assert.Contains("八项规定", html);
        Assert.All(ExhibitionSample.HostileParts, part => Assert.DoesNotContain(part, html));
    }

    [Fact]
    public async Task Staff_without_the_press_role_cannot_open_the_editor()
    {
        var handler = await site.SignInAsync(await site.StaffAsync("承办人", StaffRoles.Handler));

        Assert.Equal(HttpStatusCode.Forbidden, (await handler.GetAsync("/admin/exhibition")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await handler.GetAsync("/admin/exhibition/edit?kind=hall")).StatusCode);
    }

    [GeneratedRegex("name=\"Revision\" value=\"(\\d+)\"")]
    private static partial Regex RevisionField();

    [GeneratedRegex("src=\"(/media/exhibition/uploads/[^\"]+)\"")]
    private static partial Regex ImageSource();
}
