using System.Net;
using System.Text.RegularExpressions;
using Portal.Tests;
using static Portal.Web.Tests.Pages.Exhibition.ExhibitionHtml;

namespace Portal.Web.Tests.Pages.Exhibition;

[Collection(ExhibitionCollection.Name)]
public class ExhibitTests(ExhibitionSite site)
{
    private readonly HttpClient _client = site.CreateClient();

    [Fact]
    public async Task Next_walks_through_every_exhibit_of_the_hall_in_order_and_ends_back_at_the_hall()
    {
        var (slug, _, exhibits) = ExhibitionSample.Halls[0];
        var url = Html.Link(await Html.Get(_client, "/exhibition/" + slug), "开始参观");
        var walked = new List<string>();
        string html;
        while (true)
        {
            html = await Html.Get(_client, url);
            walked.Add(url);
            Assert.Contains($"第 {walked.Count} 件，共 {exhibits.Length} 件", html);
            if (Rel(html, "next") is not { } next) break;
            url = next;
        }

        Assert.Equal(exhibits.Select(e => $"/exhibition/{slug}/{e}"), walked);
        Assert.Contains($"<a href=\"/exhibition/{slug}\"><span>参观结束，返回展厅 ›</span>", html);
    }

    [Fact]
    public async Task Previous_walks_back_to_the_first_exhibit_which_leads_back_to_the_hall()
    {
        var (slug, _, exhibits) = ExhibitionSample.Halls[0];
        var url = $"/exhibition/{slug}/{exhibits[^1]}";
        var walked = new List<string>();
        string html;
        while (true)
        {
            html = await Html.Get(_client, url);
            walked.Add(url);
            if (Rel(html, "prev") is not { } previous) break;
            url = previous;
        }

        Assert.Equal(exhibits.Reverse().Select(e => $"/exhibition/{slug}/{e}"), walked);
        Assert.Contains($"<a href=\"/exhibition/{slug}\"><span>‹ 返回展厅</span>", html);
    }

    [Fact]
    public async Task The_only_exhibit_of_a_hall_leads_back_to_the_hall_both_ways()
    {
        var html = await Html.Get(_client, "/exhibition/jubao/how");

        Assert.Contains("第 1 件，共 1 件", html);
        Assert.Null(Rel(html, "prev"));
        Assert.Null(Rel(html, "next"));
        Assert.Equal(2, Regex.Matches(html, "<a href=\"/exhibition/jubao\"><span>").Count);
    }

    [Fact]
    public async Task Every_exhibit_shows_its_transcript_as_text_on_the_page()
    {
        foreach (var (slug, _, exhibits) in ExhibitionSample.Halls)
            foreach (var exhibit in exhibits)
            {
                var html = await Html.Get(_client, $"/exhibition/{slug}/{exhibit}");
                var transcript = Between(html, "<section class=\"transcript\"", "</section>");
                Assert.Contains("<h2 id=\"transcript-title\">文字稿</h2>", transcript);
                Assert.Matches("<p>[^<]+|<blockquote>|<table>|<li data-start=\"[0-9.]+\">[^<]+</li>", transcript);
            }
    }

    [Fact]
    public async Task An_audio_guides_transcript_is_the_lines_of_its_captions_in_order_instead_of_the_written_text()
    {
        var html = await Html.Get(_client, "/exhibition/" + ExhibitionSample.AudioExhibit);

        var transcript = Between(html, "<section class=\"transcript\"", "</section>");
        Assert.Contains("<ol class=\"cues\" data-audio=\"guide-1\">", transcript);
        Assert.Matches("<li data-start=\"0\">海瑞一生清贫。</li>\\s*<li data-start=\"1.5\">他留下的只有几件旧衣。</li>", transcript);
        Assert.DoesNotContain("class=\"prose\"", transcript);
        Assert.Contains("<p class=\"follow-hint\" hidden>", transcript);
    }

    [Fact]
    public async Task An_image_exhibit_shows_its_picture_with_size_and_alt_text_then_its_caption_source_and_date()
    {
        var html = await Html.Get(_client, "/exhibition/" + ExhibitionSample.ImageExhibit);

        var image = Assert.Single(Images(Between(html, "<figure class=\"media\">", "</figure>")));
        Assert.Equal("/media/exhibition/qingguan/kaifeng.png", Attribute(image, "src"));
        Assert.Equal("开封府公堂的示意图，正门敞开", Attribute(image, "alt"));
        Assert.Equal(("64", "48"), (Attribute(image, "width"), Attribute(image, "height")));
        Assert.Null(Attribute(image, "loading"));
        Assert.Contains("<figcaption class=\"caption\">包拯知开封府时，大开正门，百姓可以直接进来申诉。</figcaption>", html);
        Assert.Contains("<dt>来源</dt><dd>本展厅编写</dd>", html);
        Assert.Contains("<dt>日期</dt><dd><time datetime=\"2025-03-01\">2025年3月1日</time></dd>", html);
        Assert.Contains("<span class=\"kind\">图片</span>", html);
    }

