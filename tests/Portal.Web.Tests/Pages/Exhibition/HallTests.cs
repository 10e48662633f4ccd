using System.Net;
using System.Text.RegularExpressions;
using Portal.Tests;
using static Portal.Web.Tests.Pages.Exhibition.ExhibitionHtml;

namespace Portal.Web.Tests.Pages.Exhibition;

[Collection(ExhibitionCollection.Name)]
public class HallTests(ExhibitionSite site)
{
    private readonly HttpClient _client = site.CreateClient();

    [Fact]
    public async Task A_hall_page_introduces_the_hall_and_lists_its_exhibits_numbered_in_order_with_their_kind()
    {
        var html = await Html.Get(_client, "/exhibition/qingguan");

        Assert.Equal("清官故事厅", H1(html));
        Assert.Contains("<strong>请按顺序参观。</strong>", html); // the introduction's Markdown
        var list = Between(html, "<ol class=\"exhibits\">", "</ol>");
        var exhibits = Regex.Matches(list, "<a href=\"/exhibition/qingguan/([^\"]+)\">\\s*<span class=\"no\">(\\d+)</span>.*?<b>([^<]+)</b><small class=\"kind\">([^<]+)</small>", RegexOptions.Singleline)
            .Select(m => (m.Groups[1].Value, int.Parse(m.Groups[2].Value), m.Groups[3].Value, m.Groups[4].Value)).ToList();
        Assert.Equal(
        [
            ("kaifeng", 1, "开封府的公堂", "图片"),
            ("liangxiu", 2, "两袖清风", "连环画"),
            ("guide", 3, "海瑞的故事", "语音讲解"),
            ("film", 4, "清官的一天", "视频"),
            ("words", 5, "清官名言", "文字"),
        ], exhibits);
        Assert.Contains("展品（共 5 件）", html);
    }

    [Fact]
    public async Task Start_the_visit_opens_the_first_exhibit()
    {
        var html = await Html.Get(_client, "/exhibition/jilv");

        Assert.Equal("/exhibition/jilv/rules", Html.Link(html, "开始参观"));
        Assert.Contains("<h1>八项规定</h1>", await Html.Get(_client, Html.Link(html, "开始参观")));
    }

    [Fact]
    public async Task Exhibits_with_pictures_show_a_small_lazy_thumbnail_and_the_others_a_mark_for_their_kind()
    {
        var list = Between(await Html.Get(_client, "/exhibition/qingguan"), "<ol class=\"exhibits\">", "</ol>");

        var thumbnails = Images(list);
        Assert.Equal(["/media/exhibition/qingguan/kaifeng.png", "/media/exhibition/qingguan/panel-1.svg"], thumbnails.Select(t => Attribute(t, "src")));
        // The title beside it says what it is: the thumbnail is decoration.
        Assert.All(thumbnails, t => Assert.Equal("", Attribute(t, "alt")));
        Assert.All(thumbnails, t => Assert.Equal("lazy", Attribute(t, "loading")));
        Assert.Equal(3, Regex.Matches(list, "<span class=\"thumb mark\" aria-hidden=\"true\">").Count);
    }

    [Fact]
    public async Task A_hall_page_shows_its_cover_at_once_and_shares_with_its_summary_and_cover()
    {
        var html = await Html.Get(_client, "/exhibition/qingguan");

        var cover = Images(html)[0];
        Assert.Equal("/media/exhibition/qingguan/cover.svg", Attribute(cover, "src"));
        Assert.Null(Attribute(cover, "loading"));
        Assert.Equal("清官故事厅 - 廉政教育展厅", Title(html));
        Assert.Equal("包拯、于谦、海瑞：三位清官的故事。", Meta(html, "description"));
        Assert.Equal("包拯、于谦、海瑞：三位清官的故事。", Meta(html, "og:description"));
        Assert.Equal("http://localhost/media/exhibition/qingguan/cover.svg", Meta(html, "og:image"));
    }

    [Fact]
    public async Task A_hall_without_a_cover_shares_without_a_picture()
    {
        var html = await Html.Get(_client, "/exhibition/jubao");

        Assert.Null(Meta(html, "og:image"));
        Assert.Empty(Images(html));
    }

    [Fact]
    public async Task An_unknown_hall_is_the_Chinese_404_page()
    {
        var html = await Html.Get(_client, "/exhibition/no-such-hall", HttpStatusCode.NotFound);

        Assert.Contains("没有这个展厅", html);
        Assert.Contains("<html lang=\"zh-CN\"", html);
    }
}
