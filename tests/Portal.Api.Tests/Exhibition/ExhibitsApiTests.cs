using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;
using Portal.Api.Exhibition;

namespace Portal.Api.Tests.Exhibition;

[Collection(ExhibitionCollection.Name)]
public class ExhibitsApiTests(ExhibitionApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_comic_gives_its_panels_in_order_as_absolute_addresses_with_alt_text_and_its_neighbours_in_the_hall()
    {
        var exhibit = await _client.AnswerAsync<ExhibitAnswer>("/api/v1/exhibition/exhibits/honest-officials/yuqian");

        Assert.Equal("honest-officials/yuqian", exhibit.Id);
        Assert.Equal(new HallLink("honest-officials", "古代清官"), exhibit.Hall);
        Assert.Equal(("series", "于谦：两袖清风", "连环画三格"), (exhibit.Kind, exhibit.Title, exhibit.Caption));
        Assert.Equal(
            [
                new MediaAnswer("http://localhost/media/exhibition/yuqian/panel-1.svg", "第一格：于谦进京", null, "image/svg+xml"),
                new MediaAnswer("http://localhost/media/exhibition/yuqian/panel-2.svg", "第二格：两袖清风", null, "image/svg+xml"),
                new MediaAnswer("http://localhost/media/exhibition/yuqian/panel-3.svg", "第三格：百姓称颂", null, "image/svg+xml"),
            ],
            exhibit.Media);
        Assert.Contains("于谦进京", exhibit.TranscriptHtml);
        Assert.Equal(("honest-officials/baozheng", "honest-officials/haerui"), (exhibit.Previous, exhibit.Next));
    }

    [Fact]
    public async Task An_audio_guide_links_its_captions_and_the_walk_starts_and_ends_inside_its_hall()
    {
        var guide = await _client.AnswerAsync<ExhibitAnswer>("/api/v1/exhibition/exhibits/honest-officials/haerui");
        var first = await _client.AnswerAsync<ExhibitAnswer>("/api/v1/exhibition/exhibits/honest-officials/baozheng");
        var last = await _client.AnswerAsync<ExhibitAnswer>("/api/v1/exhibition/exhibits/honest-officials/afterword");
        var video = await _client.AnswerAsync<ExhibitAnswer>("/api/v1/exhibition/exhibits/rules/report");

        Assert.Equal(
            new MediaAnswer("http://localhost/media/exhibition/guide/haerui.mp3", "海瑞的故事（约两分钟）", "http://localhost/media/exhibition/guide/haerui.vtt", "audio/mpeg"),
            Assert.Single(guide.Media));
        Assert.Equal("video/mp4", Assert.Single(video.Media).ContentType);
        Assert.Equal("http://localhost/media/exhibition/rules/12388.vtt", video.Media[0].CaptionsUrl);
        Assert.Equal(("本馆编写", new DateOnly(2026, 1, 15)), (first.Source, first.Date));
        Assert.Null(first.Previous);
        Assert.Equal(("text", "honest-officials/haerui", (string?)null), (last.Kind, last.Previous, last.Next));
        Assert.Empty(last.Media);
        // The second hall's first exhibit is not the first hall's last one's successor.
        Assert.Equal(("rules/eight-rules", (string?)null), (video.Previous, video.Next));
    }

    [Theory]
    [InlineData("https://jw.example.gov.cn", "https://jw.example.gov.cn/media/exhibition/")]
    [InlineData("https://jw.example.gov.cn/", "https://jw.example.gov.cn/media/exhibition/")]
    [InlineData("https://www.example.gov.cn/jw/", "https://www.example.gov.cn/jw/media/exhibition/")]
    public async Task With_a_public_base_url_media_addresses_start_with_it_whatever_host_the_api_was_called_on(string baseUrl, string prefix)
    {
        using var content = new ExhibitionSample();
        using var host = new ExhibitionApiFactory(content, baseUrl);
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://api.internal:8080") });

        var guide = await client.AnswerAsync<ExhibitAnswer>("/api/v1/exhibition/exhibits/honest-officials/haerui");
        var halls = await client.AnswerAsync<List<HallSummaryAnswer>>("/api/v1/exhibition/halls");
        var hall = await client.AnswerAsync<HallAnswer>("/api/v1/exhibition/halls/honest-officials");
        var article = await client.AnswerAsync<ArticleAnswer>("/api/v1/news/2026-02-01-case-canteen");

        Assert.Equal(prefix + "guide/haerui.mp3", guide.Media[0].Url);
        Assert.Equal(prefix + "guide/haerui.vtt", guide.Media[0].CaptionsUrl);
        Assert.Equal(prefix + "covers/officials.svg", halls[0].Cover?.Url);
        Assert.Equal(prefix + "baozheng/kaifeng-fu.svg", hall.Exhibits[0].ThumbnailUrl);
        Assert.Equal(prefix + "covers/case.svg", article.Cover?.Url);
    }

    [Fact]
    public async Task With_a_media_address_media_addresses_start_with_it_captions_included()
    {
        using var content = new ExhibitionSample();
        using var host = new ExhibitionApiFactory(content, "https://jw.example.gov.cn");
        var client = host.WithWebHostBuilder(b => b.UseSetting("Portal:MediaBaseUrl", "https://cdn.example.gov.cn/")).CreateClient();

        var guide = await client.AnswerAsync<ExhibitAnswer>("/api/v1/exhibition/exhibits/honest-officials/haerui");

        Assert.Equal("https://cdn.example.gov.cn/media/exhibition/guide/haerui.mp3", guide.Media[0].Url);
        Assert.Equal("https://cdn.example.gov.cn/media/exhibition/guide/haerui.vtt", guide.Media[0].CaptionsUrl);
    }

    [Theory]
    [InlineData("jw.example.gov.cn")]
    [InlineData("ftp://jw.example.gov.cn")]
    [InlineData("https://jw.example.gov.cn/?from=api")]
    public void A_public_base_url_that_is_not_a_site_address_stops_the_api_at_start_naming_the_setting(string baseUrl)
    {
        using var content = new ExhibitionSample();
        using var host = new ExhibitionApiFactory(content, baseUrl);

        var error = Assert.Throws<OptionsValidationException>(() => host.CreateClient());

        Assert.Contains("Portal:PublicBaseUrl", error.Message);
    }

    [Fact]
    public async Task Without_a_public_base_url_media_addresses_follow_the_scheme_and_host_of_the_request_and_so_does_the_tag()
    {
        var other = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://jw.test:8443") });

        var here = await _client.GetAsync("/api/v1/exhibition/exhibits/honest-officials/haerui");
        var there = await other.GetAsync("/api/v1/exhibition/exhibits/honest-officials/haerui");
        var guide = await other.AnswerAsync<ExhibitAnswer>("/api/v1/exhibition/exhibits/honest-officials/haerui");

        Assert.Equal("https://jw.test:8443/media/exhibition/guide/haerui.mp3", guide.Media[0].Url);
        // Different bytes, different strong tag: a copy fetched on one host is not confirmed on another.
        Assert.NotEqual(here.ETag(), there.ETag());
    }

    [Theory]
    [InlineData("/api/v1/exhibition/exhibits/honest-officials/no-such")]
    [InlineData("/api/v1/exhibition/exhibits/honest-officials")]
    [InlineData("/api/v1/exhibition/exhibits/baozheng")]
    public async Task An_unknown_exhibit_is_a_404_problem_in_chinese(string url)
    {
        var problem = await Problems.AssertProblem(await _client.GetAsync(url), HttpStatusCode.NotFound);

        Assert.Contains("展品", problem.GetProperty("detail").GetString());
    }
}