    [Fact]
    public async Task A_comic_series_is_a_vertical_sequence_of_panels_only_the_first_loaded_at_once()
    {
        var html = await Html.Get(_client, "/exhibition/" + ExhibitionSample.SeriesExhibit);

        var panels = Images(Between(html, "<ol class=\"series\">", "</ol>"));
        Assert.Equal(Enumerable.Range(1, 3).Select(i => $"/media/exhibition/qingguan/panel-{i}.svg"), panels.Select(p => Attribute(p, "src")));
        Assert.Equal(["第一格：同僚劝于谦带些土产进京", "第二格：于谦举起两只衣袖", "第三格：于谦空手上路"], panels.Select(p => Attribute(p, "alt")));
        Assert.Equal([null, "lazy", "lazy"], panels.Select(p => Attribute(p, "loading")));
        Assert.All(panels, p => Assert.Equal(("360", "270"), (Attribute(p, "width"), Attribute(p, "height"))));
        Assert.Equal(3, Images(html).Count);
    }

    [Fact]
    public async Task An_audio_guide_is_a_player_that_downloads_nothing_until_pressed_with_Chinese_captions()
    {
        var html = await Html.Get(_client, "/exhibition/" + ExhibitionSample.AudioExhibit);

        var player = Between(html, "<audio", "</audio>");
        Assert.StartsWith("<audio controls preload=\"none\" src=\"/media/exhibition/qingguan/guide.mp3\" id=\"guide-1\">", player);
        Assert.Contains("<track kind=\"captions\" srclang=\"zh\" label=\"中文\" default src=\"/media/exhibition/qingguan/guide.vtt\">", player);
        Assert.Contains("<a href=\"/media/exhibition/qingguan/guide.mp3\">下载音频</a>", player);
        Assert.Contains("<span class=\"kind\">语音讲解</span>", html);
    }

    [Fact]
    public async Task A_video_plays_inline_with_Chinese_captions_and_loads_only_its_metadata_first()
    {
        var html = await Html.Get(_client, "/exhibition/" + ExhibitionSample.VideoExhibit);

        var player = Between(html, "<video", "</video>");
        Assert.StartsWith("<video controls preload=\"metadata\" playsinline src=\"/media/exhibition/qingguan/film.mp4\">", player);
        Assert.Contains("<track kind=\"captions\" srclang=\"zh\" label=\"中文\" default src=\"/media/exhibition/qingguan/film.vtt\">", player);
    }

    [Fact]
    public async Task A_text_exhibit_is_its_text_alone()
    {
        var html = await Html.Get(_client, "/exhibition/" + ExhibitionSample.TextExhibit);

        Assert.DoesNotContain("<figure", html);
        Assert.Empty(Images(html));
        Assert.Contains("<blockquote>\n<p>公生明，廉生威。</p>\n</blockquote>", html);
        Assert.Contains("<span class=\"kind\">文字</span>", html);

        var captioned = await Html.Get(_client, "/exhibition/" + ExhibitionSample.HostileExhibit);
        Assert.DoesNotContain("<figure", captioned);
        Assert.Contains("<p class=\"caption\">八项规定的主要内容。</p>", captioned);
    }

    [Fact]
    public async Task Script_event_handlers_javascript_links_and_frames_in_a_transcript_never_reach_the_page_but_tables_and_pictures_do()
    {
        var html = await Html.Get(_client, "/exhibition/" + ExhibitionSample.HostileExhibit);

        Assert.All(ExhibitionSample.HostileParts, part => Assert.DoesNotContain(part, html, StringComparison.OrdinalIgnoreCase));
        var transcript = Between(html, "<section class=\"transcript\"", "</section>");
        Assert.Contains("<td>第二条</td>", transcript);
        Assert.Contains("<th>条目</th>", transcript);
        Assert.Contains("<img src=\"/media/exhibition/jilv/wall.jpg\" alt=\"廉洁文化墙\">", transcript);
        Assert.Contains("点这里领奖", transcript); // the link's text stays, its script does not
    }

    [Fact]
    public async Task An_exhibit_shares_as_an_article_with_its_caption_and_its_first_picture()
    {
        var series = await Html.Get(_client, "/exhibition/" + ExhibitionSample.SeriesExhibit);
        Assert.Equal("两袖清风 - 清官故事厅 - 廉政教育展厅", Title(series));
        Assert.Equal("于谦进京不带礼物的故事，共三格。", Meta(series, "description"));
        Assert.Equal("于谦进京不带礼物的故事，共三格。", Meta(series, "og:description"));
        Assert.Equal("article", Meta(series, "og:type"));
        Assert.Equal("http://localhost/media/exhibition/qingguan/panel-1.svg", Meta(series, "og:image"));

        // Without a picture of its own, the hall's cover stands for it; without a caption, the hall's summary.
        var text = await Html.Get(_client, "/exhibition/" + ExhibitionSample.TextExhibit);
        Assert.Equal("http://localhost/media/exhibition/qingguan/cover.svg", Meta(text, "og:image"));
        Assert.Equal("包拯、于谦、海瑞：三位清官的故事。", Meta(text, "description"));
    }

    [Theory]
    [InlineData("/exhibition/qingguan/no-such-exhibit", "没有这件展品")]
    [InlineData("/exhibition/jilv/kaifeng", "没有这件展品")] // an exhibit of another hall
    [InlineData("/exhibition/no-such-hall/kaifeng", "没有这个展厅")]
    public async Task An_unknown_exhibit_is_the_Chinese_404_page(string url, string title)
    {
        var html = await Html.Get(_client, url, HttpStatusCode.NotFound);

        Assert.Contains($"<h1>{title}</h1>", html);
    }
}
